using System.Globalization;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Infrastructure;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Reporting.FinalReportSteps;
using BioSirk.Portal.SharedKernel.Pdf;

namespace BioSirk.Portal.Tests.Reporting;

/// <summary>The portal with a Chromium that cannot start (a broken install), in a database of its own.</summary>
public sealed class BrokenChromiumPortalFactory() : PortalFactory("biosirk_pdf_broken")
{
    protected override void ConfigureMore(IWebHostBuilder builder) => builder.UseSetting("Pdf:ChromiumPath", "/nonexistent/chromium");
}

public sealed class PdfFailureTests(BrokenChromiumPortalFactory portal) : IClassFixture<BrokenChromiumPortalFactory>
{
    [Fact]
    public async Task FailedAttempt_IsShownAndRetried_AndAfterTheLastOneTheSecretaryIsToldWhatToDo()
    {
        await portal.ResetAsync();
        var (kari, sigrid, id, pdf) = await QueuedDraftPdfAsync(portal);
        using var _ = kari;
        using var __ = sigrid;

        // A failed attempt is thrown again, so that Hangfire retries the job (and shows it failed in /jobs at the end).
        await Assert.ThrowsAnyAsync<Exception>(() => RunPdfJobAsync(portal, pdf.TenantId, pdf.Id, lastAttempt: false));
        var retrying = Assert.Single(await PdfsAsync(portal, id));
        Assert.Equal((PdfState.Queued, 1), (retrying.State, retrying.Attempts));
        Assert.Contains("forsøk 1 mislyktes. Nytt forsøk kommer automatisk", (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=pdf-status]")!.TextContent);

        await Assert.ThrowsAnyAsync<Exception>(() => RunPdfJobAsync(portal, pdf.TenantId, pdf.Id, lastAttempt: true));
        var failed = Assert.Single(await PdfsAsync(portal, id));
        Assert.Equal(PdfState.Failed, failed.State);
        Assert.Null(failed.FileId);
        var page = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Contains("kunne ikke lages etter 2 forsøk. Prøv «Lag PDF» igjen", page.QuerySelector("[data-testid=pdf-status]")!.TextContent);
        Assert.Contains("Feilet", page.QuerySelector("[data-testid=pdf-versions] tbody tr")!.TextContent);
        Assert.Contains("PDF 1 av sluttrapporten kunne ikke lages", (await kari.GetPageAsync("/varsler")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task TheDeliveredVersionsPdfFailsForGood_TheCountyIsToldSo_AndTheCouncilMakesItAgainFromTheDeliveredVersion()
    {
        await portal.ResetAsync();
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await SubmitReportAsync(kari, id));
        var delivered = Assert.Single(await PdfsAsync(portal, id));
        await Assert.ThrowsAnyAsync<Exception>(() => RunPdfJobAsync(portal, delivered.TenantId, delivered.Id, lastAttempt: true));

        var county = await sigrid.GetPageAsync(CountyUrl(id));
        Assert.StartsWith("PDF-en kunne ikke lages", county.QuerySelector("[data-testid=pdf-failed]")!.TextContent);
        Assert.DoesNotContain("PDF-en lages;", county.GetElementById("decide")!.TextContent);

        await ExpectRedirectAsync(await kari.SubmitAsync(CouncilUrl(id), "form[data-testid=retry-pdf-form]", []));

        var again = (await PdfsAsync(portal, id)).Last();
        Assert.Equal((2, delivered.SubmissionId, PdfState.Queued), (again.Number, again.SubmissionId, again.State));
        Assert.Equal(delivered.ContentJson, again.ContentJson); // the version as delivered, not today's figures
        Assert.Contains("PDF-en lages;", (await sigrid.GetPageAsync(CountyUrl(id))).GetElementById("decide")!.TextContent);
        Assert.Null((await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=retry-pdf-form]"));
    }
}

/// <summary>A broken Chromium and a Hangfire worker, in a database of its own.</summary>
public sealed class BrokenChromiumJobsPortalFactory() : PortalFactory("biosirk_pdf_broken_jobs")
{
    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Pdf:ChromiumPath", "/nonexistent/chromium");
        builder.UseSetting("Jobs:Server", "true");
        builder.UseSetting("Jobs:Workers", "1");
    }
}

public sealed class PdfJobFailureInHangfireTests(BrokenChromiumJobsPortalFactory portal) : IClassFixture<BrokenChromiumJobsPortalFactory>
{
    [Fact]
    public async Task TheLastRetryFails_TheJobStaysFailedInJobs_AndThePdfIsMarkedFailed()
    {
        await portal.ResetAsync();
        var (kari, sigrid, id, pdf) = await QueuedDraftPdfAsync(portal);
        using var _ = kari;
        using var __ = sigrid;

        // The retries wait 5, 20 and 60 s; rather than waiting, a copy of the job is made that is already on its last
        // retry (Hangfire's own RetryCount parameter), and the worker runs it.
        await portal.WithScopeAsync(sp =>
        {
            var jobs = sp.GetRequiredService<IBackgroundJobClient>();
            string id;
            using (sp.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(pdf.TenantId)))
            {
                id = jobs.Schedule<BioSirk.Portal.Web.Jobs.ReportPdfJob>(j => j.RunAsync(pdf.Id, null, CancellationToken.None), TimeSpan.FromHours(1));
            }

            using (var connection = sp.GetRequiredService<JobStorage>().GetConnection())
            {
                connection.SetJobParameter(id, "RetryCount", BioSirk.Portal.Web.Jobs.ReportPdfJob.Retries.ToString(CultureInfo.InvariantCulture));
            }

            jobs.Requeue(id);
            return Task.FromResult(id);
        });

        // On a busy machine the job's own retries may get there first (after 5 + 20 + 60 s): either way, the last
        // attempt leaves a failed job and a failed PDF.
        await PdfJobTests.WaitUntilAsync(async () => (await PdfsAsync(portal, id)).Single().State == PdfState.Failed, seconds: 150);
        await PdfJobTests.WaitUntilAsync(() => portal.WithScopeAsync(sp =>
            Task.FromResult(sp.GetRequiredService<JobStorage>().GetMonitoringApi().FailedCount() > 0)), seconds: 30);

        using var host = await portal.SignedInAsync(Demo.HostAdmin);
        var failedJobs = await (await host.GetAsync("/jobs/jobs/failed")).Content.ReadAsStringAsync();
        Assert.Contains("Sluttrapport: PDF", failedJobs);
        Assert.Contains("kunne ikke lages etter", (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=pdf-status]")!.TextContent);
    }
}
