using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Agreements.Features;

/// <summary>The person acting, as recorded in signatures and the agreement's history.</summary>
public sealed record Actor(Guid UserId, string Name);

/// <summary>Loads agreements through the tenant filter (another council's id is simply not found) and saves with the concurrency check.</summary>
public sealed class AgreementStore(AgreementsDbContext db)
{
    public const string ConflictMessage =
        "Noen andre har endret avtalen mens du arbeidet. Det du skrev står fortsatt i skjemaet: last inn siden på nytt for å se endringen, og lagre igjen.";

    public AgreementsDbContext Db => db;

    // Both lists are a handful of rows, so one round trip beats a split query.
    public Task<Agreement?> FindAsync(Guid agreementId, CancellationToken ct = default) =>
        db.Agreements.Include(a => a.Milestones).Include(a => a.WorkingGroup).AsSingleQuery().FirstOrDefaultAsync(a => a.Id == agreementId, ct);

    /// <summary>
    /// Hours and costs are the agreement's money: a change to them renews the agreement's stamp, so that a final report
    /// frozen from the figures read before it conflicts instead of leaving the change out (see <see cref="AgreementReports.MarkSubmittedAsync"/>),
    /// and a registration that read the agreement before the report was delivered conflicts instead of slipping in after.
    /// </summary>
    public void MoneyChanged(Agreement agreement) => db.Entry(agreement).Property(a => a.ConcurrencyStamp).IsModified = true;

    /// <summary>Saves; a concurrent change by someone else becomes a message instead of an overwrite.</summary>
    public Task<Result> SaveAsync(CancellationToken ct = default) => db.SaveOrConflictAsync(ConflictMessage, ct);

    /// <summary>Hours, costs and payments so far, as the settlement sees them.</summary>
    public async Task<Settlement> SettlementAsync(Agreement agreement, CancellationToken ct = default)
    {
        var hours = await db.Hours.Where(h => h.AgreementId == agreement.Id).Select(h => new { h.Hours, h.HourRate }).ToListAsync(ct);
        var costs = await db.DirectCosts.Where(c => c.AgreementId == agreement.Id).Select(c => c.Amount).ToListAsync(ct);
        var paid = await db.Payments.Where(p => p.AgreementId == agreement.Id).Select(p => p.Amount).ToListAsync(ct);
        return Settlement.Of(agreement.FrameAmount, new HoursWorked(hours.Sum(h => h.Hours), hours.Sum(h => h.Hours * h.HourRate)), costs.Sum(), paid.Sum());
    }
}
