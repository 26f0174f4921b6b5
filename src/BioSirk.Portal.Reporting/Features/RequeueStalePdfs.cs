using BioSirk.Portal.Reporting.Contracts;
using BioSirk.Portal.Reporting.Data;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using BioSirk.Portal.SharedKernel.Pdf;

namespace BioSirk.Portal.Reporting.Features;

/// <summary>
/// A recurring job that queues again the PDFs whose job was lost: the process stopped between saving the PDF and
/// queueing its job, or the portal restarted on the embedded default, whose job storage is in memory. A PDF waiting
/// (or printing) for longer than <see cref="StaleAfter"/> is queued again in its own council; the job is idempotent, so
/// a PDF whose job was only slow is printed once all the same.
/// </summary>
public sealed class RequeueStalePdfs(ReportingDbContext db, ICurrentTenant currentTenant, IReportJobQueue queue, TimeProvider clock, ILogger<RequeueStalePdfs> log)
{
    public const string JobId = "reporting:requeue-stale-pdfs";

    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var before = clock.GetUtcNow().UtcDateTime - StaleAfter;
        // Across councils: the job runs without one, and queues each PDF in the council it belongs to.
        var stale = await db.Pdfs.IgnoreQueryFilters().AsNoTracking()
            .Where(p => (p.State == PdfState.Queued || p.State == PdfState.Rendering) && p.RequestedAtUtc < before)
            .Select(p => new { p.Id, p.TenantId })
            .ToListAsync(ct);
        foreach (var pdf in stale)
        {
            using (currentTenant.Use(TenantScope.ForTenant(pdf.TenantId)))
            {
                queue.EnqueuePdf(pdf.Id);
            }
        }

        if (stale.Count > 0)
        {
            log.LogWarning("Queued {Count} PDF(s) of final reports again; their jobs were lost or stalled.", stale.Count);
        }

        return stale.Count;
    }
}
