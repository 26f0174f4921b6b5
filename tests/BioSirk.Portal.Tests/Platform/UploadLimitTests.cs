using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Indicators;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Tests.Meetings;
using BioSirk.Portal.Tests.Reporting;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;

namespace BioSirk.Portal.Tests.Platform;

/// <summary>
/// Each upload form sent with a file over its limit, and over Kestrel's (about 30 MB a request), as a browser sends it:
/// the form comes back with the message beside the file field and what was typed, and nothing is stored. On Kestrel, as
/// in production: the in-memory test server has no limit on a request's body.
/// </summary>
[Collection(KestrelCollection.Name)]
public sealed class UploadLimitTests(KestrelPortalFactory portal) : IAsyncLifetime
{
    private const int MB = 1024 * 1024;

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task DirectCost_WithAVoucherOver10MB_SaysSoBesideTheField_AndKeepsWhatWasTyped()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(portal);
        using var _ = kari;
        using var __ = sigrid;
        var typed = new Dictionary<string, string>
        {
            ["Cost.Date"] = "2026-01-20", ["Cost.Supplier"] = "Gol kro", ["Cost.Description"] = "Møteleie", ["Cost.Amount"] = "1 200",
        };

        foreach (var size in new[] { 11 * MB, 40 * MB })
        {
            var page = await RefusedAsync(await kari.SendWithFilesAsync(await kari.GetPageAsync(CouncilUrl(id)), "form[action*=Cost]", typed, "voucher",
                [("faktura.pdf", Pdf(size))]));
            Assert.Equal("Filen er større enn 10 MB. Skann den med lavere oppløsning, eller del den i flere filer. Velg filen på nytt.", page.FieldError("Cost.Voucher"));
            Assert.Equal("Gol kro", page.FieldValue("Cost.Supplier"));
            Assert.Equal("Møteleie", page.FieldValue("Cost.Description"));
            Assert.Equal("1 200", page.FieldValue("Cost.Amount"));
        }

        Assert.Contains("Ingen direkte kostnader er registrert ennå.", (await kari.GetPageAsync(CouncilUrl(id))).GetElementById("costs")!.TextContent);

        // 10 MB exactly is what the label promises.
        await ExpectRedirectAsync(await kari.SendWithFilesAsync(await kari.GetPageAsync(CouncilUrl(id)), "form[action*=Cost]", typed, "voucher",
            [("faktura.pdf", Pdf(10 * MB))]));
        Assert.Contains("faktura.pdf", (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=cost-rows]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimesheetImport_Over20MB_SaysSoBesideTheField_AndImportsNothing()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(portal);
        using var _ = kari;
        using var __ = sigrid;

        foreach (var size in new[] { 21 * MB, 40 * MB })
        {
            var page = await RefusedAsync(await kari.SendWithFilesAsync(await kari.GetPageAsync(CouncilUrl(id)), "form[action*=Import]", [], "timesheet",
                [("timeliste.csv", Csv("Dato;Person;Aktivitet;Timer;Kommentar\n20.01.2026;Kari Nordmann;Møte;7,5;\n", size))]));
            Assert.Equal("Filen er større enn 20 MB. Del timelisten i flere filer, og importer dem én etter én.", page.FieldError("Timesheet"));
        }

        Assert.Contains("Ingen timer er registrert ennå.", (await kari.GetPageAsync(CouncilUrl(id))).GetElementById("hours")!.TextContent);

        await ExpectRedirectAsync(await kari.SendWithFilesAsync(await kari.GetPageAsync(CouncilUrl(id)), "form[action*=Import]", [], "timesheet",
            [("timeliste.csv", "Dato;Person;Aktivitet;Timer;Kommentar\n20.01.2026;Kari Nordmann;Møte;7,5;\n"u8.ToArray())]));
        Assert.NotNull((await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=hour-rows]"));
    }

    [Fact]
    public async Task MeasurementsImport_Over20MB_SaysSoBesideTheField_AndImportsNothing()
    {
        using var kari = await portal.SignedInAsync(Demo.HallingdalSecretary);
        var url = IndicatorSteps.Url(await IndicatorSteps.CreateAsync(kari));

        foreach (var size in new[] { 21 * MB, 40 * MB })
        {
            var page = await RefusedAsync(await kari.SendWithFilesAsync(await kari.GetPageAsync(url), "form[action*=Import]", [], "measurementsFile",
                [("biokull.csv", Csv("Dato;Verdi\n20.02.2026;150\n", size))]));
            Assert.Equal("Filen er større enn 20 MB. Del målingene i flere filer, og importer dem én etter én.", page.FieldError("MeasurementsFile"));
        }

        Assert.Null((await kari.GetPageAsync(url)).QuerySelector("[data-testid=measurement-rows]"));

        await ExpectRedirectAsync(await kari.SendWithFilesAsync(await kari.GetPageAsync(url), "form[action*=Import]", [], "measurementsFile",
            [("biokull.csv", "Dato;Verdi\n20.02.2026;150\n"u8.ToArray())]));
        Assert.NotNull((await kari.GetPageAsync(url)).QuerySelector("[data-testid=measurement-rows]"));
    }

    [Fact]
    public async Task FinalReportAttachment_Over10MB_SaysSoBesideTheField_AndKeepsTheSections()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(portal);
        using var _ = kari;
        using var __ = sigrid;
        var url = FinalReportSteps.CouncilUrl(id);

        foreach (var size in new[] { 11 * MB, 40 * MB })
        {
            var page = await RefusedAsync(await AttachAsync(kari, url, Pdf(size)));
            Assert.Equal("Filen er større enn 10 MB. Del den opp eller komprimer den, og prøv igjen.", page.FieldError("Input.Upload"));
            Assert.Equal(FinalReportSteps.CompleteSections["Input.Activities"].ReplaceLineEndings("\n"), page.FieldValue("Input.Activities")!.ReplaceLineEndings("\n"));
            Assert.Equal(FinalReportSteps.CompleteSections["Input.FurtherWork"], page.FieldValue("Input.FurtherWork"));
            Assert.Equal("Det du skrev i rapporten, er lagret. Bare vedlegget ble ikke lagt ved.", page.QuerySelector("[data-testid=text-saved]")?.TextContent);
            Assert.Equal("true", page.GetElementById("Input_Upload")!.GetAttribute("aria-invalid"));
        }

        // As the page said: the sections were saved with the upload, the file was not.
        var later = await kari.GetPageAsync(url);
        Assert.Equal(FinalReportSteps.CompleteSections["Input.FurtherWork"], later.FieldValue("Input.FurtherWork"));
        Assert.Null(later.QuerySelector("[data-testid=attachments]"));
        Assert.Null(later.QuerySelector("[data-testid=text-saved]"));

        await FinalReportSteps.ExpectRedirectAsync(await AttachAsync(kari, url, Pdf(1_000)));
        Assert.Equal("vedlegg.pdf", (await kari.GetPageAsync(url)).QuerySelector("[data-testid=attachments] a")!.TextContent);
    }

