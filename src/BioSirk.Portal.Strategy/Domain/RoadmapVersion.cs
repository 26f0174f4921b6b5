using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Strategy.Domain;

/// <summary>
/// A frozen copy of the whole roadmap, put forward for adoption. Nothing in it ever changes: the snapshot is written
/// once, and the context refuses to save a modified version.
/// </summary>
public sealed class RoadmapVersion : IPartnershipShared, IAudited
{
    private RoadmapVersion()
    {
    }

    public RoadmapVersion(Guid roadmapId, Guid partnershipId, int number, string label, string snapshotJson, string frozenByName,
        DateTime frozenAtUtc, DateOnly? decisionWanted)
    {
        RoadmapId = roadmapId;
        PartnershipId = partnershipId;
        Number = number;
        Label = label;
        SnapshotJson = snapshotJson;
        FrozenByName = frozenByName;
        FrozenAtUtc = frozenAtUtc;
        DecisionWanted = decisionWanted;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid RoadmapId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public int Number { get; private set; }

    public string Label { get; private set; } = string.Empty;

    public string SnapshotJson { get; private set; } = string.Empty;

    public string FrozenByName { get; private set; } = string.Empty;

    public DateTime FrozenAtUtc { get; private set; }

    /// <summary>When the councils are asked to have decided by (optional).</summary>
    public DateOnly? DecisionWanted { get; private set; }
}

/// <summary>One member council's decision (vedtak) on a version put forward for adoption.</summary>
public sealed class AdoptionDecision : IPartnershipShared, IAudited, IConcurrencyAware
{
    private AdoptionDecision()
    {
    }

    public AdoptionDecision(Guid versionId, Guid roadmapId, Guid partnershipId, Guid councilId)
    {
        VersionId = versionId;
        RoadmapId = roadmapId;
        PartnershipId = partnershipId;
        CouncilId = councilId;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid VersionId { get; private set; }

    public Guid RoadmapId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid CouncilId { get; private set; }

    public AdoptionOutcome Outcome { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public string CaseReference { get; private set; } = string.Empty;

    public string? Changes { get; private set; }

    public string RecordedByName { get; private set; } = string.Empty;

    public DateTime RecordedAtUtc { get; private set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public void Record(AdoptionOutcome outcome, DateOnly decidedOn, string caseReference, string? changes, string byName, DateTime atUtc)
    {
        Outcome = outcome;
        DecidedOn = decidedOn;
        CaseReference = caseReference;
        Changes = outcome == AdoptionOutcome.AdoptedWithChanges ? changes : null;
        RecordedByName = byName;
        RecordedAtUtc = atUtc;
    }
}

/// <summary>Whether a notice about a reporting date comes before it (a reminder) or after it (the report is missing).</summary>
public enum ReminderKind
{
    BeforeDate = 0,
    Missed = 1,
}

/// <summary>A notice sent for one action, one reporting date and one kind; the unique key makes a retried job send it once.</summary>
public sealed class SentActionReminder : IPartnershipShared
{
    private SentActionReminder()
    {
    }

    public SentActionReminder(Guid actionId, Guid partnershipId, DateOnly reportingDate, ReminderKind kind, DateTime sentAtUtc)
    {
        ActionId = actionId;
        PartnershipId = partnershipId;
        ReportingDate = reportingDate;
        Kind = kind;
        SentAtUtc = sentAtUtc;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid ActionId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public DateOnly ReportingDate { get; private set; }

    public ReminderKind Kind { get; private set; }

    public DateTime SentAtUtc { get; private set; }
}
