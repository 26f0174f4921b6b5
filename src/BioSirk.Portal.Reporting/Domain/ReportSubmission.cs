using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Reporting.Domain;

public enum ReportDecision
{
    Pending = 1,
    Returned = 2,
    Approved = 3,

    /// <summary>The delivery could not be completed (the agreement could not take it); kept for the history.</summary>
    Withdrawn = 4,
}

/// <summary>
/// One submitted version of a final report: the report frozen as it was delivered (sections, the agreement's facts and
/// figures, the indicators as of that day), with the timesheet export that went with it and the county's decision.
/// Nothing in it changes after it is made, except the decision.
/// </summary>
public sealed class ReportSubmission : ICountyFunded, IAudited
{
    private readonly List<SectionComment> comments = [];

    private ReportSubmission()
    {
    }

    public ReportSubmission(FinalReport report, int version, string contentJson, Guid submittedByUserId, string submittedBy, DateTime nowUtc)
    {
        ReportId = report.Id;
        AgreementId = report.AgreementId;
        TenantId = report.TenantId;
        FunderCountyId = report.FunderCountyId;
        Version = version;
        ContentJson = contentJson;
        SubmittedByUserId = submittedByUserId;
        SubmittedBy = submittedBy;
        SubmittedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid ReportId { get; private set; }

    public Guid AgreementId { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid FunderCountyId { get; private set; }

    public int Version { get; private set; }

    /// <summary>The frozen <see cref="Documents.ReportContent"/>, as JSON.</summary>
    public string ContentJson { get; private set; } = string.Empty;

    public Guid SubmittedByUserId { get; private set; }

    public string SubmittedBy { get; private set; } = string.Empty;

    public DateTime SubmittedAtUtc { get; private set; }

    /// <summary>The hours and costs export (.xlsx) delivered with the report.</summary>
    public SubmittedFile? Timesheet { get; private set; }

    public ReportDecision Decision { get; private set; } = ReportDecision.Pending;

    public string? DecisionComment { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public IReadOnlyList<SectionComment> Comments => comments;

    public void AttachTimesheet(SubmittedFile file) => Timesheet = file;

    public void Return(string? comment, IEnumerable<SectionComment> sectionComments, string by, DateTime nowUtc)
    {
        comments.AddRange(sectionComments);
        Decide(ReportDecision.Returned, comment, by, nowUtc);
    }

    public void Approve(string? comment, string by, DateTime nowUtc) => Decide(ReportDecision.Approved, comment, by, nowUtc);

    public const string InterruptedDelivery = "Leveringen ble avbrutt fordi avtalen ikke kunne ta imot rapporten.";

    public const string RescindedWhilePending = "Avtalen ble hevet mens rapporten lå hos fylket til vurdering.";

    public void Withdraw(string by, DateTime nowUtc, string reason = InterruptedDelivery) => Decide(ReportDecision.Withdrawn, reason, by, nowUtc);

    private void Decide(ReportDecision decision, string? comment, string by, DateTime nowUtc)
    {
        Decision = decision;
        DecisionComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        DecidedBy = by;
        DecidedAtUtc = nowUtc;
    }
}

/// <summary>The county's comment on one named section of a returned version.</summary>
public sealed record SectionComment(ReportSection Section, string Text);

/// <summary>A file kept with a submission.</summary>
public sealed record SubmittedFile(Guid FileId, string FileName, string ContentType, long Size, string Sha256);
