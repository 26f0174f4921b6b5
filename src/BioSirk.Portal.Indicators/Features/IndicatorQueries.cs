using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Indicators.Data;
using BioSirk.Portal.Indicators.Domain;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Indicators.Features;

/// <summary>An indicator as its page shows it: the definition, the measurements (oldest first) and the status.</summary>
public sealed record IndicatorDetails(
    Indicator Indicator, IReadOnlyList<Measurement> Measurements, IndicatorStatus Status, Measurement? Latest, DateOnly NextReportingDate);

/// <summary>Reads for the indicator pages and for other modules (<see cref="IIndicatorReader"/>); everything through the tenant filter.</summary>
public sealed class IndicatorQueries(IndicatorsDbContext db, IndicatorLock locks) : IIndicatorReader
{
    public async Task<IndicatorDetails?> GetAsync(Guid indicatorId, CancellationToken ct = default)
    {
        var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null)
        {
            return null;
        }

        var measurements = await db.Measurements.AsNoTracking().Where(m => m.IndicatorId == indicatorId)
            .OrderBy(m => m.Date).ThenBy(m => m.RegisteredAtUtc).ToListAsync(ct);
        var latest = IndicatorStatusRule.Latest(measurements);
        return new IndicatorDetails(indicator, measurements, IndicatorStatusRule.Evaluate(indicator, measurements), latest,
            indicator.NextReportingDate(latest?.Date));
    }

    public Task<IReadOnlyList<IndicatorSummary>> ListForPlanAsync(PlanKind kind, Guid planId, CancellationToken ct = default) =>
        SummariesAsync(db.Indicators.Where(i => i.PlanKind == kind && i.PlanId == planId), ct);

    public Task<IReadOnlyList<IndicatorSummary>> ListVisibleAsync(CancellationToken ct = default) => SummariesAsync(db.Indicators, ct);

    public async Task<IReadOnlyList<IndicatorSummary>> ListAwaitingUpdateAsync(Guid userId, DateOnly today, CancellationToken ct = default)
    {
        var mine = await SummariesAsync(db.Indicators.Where(i => i.ResponsibleUserId == userId), ct);
        List<IndicatorSummary> due = [.. mine.Where(s => s.NextReportingDate <= today.AddDays(SendIndicatorReminders.DaysBefore)).OrderBy(s => s.NextReportingDate)];
        return await locks.OpenAsync(due, s => (s.PlanKind, s.PlanId), ct); // a locked indicator is measured no more
    }

    /// <remarks><see cref="IndicatorSnapshot.ExpectedValue"/> is the expected value at the latest measurement's date: the figure the status compares with.</remarks>
    public async Task<IReadOnlyList<IndicatorSnapshot>> SnapshotAsync(PlanKind kind, Guid planId, DateOnly asOf, CancellationToken ct = default)
    {
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Measurements)
            .Where(i => i.PlanKind == kind && i.PlanId == planId).OrderBy(i => i.Name).ToListAsync(ct);
        return [.. indicators.Select(i =>
        {
            var latest = IndicatorStatusRule.Latest(i.Measurements, asOf);
            var status = IndicatorStatusRule.Evaluate(i, i.Measurements, asOf);
            return new IndicatorSnapshot(i.Id, i.Name, i.Unit, i.DirectionText, i.BaselineValue, i.BaselineDate, i.TargetValue, i.TargetDate,
                latest?.Value, latest?.Date, status.State, status.Expected);
        })];
    }

    private static async Task<IReadOnlyList<IndicatorSummary>> SummariesAsync(IQueryable<Indicator> query, CancellationToken ct)
    {
        var indicators = await query.AsNoTracking().Include(i => i.Measurements).OrderBy(i => i.PlanKind).ThenBy(i => i.PlanTitle).ThenBy(i => i.Name).ToListAsync(ct);
        return [.. indicators.Select(Summary)];
    }

    public static IndicatorSummary Summary(Indicator i)
    {
        var latest = IndicatorStatusRule.Latest(i.Measurements);
        var status = IndicatorStatusRule.Evaluate(i, i.Measurements);
        return new IndicatorSummary(i.Id, i.Name, i.Unit, i.PlanKind, i.PlanId, i.PlanTitle, i.TenantId, status.State, latest?.Value, latest?.Date,
            i.TargetValue, i.TargetDate, i.ResponsibleUserId, i.ResponsibleName, i.NextReportingDate(latest?.Date));
    }
}
