using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Indicators.Contracts;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Web.Hosting;

/// <summary>
/// Tells the Indicators module which agreements' indicators are closed: those whose final report lies with the county,
/// and for good those whose report the county has approved, or that are settled
/// (<see cref="Agreements.Domain.Agreement.IsReportApproved"/>). Read through the tenant filter: an agreement's
/// indicators belong to its council, whose scope every change to them runs in.
/// </summary>
public sealed class FinalAgreementPlans(AgreementsDbContext db) : IFinalPlans
{
    public async Task<IReadOnlyDictionary<Guid, PlanClosure>> ClosedAgreementsAsync(IReadOnlyCollection<Guid> agreementIds, CancellationToken ct = default)
    {
        if (agreementIds.Count == 0)
        {
            return new Dictionary<Guid, PlanClosure>();
        }

        // A handful of rows: the rule is read from the agreement itself rather than written again as a query.
        var agreements = await db.Agreements.AsNoTracking().Where(a => agreementIds.Contains(a.Id)).ToListAsync(ct);
        return agreements
            .Where(a => a.IsReportApproved || a.Status == AgreementStatus.FinalReportSubmitted)
            .ToDictionary(a => a.Id, a => a.IsReportApproved ? PlanClosure.ReportApproved : PlanClosure.ReportWithTheCounty);
    }
}