    [Fact]
    public async Task AgendaItemAttachment_Over20MB_SaysSoBesideTheField_AndAttachesNothing()
    {
        using var kari = await portal.SignedInAsync(Demo.HallingdalSecretary);
        var itemPath = await MeetingSteps.ItemOfANewMeetingAsync(kari, "Rådsmøte april", "2026-04-14", "Budsjett 2027");

        // 70 MB: over what the page once let through (64 MB) as well.
        foreach (var size in new[] { 21 * MB, 70 * MB })
        {
            var page = await RefusedAsync(await kari.SendWithFilesAsync(await kari.GetPageAsync(itemPath), "form[data-testid=attachment-form]", [], "upload",
                [("budsjett.pdf", Pdf(size))]));
            Assert.Equal("Filen er større enn 20 MB. Komprimer den eller del den i flere filer, og prøv igjen.", page.FieldError("Upload"));
            Assert.NotNull(page.QuerySelector("[data-testid=no-attachments]"));
        }

        await ExpectRedirectAsync(await kari.SendWithFilesAsync(await kari.GetPageAsync(itemPath), "form[data-testid=attachment-form]", [], "upload",
            [("budsjett.pdf", Pdf(1_000))]));
        Assert.Null((await kari.GetPageAsync(itemPath)).QuerySelector("[data-testid=no-attachments]"));
    }

    /// <summary>The form again, not an error page: status 200 with the error summary at the top.</summary>
    private static async Task<IHtmlDocument> RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ReadAsync(response);
        Assert.NotNull(page.GetElementById("error-summary"));
        return page;
    }

    /// <summary>The report's form with the sections typed, sent with the file by «Last opp» (its button's formaction).</summary>
    private static async Task<HttpResponseMessage> AttachAsync(PortalClient client, string url, byte[] file)
    {
        var page = await client.GetPageAsync(url);
        return await client.SendWithFilesAsync(page, "form[data-testid=report-form]", FinalReportSteps.CompleteSections, "upload", [("vedlegg.pdf", file)],
            page.QuerySelector("button[formaction*=Attach]")!.GetAttribute("formaction"));
    }

    private static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    }

    /// <summary>A table that would import, made <paramref name="size"/> bytes long with empty lines (which an import skips).</summary>
    private static byte[] Csv(string table, int size)
    {
        var bytes = Enumerable.Repeat((byte)'\n', size).ToArray();
        Encoding.UTF8.GetBytes(table).CopyTo(bytes, 0);
        return bytes;
    }
}
