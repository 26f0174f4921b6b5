using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.Indicators.Contracts;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Web.Hosting;

/// <summary>
/// Tells the Indicators module which agreements' indicators are final: those whose final report the county has
/// approved, or that are settled (<see cref="Agreements.Domain.Agreement.IsReportApproved"/>). Read through the tenant
/// filter: an agreement's indicators belong to its council, whose scope every change to them runs in.
/// </summary>
public sealed class FinalAgreementPlans(AgreementsDbContext db) : IFinalPlans
{
    public async Task<IReadOnlySet<Guid>> FinalAgreementsAsync(IReadOnlyCollection<Guid> agreementIds, CancellationToken ct = default)
    {
        if (agreementIds.Count == 0)
        {
            return new HashSet<Guid>();
        }

        // A handful of rows: the rule is read from the agreement itself rather than written again as a query.
        var agreements = await db.Agreements.AsNoTracking().Where(a => agreementIds.Contains(a.Id)).ToListAsync(ct);
        return agreements.Where(a => a.IsReportApproved).Select(a => a.Id).ToHashSet();
    }
}
