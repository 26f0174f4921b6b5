namespace BioSirk.Portal.Agreements.Domain;

/// <summary>
/// What the parties agree on: everything a draft form edits and an amendment changes. Nullable where a form may leave
/// a field empty; <see cref="AgreementRules"/> says what must be filled.
/// </summary>
public sealed record AgreementTerms
{
    public string? Title { get; init; }

    public string? Purpose { get; init; }

    /// <summary>One sub-goal (delmål) per line.</summary>
    public string? SubGoals { get; init; }

    public string? CountyContactName { get; init; }

    public string? CountyContactEmail { get; init; }

    public string? CouncilOrganisationNumber { get; init; }

    public string? CouncilContactName { get; init; }

    public string? CouncilContactEmail { get; init; }

    public DateOnly? PeriodStart { get; init; }

    public DateOnly? PeriodEnd { get; init; }

    public DateOnly? ActivitiesDeadline { get; init; }

    public DateOnly? ReportDeadline { get; init; }

    public decimal? FrameAmount { get; init; }

    public decimal? HourRate { get; init; }

    public string? DirectCostRule { get; init; }

    public string? InvoiceText { get; init; }

    public string? OrderNumber { get; init; }

    public string? ProjectNumber { get; init; }

    /// <summary>One required document per line (timesheets, vouchers, final report with updated indicators).</summary>
    public string? RequiredDocumentation { get; init; }

    public string? Terms { get; init; }

    public IReadOnlyList<MilestoneTerms> Milestones { get; init; } = [];

    public IReadOnlyList<WorkingGroupMemberTerms> WorkingGroup { get; init; } = [];
}

public sealed record MilestoneTerms(string? Name, decimal? SharePercent, MilestoneTrigger? Trigger, DateOnly? DueDate)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && SharePercent is null && DueDate is null;
}

public sealed record WorkingGroupMemberTerms(string? Name, string? Role)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Role);
}
