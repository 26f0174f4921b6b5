using BioSirk.Portal.Indicators.Data;
using BioSirk.Portal.Indicators.Domain;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Indicators.Features;

/// <summary>The person acting, as recorded on measurements.</summary>
public sealed record ActingPerson(Guid UserId, string Name);

/// <summary>Loads indicators through the tenant filter (another council's id is simply not found) and saves with the concurrency check.</summary>
public sealed class IndicatorStore(IndicatorsDbContext db)
{
    public const string ConflictMessage =
        "Noen andre har endret indikatoren mens du arbeidet. Det du skrev står fortsatt i skjemaet: last inn siden på nytt for å se endringen, og lagre igjen.";

    public IndicatorsDbContext Db => db;

    public Task<Indicator?> FindAsync(Guid indicatorId, CancellationToken ct = default) =>
        db.Indicators.Include(i => i.Measurements).FirstOrDefaultAsync(i => i.Id == indicatorId, ct);

    public Task<Result> SaveAsync(CancellationToken ct = default) => db.SaveOrConflictAsync(ConflictMessage, ct);

    /// <summary>
    /// A measurement added renews the indicator's stamp: the form asks before a second measurement on a date that has one,
    /// and the import refuses it, so of two added at the same moment (neither seeing the other) the second conflicts
    /// instead of being stored unasked.
    /// </summary>
    public void MeasurementAdded(Indicator indicator) => db.Entry(indicator).Property(i => i.ConcurrencyStamp).IsModified = true;
}

/// <summary>
/// Who may change what. The owner council's secretaries define and edit indicators; they and the responsible person
/// register and import measurements; everyone else who sees the indicator (the tenant filter decides that) reads.
/// </summary>
public static class IndicatorAccess
{
    /// <param name="councilId">The council of the page (null on a county page).</param>
    public static bool CanEdit(Indicator indicator, Guid? councilId, bool isSecretary) =>
        isSecretary && councilId == indicator.TenantId;

    public static bool CanMeasure(Indicator indicator, Guid? councilId, bool isSecretary, Guid? userId) =>
        CanEdit(indicator, councilId, isSecretary) || (councilId is not null && userId is { } id && indicator.IsResponsible(id));
}
