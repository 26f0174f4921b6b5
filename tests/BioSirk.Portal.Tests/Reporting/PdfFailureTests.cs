using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using static BioSirk.Portal.Tests.Reporting.FinalReportSteps;

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
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await PostReportFormAsync(kari, id, "Pdf"));
        var pdf = Assert.Single(await PdfsAsync(portal, id));

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
}
