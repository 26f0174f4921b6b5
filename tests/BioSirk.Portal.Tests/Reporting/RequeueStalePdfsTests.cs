using BioSirk.Portal.Reporting.Features;
using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Infrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Reporting.FinalReportSteps;

namespace BioSirk.Portal.Tests.Reporting;

/// <summary>A PDF whose job was lost is queued again, in its council; a finished one is left alone.</summary>
public sealed class RequeueStalePdfsTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task PdfWaitingLongerThanTenMinutes_IsQueuedAgainInItsCouncil_AndAFinishedOneIsNot()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await PostReportFormAsync(kari, id, "Pdf"));
        await ExpectRedirectAsync(await PostReportFormAsync(kari, id, "Pdf"));
        var pdfs = await PdfsAsync(Portal, id);
        await RunPdfJobAsync(Portal, pdfs[1].TenantId, pdfs[1].Id, lastAttempt: true); // the second one is printed, the first one's job "lost"

        Assert.Equal(0, await Sweep()); // not stale yet
        Portal.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await Sweep());

        var queued = await Portal.WithScopeAsync(sp =>
        {
            var storage = sp.GetRequiredService<JobStorage>();
            using var connection = storage.GetConnection();
            return Task.FromResult(storage.GetMonitoringApi().EnqueuedJobs("default", 0, 1000)
                .Where(j => j.Value.Job.Type.Name == "ReportPdfJob")
                .Select(j => (PdfId: (Guid)j.Value.Job.Args[0], Council: connection.GetJobParameter(j.Key, "TenantId")))
                .Where(j => j.PdfId == pdfs[0].Id || j.PdfId == pdfs[1].Id) // the job storage outlives the tests' database resets
                .ToList());
        });
        Assert.Equal(2, queued.Count(j => j.PdfId == pdfs[0].Id)); // the lost one, and again
        Assert.Equal(1, queued.Count(j => j.PdfId == pdfs[1].Id)); // only the first time
        Assert.All(queued, j => Assert.Contains(pdfs[0].TenantId.ToString(), j.Council)); // each in the council

        // The job runs in the council: it finds and prints the PDF.
        await RunQueuedPdfJobsAsync(Portal);
        Assert.All(await PdfsAsync(Portal, id), p => Assert.NotNull(p.FileId));
    }

    private Task<int> Sweep() => Portal.WithScopeAsync(sp => sp.GetRequiredService<RequeueStalePdfs>().RunAsync());
}
