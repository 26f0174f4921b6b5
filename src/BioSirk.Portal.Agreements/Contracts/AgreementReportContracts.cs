using BioSirk.Portal.SharedKernel.Money;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Spreadsheets;

namespace BioSirk.Portal.Agreements.Contracts;

/// <summary>Where an agreement stands, as the final report sees it.</summary>
public enum AgreementReportStage
{
    /// <summary>A draft, not signed by both yet: the final report is written once it is.</summary>
    NotInForce = 1,

    /// <summary>Signed: the council works and may deliver its final report.</summary>
    InForce = 2,

    ReportSubmitted = 3,

    ReportApproved = 4,

    Settled = 5,

    /// <summary>Rescinded (hevet) after a breach: no final report is written or delivered any more.</summary>
    Rescinded = 6,
}

/// <summary>The person acting, as the agreement's history records her.</summary>
public sealed record AgreementActor(Guid UserId, string Name);

/// <summary>The markings the county requires on every invoice of the agreement.</summary>
public sealed record InvoiceMarkings(string Text, string OrderNumber, string ProjectNumber)
{
    /// <summary>"Bestillernr. B701010 · Prosjektnr. 60256": the header of the report's pages.</summary>
    public string Header => $"Bestillernr. {OrderNumber} · Prosjektnr. {ProjectNumber}";
}

public sealed record WorkingGroupLine(string Name, string Role);

public sealed record HourLine(DateOnly Date, string Person, string Activity, decimal Hours, decimal Amount);

/// <summary>An hour rate, the days it priced (<paramref name="To"/> null: on) and the hours registered on them.</summary>
public sealed record HourRateLine(DateOnly From, DateOnly? To, decimal Rate, decimal Hours)
{
    /// <summary>The hours' cost rounded to øre, as one line shows it (the total is rounded once from the exact sum).</summary>
    public decimal Amount => Kroner.RoundToOre(Hours * Rate);
}

/// <param name="CostId">The cost on the agreement (its voucher is served from the agreement's page).</param>
public sealed record CostLine(DateOnly Date, string Supplier, string Description, decimal Amount, string? VoucherName, Guid CostId = default);

public sealed record PaymentLine(DateOnly Date, string Milestone, decimal Amount, string Reference);

public sealed record MilestoneLine(int Number, string Name, decimal SharePercent, string Trigger, decimal? Amount, string State)
{
    /// <summary>A payment before the final one, not registered as paid: approving the final report folds it into the settlement.</summary>
    public bool NotYetPaid { get; init; }
}

/// <summary>
/// The money of the agreement as the settlement computes it: eligible = min(hours × rate + direct costs, frame);
/// remainder = eligible − paid (negative: a repayment claim).
/// </summary>
public sealed record BudgetFigures(
    decimal HoursTotal, decimal HourCost, decimal DirectCosts, decimal Spent, decimal Frame, decimal Remaining, decimal PercentUsed,
    decimal NotEligible, decimal Eligible, decimal Paid, decimal Remainder)
{
    public bool IsRepaymentClaim => Remainder < 0;
}

/// <summary>Everything the final report of an agreement is prefilled with: its facts, its money and its history of payments.</summary>
public sealed record AgreementReportBasis(
    Guid AgreementId,
    Guid CouncilId,
    Guid CountyId,
    string Title,
    string CouncilName,
    string CouncilOrganisationNumber,
    string CouncilContact,
    string CountyName,
    string CountyContact,
    string Purpose,
    string SubGoals,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly ReportDeadline,
    AgreementReportStage Stage,
    string StatusText,
    decimal HourRate,
    string DirectCostRule,
    InvoiceMarkings Markings,
    string RequiredDocumentation,
    IReadOnlyList<WorkingGroupLine> WorkingGroup,
    BudgetFigures Budget,
    IReadOnlyList<HourLine> Hours,
    IReadOnlyList<CostLine> Costs,
    IReadOnlyList<PaymentLine> Payments,
    IReadOnlyList<MilestoneLine> Milestones,
    IReadOnlyList<HourRateLine>? HourRates = null)
{
    /// <summary>
    /// The rates when an amendment changed it, each with its days and hours; null when one rate priced every hour
    /// (and in reports delivered before rates had periods: <see cref="HourRate"/> priced them all).
    /// </summary>
    public IReadOnlyList<HourRateLine>? ChangedHourRates => HourRates is { Count: > 1 } rates ? rates : null;

    /// <summary>The agreement's concurrency stamp when this was read: a change to the agreement or its hours and costs renews it.</summary>
    public string AgreementStamp { get; init; } = "";

    /// <summary>The sub-goals one per line, as the report answers them one by one.</summary>
    public IReadOnlyList<string> SubGoalList => SubGoals.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(g => g.TrimStart('-', '•', '*', ' ')).Where(g => g.Length > 0).ToList();
}

/// <summary>
/// Told once an agreement's rescission is saved, by whoever rescinded it: a module with work waiting on the agreement
/// (a final report with the county) closes it, so that nobody is asked to decide on an agreement that has ended.
/// </summary>
public interface IAgreementRescissionListener
{
    Task AgreementRescindedAsync(Guid agreementId, AgreementActor by, CancellationToken ct = default);
}

/// <summary>
/// What the Reporting module may read and do on an agreement: read the basis of the final report, and move the
/// agreement as the report is submitted, returned and approved. Everything goes through the tenant filter: an
/// agreement the current council or county cannot see is null (404).
/// </summary>
public interface IAgreementReports
{
    Task<AgreementReportBasis?> GetBasisAsync(Guid agreementId, CancellationToken ct = default);

    /// <summary>The timesheet and costs export (.xlsx) that goes with the submission.</summary>
    Task<ExportFile?> ExportTimesheetAsync(Guid agreementId, CancellationToken ct = default);

    /// <summary>
    /// The agreement moves to "Final report submitted", as it was when the report was frozen: <paramref name="basisStamp"/>
    /// is the <see cref="AgreementReportBasis.AgreementStamp"/> read then, and an agreement changed since (hours or costs
    /// registered meanwhile) refuses with the conflict message. Null when the agreement is not visible.
    /// </summary>
    Task<Result?> MarkSubmittedAsync(Guid agreementId, int version, string basisStamp, AgreementActor by, CancellationToken ct = default);

    /// <summary>The county returned the report: the agreement is in force again until the next submission.</summary>
    Task<Result?> MarkReturnedAsync(Guid agreementId, int version, AgreementActor by, CancellationToken ct = default);

    /// <summary>
    /// The county approved the report: the final milestone becomes payable with the settlement's remainder (a repayment
    /// claim when negative). Returns the figures it was computed from.
    /// </summary>
    Task<Result<BudgetFigures>?> ApproveAsync(Guid agreementId, int version, AgreementActor by, CancellationToken ct = default);
}
