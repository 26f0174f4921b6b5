using System.Text.RegularExpressions;
using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.Playwright;
using static BioSirk.Portal.Tests.Reporting.FinalReportSteps;
using static Microsoft.Playwright.Assertions;

namespace BioSirk.Portal.BrowserTests;

/// <summary>
/// The final report in the browser: the council writes it and makes a PDF (printed by the Hangfire worker, its progress
/// pushed live), the county reads it and returns it with comments per section, the council sees them beside the sections.
/// </summary>
public sealed class FinalReportTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    /// <summary>The PDF job waits for the worker's next poll of the queue (up to 15 s) and then for Chromium.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions BackgroundJob = new() { Timeout = 60_000 };

    [Fact]
    public async Task Secretary_WritesTheSections_AndLagPdf_ShowsTheProgressLiveWithoutReload_AndThePdfDownloads()
    {
        var id = await SignedAgreementAsync();
        var url = CouncilUrl(id);
        await SignInAsync(Demo.HallingdalSecretary, "/rad/hallingdal");
        await GotoAsync(url);
        await Expect(Page.Locator("[data-testid=report-stage]")).ToHaveTextAsync("Ikke påbegynt");
        await Expect(Page.Locator("[data-testid=no-pdfs]")).ToBeVisibleAsync();

        var form = Page.Locator("form[data-testid=report-form]");
        await form.GetByLabel("Gjennomførte aktiviteter").FillAsync("Tolv møter med bedrifter i Gol, Ål og Hemsedal.");
        await form.GetByLabel("Resultater mot delmålene").FillAsync("Delmål 1: nettverket er etablert.");
        await form.GetByLabel("Avvik").FillAsync("Ingen avvik.");
        await form.GetByLabel("Bruk av midlene").FillAsync("Timene gikk til mobilisering.");
        await form.GetByLabel("Videre arbeid").FillAsync("Regionrådet viderefører nettverket i 2027.");

        // The job is held at the printer, so that the page is seen with the PDF under way, whatever the worker's pace.
        var hold = Portal.Pdfs.Hold();
        try
        {
            await ClickAndCheckAsync(form.GetByRole(AriaRole.Button, new() { Name = "Lag PDF" }), url);
            await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("PDF-en er bestilt.");
            var status = Page.Locator("#pdf-status");
            await Expect(status).ToHaveTextAsync(new Regex("^PDF 1 (står i kø\\.|lages nå …)$"));
            await Expect(Page.Locator("[data-testid=pdf-versions] tbody tr")).ToHaveCountAsync(1);

            // From here on the page is never loaded again: a mark on this document must still be there at the end.
            await Page.EvaluateAsync("() => { window.sameDocument = true; }");
            await Expect(Page.Locator("[data-live=on]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });

            // The worker takes the job and starts printing: the page is told.
            await Expect(status).ToHaveTextAsync("PDF 1 lages nå …", BackgroundJob);
            await Expect(Page.Locator("[data-testid=pdf-versions] [data-pdf-state]")).ToHaveTextAsync("Lages");
        }
        finally
        {
            hold.Dispose();
        }

        var versions = Page.Locator("[data-testid=pdf-versions]");
        await Expect(Page.Locator("#pdf-status")).ToHaveTextAsync("PDF 1 er klar.", BackgroundJob);
        await Expect(versions.Locator("[data-pdf-state]")).ToHaveTextAsync("Klar");
        var download = versions.GetByRole(AriaRole.Link, new() { Name = "Last ned PDF 1" });
        await Expect(download).ToBeVisibleAsync();
        await Expect(versions.Locator("[data-pdf-size]")).ToHaveTextAsync(new Regex("^[0-9 ,]+ (kB|MB)$")); // the finished file's size and hash, live too
        await Expect(versions.Locator("[data-pdf-sha] code")).ToHaveTextAsync(new Regex("^[0-9a-f]{12}$"));
        Assert.True(await Page.EvaluateAsync<bool>("() => window.sameDocument === true"), "The page was loaded again; the progress should come without a reload.");
        await CheckAsync(); // the status line and the table as the script left them

        var pdf = await Page.Context.APIRequest.GetAsync((await download.GetAttributeAsync("href"))!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..5]));

        // The preview is the same document, with what she wrote, including what she typed just before (saved on the way).
        await Page.Locator("form[data-testid=report-form]").GetByLabel("Videre arbeid").FillAsync("Regionrådet viderefører nettverket i 2027 og 2028.");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Lagre og forhåndsvis" }), url + "/forhandsvisning");
        var document = Page.Locator("[data-testid=report-document]");
        await Expect(document.Locator("[data-section=Activities]")).ToContainTextAsync("Tolv møter med bedrifter i Gol, Ål og Hemsedal.");
        await Expect(document.Locator("[data-section=FurtherWork]")).ToContainTextAsync("Regionrådet viderefører nettverket i 2027 og 2028.");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Tilbake til sluttrapporten" }), url);
        await Expect(Page.Locator("form[data-testid=report-form]").GetByLabel("Videre arbeid")).ToHaveValueAsync("Regionrådet viderefører nettverket i 2027 og 2028.");
    }

    [Fact]
    public async Task InEnglish_TheLiveProgressOfAPdf_IsInEnglish()
    {
        var id = await SignedAgreementAsync();
        var url = CouncilUrl(id);
        await SignInAsync(Demo.HallingdalSecretary, "/rad/hallingdal");
        await ClickAndCheckAsync(Page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "English" }), "/rad/hallingdal");
        await GotoAsync(url);

        var status = Page.Locator("#pdf-status");
        var hold = Portal.Pdfs.Hold();
        try
        {
            await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Make PDF" }), url);
            await Expect(status).ToHaveTextAsync(new Regex("^PDF 1 (is queued\\.|is being made …)$"));
            await Expect(Page.Locator("[data-live=on]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
            await Expect(status).ToHaveTextAsync("PDF 1 is being made …", BackgroundJob); // pushed by the server, worded by the page
        }
        finally
        {
            hold.Dispose();
        }

        await Expect(status).ToHaveTextAsync("PDF 1 is ready.", BackgroundJob);
        await Expect(Page.Locator("[data-testid=pdf-versions] [data-pdf-state]")).ToHaveTextAsync("Ready");
        await Expect(Page.Locator("[data-testid=pdf-versions]").GetByRole(AriaRole.Link, new() { Name = "Download PDF 1" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Secretary_SeesTheCountysCommentsBesideTheSections_AndDeliveringWithAnEmptySectionIsExplained()
    {
        var id = await SignedAgreementAsync();
        using (var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary))
        using (var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer))
        {
            await ExpectRedirectAsync(await SubmitReportAsync(kari, id));
            await ExpectRedirectAsync(await DecideAsync(sigrid, id, 1, "Return", new()
            {
                ["Decision.Comment"] = "Rapporten er nesten ferdig.",
                ["Decision.SectionResults"] = "Tallfest resultatet for delmål 2.",
            }));
        }

        var url = CouncilUrl(id);
        await SignInAsync(Demo.HallingdalSecretary, "/rad/hallingdal");
        await GotoAsync(url);
        await Expect(Page.Locator("[data-testid=report-stage]")).ToHaveTextAsync("Sendt tilbake (versjon 1) – under arbeid");
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Fylket sendte versjon 1 tilbake" })).ToContainTextAsync("Rapporten er nesten ferdig.");
        var results = Page.GetByLabel("Resultater mot delmålene");
        await Expect(Page.Locator("[data-testid=comment-Results]")).ToContainTextAsync("Tallfest resultatet for delmål 2.");
        await Expect(results).ToHaveAccessibleDescriptionAsync(new Regex("Tallfest resultatet for delmål 2\\."));

        // She empties a section by mistake and delivers: refused, explained at the top and beside the field, nothing lost.
        await Page.GetByLabel("Avvik").FillAsync("");
        await results.FillAsync("Delmål 2: 14 bedrifter kartlagt.");
        await Page.GetByLabel("Rapporten er klar til å leveres").CheckAsync();
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Lever sluttrapporten til fylket" }), url + "?handler=Submit");

        const string message = "Beskriv avvikene, eller skriv «Ingen avvik».";
        await Expect(Page.Locator("#error-summary")).ToBeFocusedAsync();
        await Expect(Page.Locator("#error-summary a[href='#Input_Deviations']")).ToHaveTextAsync(message);
        await Expect(Page.GetByLabel("Avvik")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByLabel("Avvik")).ToHaveAccessibleDescriptionAsync(new Regex("^" + Regex.Escape(message)));
        await Expect(results).ToHaveValueAsync("Delmål 2: 14 bedrifter kartlagt.");
        await Expect(Page.GetByLabel("Rapporten er klar til å leveres")).ToBeCheckedAsync();
        await Expect(Page.Locator("[data-testid=comment-Results]")).ToContainTextAsync("Tallfest resultatet for delmål 2.");
    }

    [Fact]
    public async Task Secretary_UploadsAnAttachmentWhileWriting_KeepsWhatSheTyped_AndTheCountyOpensTheAttachmentFromTheReport()
    {
        var id = await SignedAgreementAsync();
        var url = CouncilUrl(id);
        await SignInAsync(Demo.HallingdalSecretary, "/rad/hallingdal");
        await GotoAsync(url);

        // She types, then attaches a document without pressing «Lagre» first: the text is saved with the upload.
        await Page.GetByLabel("Gjennomførte aktiviteter").FillAsync("Tolv møter med bedrifter i Gol, Ål og Hemsedal.");
        await Page.GetByLabel("Legg ved et dokument (PDF, JPEG eller PNG, høyst 10 MB)").SetInputFilesAsync(new FilePayload
        {
            Name = "referater.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 referater fra nettverksmøtene"u8.ToArray(),
        });
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Last opp" }), url);
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Vedlegget er lagt til.");
        await Expect(Page.Locator("[data-testid=attachments]")).ToContainTextAsync("referater.pdf");
        await Expect(Page.GetByLabel("Gjennomførte aktiviteter")).ToHaveValueAsync("Tolv møter med bedrifter i Gol, Ål og Hemsedal.");

        using (var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary))
        {
            await ExpectRedirectAsync(await SubmitReportAsync(kari, id));
        }

        // The county reads the delivered report, and its attachment is a link to the file.
        var county = await NewPageInFreshContextAsync();
        await SignInAsync(Demo.BuskerudOfficer, "/fylke/buskerud", county);
        await GotoAsync(CountyUrl(id), county);
        var link = county.Locator("[data-testid=report-document]").GetByRole(AriaRole.Link, new() { Name = "referater.pdf" });
        var file = await county.Context.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!);
        Assert.Equal(200, file.Status);
        Assert.Equal("%PDF-1.4 referater fra nettverksmøtene", await file.TextAsync());
    }

    [Fact]
    public async Task Officer_FindsTheReportInTheQueue_AndReturnsItWithTheKeyboardOnly()
    {
        var id = await SignedAgreementAsync();
        const string queue = "/fylke/buskerud/sluttrapporter";
        await SignInAsync(Demo.BuskerudOfficer, "/fylke/buskerud");
        await GotoAsync(queue);
        await Expect(Page.Locator("[data-testid=queue-empty]")).ToBeVisibleAsync();

        using (var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary))
        {
            await ExpectRedirectAsync(await SubmitReportAsync(kari, id));
        }

        await GotoAsync(queue);
        var row = Page.GetByRole(AriaRole.Table, new() { Name = "1 rapport venter, eldste først" }).GetByRole(AriaRole.Row).Nth(1);
        await Expect(row).ToContainTextAsync("Regionrådet for Hallingdal");
        await ClickAndCheckAsync(row.GetByRole(AriaRole.Link), CountyUrl(id));
        await Expect(Page.Locator("[data-testid=report-document] [data-section=Results]")).ToContainTextAsync("Delmål 2: fire pilotprosjekter er i gang.");

        // Keyboard only: Tab to the comment, open the section comments, write one, and send it back with Enter.
        var decision = Page.Locator("form[data-testid=decision-form]");
        var comment = decision.GetByLabel("Merknad til rådet");
        await TabToAsync(comment);
        await Page.Keyboard.InsertTextAsync("Tallene mangler for delmål 2.");
        await Page.Keyboard.PressAsync("Tab");
        var sectionComments = decision.Locator("summary");
        await Expect(sectionComments).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Space");
        await Expect(decision.Locator("details")).ToHaveAttributeAsync("open", "");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(decision.GetByLabel("Gjennomførte aktiviteter")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(decision.GetByLabel("Resultater mot delmålene")).ToBeFocusedAsync();
        await Page.Keyboard.InsertTextAsync("Tallfest resultatet for delmål 2.");
        var sendBack = decision.GetByRole(AriaRole.Button, new() { Name = "Send tilbake med merknader" });
        await TabToAsync(sendBack);
        await CheckAsync(); // with the section comments open and the focus on the button
        var response = await NavigateAsync(Page, () => Page.Keyboard.PressAsync("Enter"));
        Assert.Equal(200, response.Status);
        Assert.Equal(CountyUrl(id), new Uri(Page.Url).AbsolutePath);
        await CheckAsync();

        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Sluttrapporten er sendt tilbake til rådet med merknadene.");
        await Expect(Page.Locator("[data-testid=report-stage]")).ToHaveTextAsync("Sendt tilbake (versjon 1) – under arbeid");
        await Expect(Page.Locator("[data-testid=history] [data-version='1']")).ToContainTextAsync("Tallfest resultatet for delmål 2.");
        await Expect(decision).ToHaveCountAsync(0);

        await GotoAsync(queue);
        await Expect(Page.Locator("[data-testid=queue-empty]")).ToBeVisibleAsync();
    }

    /// <summary>The template agreement, signed by both parties (as the HTTP tests make it); returns its id.</summary>
    private async Task<Guid> SignedAgreementAsync()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        kari.Dispose();
        sigrid.Dispose();
        return id;
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus; fails if it is not reached within 60 stops.</summary>
    private async Task TabToAsync(ILocator target)
    {
        for (var i = 0; i < 60; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail("Tab never reached " + target);
    }
}
