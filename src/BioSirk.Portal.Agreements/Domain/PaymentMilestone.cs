using System.Linq.Expressions;
using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Agreements.Domain;

/// <summary>
/// One payment of the agreement: a share of the frame and what triggers it. Its amount is fixed when it becomes
/// payable: the share of the frame, or for the final settlement the remainder (negative: a repayment claim).
/// </summary>
public sealed class PaymentMilestone : ICountyFunded, IAudited, IConcurrencyAware
{
    private PaymentMilestone()
    {
    }

    public PaymentMilestone(Agreement agreement, int number, string name, decimal sharePercent, MilestoneTrigger trigger, DateOnly? dueDate)
    {
        AgreementId = agreement.Id;
        TenantId = agreement.TenantId;
        FunderCountyId = agreement.FunderCountyId;
        Number = number;
        Name = name;
        SharePercent = sharePercent;
        Trigger = trigger;
        DueDate = dueDate;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid AgreementId { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid FunderCountyId { get; private set; }

    public int Number { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public decimal SharePercent { get; private set; }

    public MilestoneTrigger Trigger { get; private set; }

    public DateOnly? DueDate { get; private set; }

    public MilestoneState State { get; private set; } = MilestoneState.Waiting;

    /// <summary>Set when the milestone becomes payable.</summary>
    public decimal? Amount { get; private set; }

    public DateTime? PayableSinceUtc { get; private set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>
    /// The county's turn: the council has requested it, or it is a repayment claim (which the council does not request,
    /// it pays). A request is decided before its payment is registered: see <see cref="IsReadyForPayment"/>.
    /// </summary>
    public bool AwaitsPayment => State == MilestoneState.Requested || (State == MilestoneState.Payable && Amount < 0);

    /// <summary>
    /// The county may register the payment now: it <see cref="AwaitsPayment"/>, and no request for it still waits for
    /// the county's decision. A request is approved (or returned) on its own, by someone who chose to: registering the
    /// payment never approves it.
    /// </summary>
    /// <param name="requests">The agreement's payment requests.</param>
    public bool IsReadyForPayment(IEnumerable<PaymentRequest> requests) =>
        AwaitsPayment && !requests.Any(r => r.MilestoneId == Id && r.Status == PaymentRequestStatus.Sent);

    /// <summary><see cref="AwaitsPayment"/> for a database query (the county's tasks).</summary>
    public static readonly Expression<Func<PaymentMilestone, bool>> AwaitingPayment =
        m => m.State == MilestoneState.Requested || (m.State == MilestoneState.Payable && m.Amount < 0);

    /// <summary>
    /// What was really paid on it (negative: repaid), which may differ from <see cref="Amount"/>: the county may
    /// register another amount when she confirms it.
    /// </summary>
    public decimal PaidIn(IEnumerable<Payment> payments) => payments.Where(p => p.MilestoneId == Id).Sum(p => p.Amount);

    public void MakePayable(decimal amount, DateTime nowUtc)
    {
        if (State == MilestoneState.Waiting)
        {
            State = MilestoneState.Payable;
            Amount = amount;
            PayableSinceUtc = nowUtc;
        }
    }

    public void MarkRequested() => State = MilestoneState.Requested;

    public void MarkReturned() => State = MilestoneState.Payable;

    public void MarkPaid() => State = MilestoneState.Paid;

    /// <summary>A payment before the final one, not registered as paid: approving the final report folds it into the settlement.</summary>
    public bool FoldsIntoFinalSettlement =>
        Trigger != MilestoneTrigger.FinalReportApproved && State is MilestoneState.Waiting or MilestoneState.Payable or MilestoneState.Requested;

    internal void FoldIntoFinalSettlement() => State = MilestoneState.InFinalSettlement;

    /// <summary>Its payment was reversed: the county registers it again (a repayment claim is never requested).</summary>
    public void ReopenForPayment() => State = Amount < 0 ? MilestoneState.Payable : MilestoneState.Requested;

    internal void Change(string name, decimal sharePercent, MilestoneTrigger trigger, DateOnly? dueDate)
    {
        Name = name;
        if (State == MilestoneState.Waiting)
        {
            SharePercent = sharePercent;
            Trigger = trigger;
            DueDate = dueDate;
        }
    }
}

/// <summary>A person in the agreement's working group (arbeidsgruppe).</summary>
public sealed class WorkingGroupMember : ICountyFunded
{
    private WorkingGroupMember()
    {
    }

    public WorkingGroupMember(Agreement agreement, int number, string name, string role)
    {
        AgreementId = agreement.Id;
        TenantId = agreement.TenantId;
        FunderCountyId = agreement.FunderCountyId;
        Number = number;
        Name = name;
        Role = role;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid AgreementId { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid FunderCountyId { get; private set; }

    public int Number { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string Role { get; private set; } = string.Empty;
}
