using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Agreements.Domain;

public enum PaymentRequestStatus
{
    Sent = 1,
    Approved = 2,
    Returned = 3,
}

/// <summary>
/// A payment request (utbetalingsanmodning) for a payable milestone. Locked once sent; the county approves it or
/// returns it with a comment, and a returned request is followed by a new one.
/// </summary>
public sealed class PaymentRequest : ICountyFunded, IAudited, IConcurrencyAware
{
    private readonly List<Voucher> attachments = [];

    private PaymentRequest()
    {
    }

    public PaymentRequest(Agreement agreement, PaymentMilestone milestone, decimal spentSoFar, string statusText, string invoiceMarking,
        string sentBy, DateTime nowUtc)
    {
        AgreementId = agreement.Id;
        TenantId = agreement.TenantId;
        FunderCountyId = agreement.FunderCountyId;
        MilestoneId = milestone.Id;
        Amount = milestone.Amount ?? 0;
        SpentSoFar = spentSoFar;
        StatusText = statusText.Trim();
        InvoiceMarking = invoiceMarking;
        SentBy = sentBy;
        SentAtUtc = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid AgreementId { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid FunderCountyId { get; private set; }

    public Guid MilestoneId { get; private set; }

    public decimal Amount { get; private set; }

    /// <summary>Costs against the frame when the request was sent.</summary>
    public decimal SpentSoFar { get; private set; }

    public string StatusText { get; private set; } = string.Empty;

    public string InvoiceMarking { get; private set; } = string.Empty;

    public PaymentRequestStatus Status { get; private set; } = PaymentRequestStatus.Sent;

    public string SentBy { get; private set; } = string.Empty;

    public DateTime SentAtUtc { get; private set; }

    public string? DecisionComment { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>Documents sent with the request (timesheets, activity documentation); stored like vouchers.</summary>
    public IReadOnlyList<Voucher> Attachments => attachments;

    public void Attach(Voucher file) => attachments.Add(file);

    public void Approve(string by, DateTime nowUtc) => Decide(PaymentRequestStatus.Approved, null, by, nowUtc);

    public void Return(string comment, string by, DateTime nowUtc) => Decide(PaymentRequestStatus.Returned, comment, by, nowUtc);

    private void Decide(PaymentRequestStatus status, string? comment, string by, DateTime nowUtc)
    {
        Status = status;
        DecisionComment = comment;
        DecidedBy = by;
        DecidedAtUtc = nowUtc;
    }
}

/// <summary>A payment registered by the county; negative when the council repays.</summary>
public sealed class Payment : ICountyFunded, IAudited
{
    private Payment()
    {
    }

    public const int MaxReferenceLength = 200;

    public Payment(Agreement agreement, PaymentMilestone milestone, DateOnly date, decimal amount, string reference, string registeredBy, DateTime nowUtc)
    {
        AgreementId = agreement.Id;
        TenantId = agreement.TenantId;
        FunderCountyId = agreement.FunderCountyId;
        MilestoneId = milestone.Id;
        Date = date;
        Amount = amount;
        Reference = reference.Trim();
        RegisteredBy = registeredBy;
        RegisteredAtUtc = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid AgreementId { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid FunderCountyId { get; private set; }

    public Guid MilestoneId { get; private set; }

    public DateOnly Date { get; private set; }

    public decimal Amount { get; private set; }

    public string Reference { get; private set; } = string.Empty;

    public string RegisteredBy { get; private set; } = string.Empty;

    public DateTime RegisteredAtUtc { get; private set; }
}
