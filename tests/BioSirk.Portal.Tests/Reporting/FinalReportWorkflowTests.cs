using System.Net;
using BioSirk.Portal.Indicators.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Indicators;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using static BioSirk.Portal.Tests.Reporting.FinalReportSteps;

namespace BioSirk.Portal.Tests.Reporting;

/// <summary>The final report of the Hallingdal agreement through HTTP: written, previewed, submitted, returned, resubmitted, approved.</summary>
public sealed class FinalReportWorkflowTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly byte[] PdfVoucher = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task AfterTheCountyApproves_TheReceiptIsTheOneStatus_AndThePdfsLiveLineTakesNoRoom()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await PaidFirstMilestoneWithSpendingAsync(Portal, kari, sigrid, id);
        await ExpectRedirectAsync(await SubmitReportAsync(kari, id));
        await RunQueuedPdfJobsAsync(Portal);

        var approved = await sigrid.PageAfterAsync(await DecideAsync(sigrid, id, 1, "Approve"));
        var statuses = approved.QuerySelectorAll("[role=status]");
        Assert.Contains(statuses, s => s.TextContent.Contains("Sluttrapporten er godkjent.", StringComparison.Ordinal));
        // The PDF's live line stays for report-progress.js to speak in, but empty it has no margin: no blank box.
        var empty = Assert.Single(statuses, s => s.TextContent.Trim().Length == 0);
        Assert.Equal("pdf-status", empty.Id);
        Assert.Contains("mb-0", empty.ClassList);
    }

    [Fact]
    public async Task TheCounty_GetsAnAttachmentOnlyOnceTheCouncilHasDeliveredIt_NotFromTheDraft()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var draft = await kari.GetPageAsync(CouncilUrl(id));
        await ExpectRedirectAsync(await kari.SendWithFilesAsync(draft, "form[data-testid=report-form]", CompleteSections, "upload",
            [("utkast-vedlegg.pdf", PdfVoucher)], draft.QuerySelector("button[formaction*=Attach]")!.GetAttribute("formaction")));
        var link = (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=attachments] a")!.GetAttribute("href")!;
        var fileId = link.Split("attachmentId=")[1];
        var countyLink = $"{CountyUrl(id)}?handler=Attachment&attachmentId={fileId}";
        Assert.Equal(HttpStatusCode.OK, (await kari.GetAsync(link)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await sigrid.GetAsync(countyLink)).StatusCode);

        await ExpectRedirectAsync(await SubmitReportAsync(kari, id));
        var delivered = await sigrid.GetAsync(countyLink);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal(PdfVoucher, await delivered.Content.ReadAsByteArrayAsync());
        Assert.Contains(countyLink.Replace(CountyUrl(id), "", StringComparison.Ordinal),
            (await sigrid.GetPageAsync(CountyUrl(id))).QuerySelector("[data-testid=report-document]")!.InnerHtml.Replace("&amp;", "&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteSubmitReturnResubmitApprove_MakesTheFinalPaymentPayableWithTheExactAmount()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await PaidFirstMilestoneWithSpendingAsync(Portal, kari, sigrid, id);
        var indicator = await IndicatorSteps.CreateAsync(kari, new() { ["Input.Name"] = "Bedrifter kartlagt", ["Input.Unit"] = "bedrifter" },
            $"/rad/hallingdal/indikatorer/ny?plan=Agreement&planId={id}");
        await AgreementSteps.ExpectRedirectAsync(await IndicatorSteps.MeasureAsync(kari, IndicatorSteps.Url(indicator), "2026-01-15", "137,5"));

        // Write (one section still empty) and preview: the figures are filled in, the empty section says so.
        await ExpectRedirectAsync(await PostReportFormAsync(kari, id, "Save", new() { ["Input.FurtherWork"] = "" }));
        var preview = (await kari.GetPageAsync(CouncilUrl(id) + "/forhandsvisning")).QuerySelector("[data-testid=report-document]")!.TextContent;
        Assert.Contains("Tolv møter med bedrifter", preview);
        Assert.Contains("kr 147 345,67", preview);
        Assert.Contains("kr 34 845,67", preview);
        Assert.Contains("Bedrifter kartlagt", preview);
        Assert.Contains("137,5", preview);
        Assert.Contains("Ikke skrevet ennå.", preview);
        var latest = (await kari.GetPageAsync(CouncilUrl(id) + "/forhandsvisning")).QuerySelectorAll("[data-testid=report-indicators] tbody td")[2].TextContent;
        Assert.Equal("137,5 15.01.2026", latest.Trim()); // the value and its date, apart

        // Submitting with an empty section is refused beside the field, with what was typed kept.
        var refused = await PortalClient.ReadAsync(await SubmitReportAsync(kari, id, new() { ["Input.FurtherWork"] = "", ["Input.Deviations"] = "Ett møte ble flyttet." }));
        Assert.Contains("videre arbeidet", refused.FieldError("Input.FurtherWork"));
        Assert.Equal("Ett møte ble flyttet.", refused.FieldValue("Input.Deviations"));

        // The page shown again delivers once the section is written (the text saved meanwhile is no conflict).
        var again = PortalClient.FormValues(refused, "form[data-testid=report-form]");
        again["Input.FurtherWork"] = CompleteSections["Input.FurtherWork"];
        await ExpectRedirectAsync(await kari.PostFormAsync($"{CouncilUrl(id)}?handler=Submit", again));
        Assert.Equal("Sluttrapport levert", HallingdalLifecycleTests.Text(await kari.GetPageAsync(AgreementSteps.CouncilUrl(id)), "agreement-status"));
        // The form is gone; a tab left open from before posts it anyway, and is refused.
        var locked = await PortalClient.ReadAsync(await kari.PostWithTokenAsync(AgreementSteps.CouncilUrl(id) + "?handler=Hours",
            new() { ["Hours.Date"] = "2026-03-03", ["Hours.Person"] = "Kari Nordby", ["Hours.Activity"] = "Etterarbeid", ["Hours.Hours"] = "2" }));
        Assert.Contains("Sluttrapporten er levert", locked.GetElementById("error-summary")!.TextContent);
        var queue = (await sigrid.GetPageAsync("/fylke/buskerud/sluttrapporter")).QuerySelector("[data-testid=report-queue]")!.TextContent;
        Assert.Contains("Regionrådet for Hallingdal", queue);
        var countyStart = await sigrid.GetPageAsync("/fylke/buskerud");
        Assert.Contains("Regionrådet for Hallingdal har levert sluttrapporten", countyStart.QuerySelector("main")!.TextContent);
        Assert.Contains("fylkets vurdering av sluttrapporten", countyStart.QuerySelectorAll("tr").Single(tr => tr.InnerHtml.Contains(id.ToString())).TextContent);

        // Returning needs a comment; with one on a named section, the council sees it beside that section.
        var noComment = await PortalClient.ReadAsync(await DecideAsync(sigrid, id, 1, "Return"));
        Assert.Contains("Skriv hva rådet må rette", noComment.FieldError("Decision.Comment"));
        var tooLong = await PortalClient.ReadAsync(await DecideAsync(sigrid, id, 1, "Return",
            new() { ["Decision.Comment"] = new string('x', 4_001), ["Decision.SectionResults"] = new string('y', 4_002) }));
        Assert.Equal("Merknaden til rapporten kan være på høyst 4 000 tegn (nå 4 001).", tooLong.FieldError("Decision.Comment"));
        Assert.Equal("Merknaden til «Resultater mot delmålene» kan være på høyst 4 000 tegn (nå 4 002).", tooLong.FieldError("Decision.SectionResults"));
        await ExpectRedirectAsync(await DecideAsync(sigrid, id, 1, "Return", new() { ["Decision.SectionResults"] = "Tallfest resultatet for delmål 2." }));
        var returned = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Contains("Tallfest resultatet for delmål 2.", returned.QuerySelector("[data-testid=comment-Results]")!.TextContent);
        Assert.Contains("Sendt tilbake", HallingdalLifecycleTests.Text(returned, "report-stage"));
        var agreementPage = await kari.GetPageAsync(AgreementSteps.CouncilUrl(id));
        Assert.Equal("Signert (i kraft)", HallingdalLifecycleTests.Text(agreementPage, "agreement-status"));
        Assert.Equal("Fylket sendte sluttrapporten tilbake med merknader. Rett den, og lever den på nytt innen 31.12.2026.",
            HallingdalLifecycleTests.Text(agreementPage, "next-step"));
        Assert.StartsWith("Sluttrapporten er sendt tilbake til rådet.", HallingdalLifecycleTests.Text(await sigrid.GetPageAsync(AgreementSteps.CountyUrl(id)), "next-step"));
        var task = (await kari.GetPageAsync("/rad/hallingdal")).QuerySelectorAll("section[aria-labelledby=todo-heading] li a")
            .Single(a => a.TextContent.StartsWith("Fylket har sendt sluttrapporten for", StringComparison.Ordinal));
        Assert.Equal(CouncilUrl(id), task.GetAttribute("href"));

        // The next submission is version 2; a decision on the stale version 1 is refused.
        await ExpectRedirectAsync(await SubmitReportAsync(kari, id, new() { ["Input.Results"] = "Delmål 2: 14 bedrifter kartlagt, fire piloter i gang." }));
        Assert.DoesNotContain("Fylket har sendt sluttrapporten", (await kari.GetPageAsync("/rad/hallingdal")).QuerySelector("section[aria-labelledby=todo-heading]")!.TextContent);
        var stale = await PortalClient.ReadAsync(await DecideAsync(sigrid, id, 1, "Approve"));
        Assert.Contains("nyere versjon (2)", stale.GetElementById("error-summary")!.TextContent);

        // Approving is final: without the tick nothing is decided, and the comment typed stays.
        var unticked = await PortalClient.ReadAsync(await DecideAsync(sigrid, id, 2, "Approve",
            new() { ["Decision.ConfirmsApproval"] = "false", ["Decision.Comment"] = "God rapport." }));
        Assert.Equal("Kryss av for at du har lest rapporten og vil godkjenne den. En godkjenning kan ikke angres.", unticked.FieldError("Decision.ConfirmsApproval"));
        Assert.Equal("God rapport.", unticked.FieldValue("Decision.Comment"));
        Assert.Equal("Sluttrapport levert", HallingdalLifecycleTests.Text(await kari.GetPageAsync(AgreementSteps.CouncilUrl(id)), "agreement-status"));

        await ExpectRedirectAsync(await DecideAsync(sigrid, id, 2, "Approve"));

        var approved = await kari.GetPageAsync(AgreementSteps.CouncilUrl(id));
        Assert.Equal("Sluttrapport godkjent", HallingdalLifecycleTests.Text(approved, "agreement-status"));
        Assert.Contains("kr 34 845,67", HallingdalLifecycleTests.Row(approved, "milestones", "Sluttoppgjør"));
        Assert.Contains("kan utbetales", HallingdalLifecycleTests.Row(approved, "milestones", "Sluttoppgjør"));
        var history = (await sigrid.GetPageAsync(CountyUrl(id))).QuerySelector("[data-testid=history]")!.TextContent;
        Assert.Contains("Versjon 2 – Godkjent", history);
        Assert.Contains("Versjon 1 – Sendt tilbake", history);
        Assert.Contains("Tallfest resultatet for delmål 2.", history);
        var notices = (await kari.GetPageAsync("/varsler")).QuerySelector("main")!.TextContent;
        Assert.Contains("Fylket har godkjent sluttrapporten (versjon 2)", notices);
        Assert.Contains("kr 34 845,67", notices);

        // Version 1 stays as it was delivered.
        var first = (await kari.GetPageAsync(CouncilUrl(id) + "/forhandsvisning?versjon=1")).QuerySelector("[data-testid=report-document]")!.TextContent;
        Assert.Contains("Delmål 2: fire pilotprosjekter er i gang.", first);
        Assert.DoesNotContain("14 bedrifter kartlagt", first);

        // The approved report is read as approved: its indicator takes no new measurement now (it is locked), and one that
        // got there anyway (registered before indicators were locked; here written past the pages) is not in it either.
        Assert.Equal(HttpStatusCode.Conflict, (await kari.PostWithTokenAsync(IndicatorSteps.Url(indicator) + "?handler=Measurement",
            new() { ["Measurement.Date"] = "2026-01-19", ["Measurement.Value"] = "987,25" })).StatusCode);
        await MeasuredPastTheLockAsync(indicator, new DateOnly(2026, 1, 19), 987.25m);
        Assert.Contains("987,25", (await kari.GetPageAsync(IndicatorSteps.Url(indicator))).QuerySelector("[data-testid=measurement-rows]")!.TextContent);
        var approvedReport = await kari.GetPageAsync(CouncilUrl(id));
        var readLink = approvedReport.QuerySelectorAll("a").Single(a => a.TextContent == "Les rapporten slik den ble levert").GetAttribute("href")!;
        Assert.EndsWith("/forhandsvisning?versjon=2", readLink, StringComparison.Ordinal);
        var unversioned = await kari.Http.GetAsync(CouncilUrl(id) + "/forhandsvisning");
        Assert.Equal(HttpStatusCode.Redirect, unversioned.StatusCode);
        var asApproved = (await kari.PageAfterAsync(unversioned)).QuerySelector("[data-testid=report-document]")!.TextContent;
        Assert.Contains("14 bedrifter kartlagt", asApproved);
        Assert.Contains("137,5", asApproved);
        Assert.DoesNotContain("987,25", asApproved);
    }

    /// <summary>A measurement stored without the use case (which refuses it on a locked indicator), as an older database may hold one.</summary>
    private Task<int> MeasuredPastTheLockAsync(Guid indicatorId, DateOnly date, decimal value) => Portal.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<IndicatorsDbContext>();
        var indicator = await db.Indicators.IgnoreQueryFilters().Include(i => i.Measurements).SingleAsync(i => i.Id == indicatorId);
        using var _ = sp.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(indicator.TenantId));
        var now = Portal.Clock.GetUtcNow().UtcDateTime;
        db.Measurements.Add(indicator.Register(value, date, null, null, Guid.Empty, "Testperson", DateOnly.FromDateTime(now), now).Value!);
        return await db.SaveChangesAsync();
    });

    private static readonly string LongLink = "https://biosirk.no/dokumenter/" + string.Concat(Enumerable.Range(0, 40).Select(i => $"del{i:00}")) + "-slutt";

    [Fact]
    public async Task SubmittedPdf_ReadBack_HasTheAgreementsFiguresIndicatorsAndPageNumbers_AndTheCountyDownloadsTheSameFile()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await PaidFirstMilestoneWithSpendingAsync(Portal, kari, sigrid, id);
        var indicator = await IndicatorSteps.CreateAsync(kari, new() { ["Input.Name"] = "Tonn biokull fra skogsflis" },
            $"/rad/hallingdal/indikatorer/ny?plan=Agreement&planId={id}");
        await AgreementSteps.ExpectRedirectAsync(await IndicatorSteps.MeasureAsync(kari, IndicatorSteps.Url(indicator), "2026-01-15", "142,25"));
        await ExpectRedirectAsync(await SubmitReportAsync(kari, id, new() { ["Input.Deviations"] = "Én kommune i Hallingdal trakk seg; æøå ÆØÅ. Se " + LongLink }));

        var beforeJob = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Contains("står i kø", beforeJob.QuerySelector("[data-testid=pdf-status]")!.TextContent);
        // With the report at the county, the figures stand: the forms are gone, and the page says why.
        var agreementPage = await kari.GetPageAsync(AgreementSteps.CouncilUrl(id));
        Assert.Null(agreementPage.QuerySelector("form[action*=Hours]"));
        Assert.Null(agreementPage.QuerySelector("form[action*=Cost]"));
        Assert.StartsWith("Sluttrapporten er levert, og timer og kostnader står i den slik de var da.", agreementPage.QuerySelector("[data-testid=budget-closed]")!.TextContent);
        Assert.Equal(1, await RunQueuedPdfJobsAsync(Portal));

        var page = await kari.GetPageAsync(CouncilUrl(id));
        var link = page.QuerySelector("[data-testid=pdf-versions] a[href*=handler\\=Pdf]")!.GetAttribute("href")!;
        var fromCouncil = await (await kari.GetAsync(link)).Content.ReadAsByteArrayAsync();
        var countyLink = link.Replace("/rad/hallingdal/", "/fylke/buskerud/", StringComparison.Ordinal);
        var fromCounty = await kari.GetAsync(countyLink); // Kari is not in Buskerud's county
        Assert.Equal(HttpStatusCode.NotFound, fromCounty.StatusCode);
        Assert.Equal(fromCouncil, await (await sigrid.GetAsync(countyLink)).Content.ReadAsByteArrayAsync());

        using var pdf = PdfDocument.Open(fromCouncil);
        var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Squeeze("Sluttrapport"), text);
        Assert.Contains("B701010", text);
        Assert.Contains("60256", text);
        Assert.Contains(Squeeze("kr 150 000,00"), text);
        Assert.Contains(Squeeze("kr 34 845,67"), text);
        Assert.Contains(Squeeze("æøå ÆØÅ"), text);
        Assert.Contains(Squeeze("Tonn biokull fra skogsflis"), text); // no "ﬂ" ligature: the text reads (and is found) as written
        Assert.Contains(Squeeze("142,25"), text);
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        Assert.Contains("142,25", words); // not run together with its date
        Assert.Contains("Status", words); // a column head is not broken inside the word
        Assert.Contains(Squeeze($"Side 1 av {pdf.NumberOfPages}"), text);
        Assert.Contains(LongLink[^20..], text);
        foreach (var p in pdf.GetPages())
        {
            // A word longer than the line wraps: no letter is drawn beyond the page's right edge, where it would be lost.
            Assert.All(p.Letters, l => Assert.True(l.BoundingBox.Right <= p.Width, $"«{l.Value}» at x {l.BoundingBox.Right:0} on page {p.Number} ({p.Width:0} wide)"));
        }
        Assert.StartsWith("Sluttrapport – ", pdf.Information.Title);
        Assert.True(pdf.NumberOfPages >= 3, $"{pdf.NumberOfPages} pages");
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.Data.ContainsKey("StructTreeRoot"), "The PDF is not tagged.");
        var lang = catalog.Data["Lang"] is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : catalog.Data["Lang"];
        Assert.Equal("nb", Assert.IsType<StringToken>(lang).Data);

        // The version list shows the stored hash and size.
        var row = page.QuerySelector("[data-testid=pdf-versions] tbody tr")!.TextContent;
        Assert.Contains("Klar", row);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(fromCouncil))[..12], row);
    }

    [Fact]
    public async Task TwoWritersAtOnce_EachKeepsTheSectionsOnlySheChanged_AndASectionBothChangedIsSettledByHand()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        using var member = await Portal.SignedInAsync(Demo.HallingdalMember);
        await ExpectRedirectAsync(await PostReportFormAsync(kari, id, "Save"));

        // Both open the form; Kari saves first. Both change «Gjennomførte aktiviteter»; each changes one other section.
        var karisForm = await kari.FormValuesAsync(CouncilUrl(id), "form[data-testid=report-form]");
        var membersForm = await member.FormValuesAsync(CouncilUrl(id), "form[data-testid=report-form]");
        karisForm["Input.Activities"] = "Kari sin versjon.";
        karisForm["Input.Deviations"] = "Kari: ett møte ble flyttet.";
        membersForm["Input.Activities"] = "Medlemmets versjon.";
        membersForm["Input.UseOfFunds"] = "Medlemmet: midlene gikk til møteleie.";
        await ExpectRedirectAsync(await kari.PostFormAsync($"{CouncilUrl(id)}?handler=Save", karisForm));
        var conflict = await PortalClient.ReadAsync(await member.PostFormAsync($"{CouncilUrl(id)}?handler=Save", membersForm));

        Assert.StartsWith("Kari Nordby har også endret «Gjennomførte aktiviteter» mens du skrev.", conflict.FieldError("Input.Activities"));
        Assert.Equal("Medlemmets versjon.", conflict.FieldValue("Input.Activities"));
        Assert.Contains("Kari sin versjon.", conflict.QuerySelector("[data-testid=theirs-Activities]")!.TextContent);
        Assert.Contains("Input_Activities-theirs", conflict.GetElementById("Input_Activities")!.GetAttribute("aria-describedby")); // read with the field
        Assert.Equal("Kari: ett møte ble flyttet.", conflict.FieldValue("Input.Deviations")); // only Kari changed it: hers is in the form
        Assert.Equal("Medlemmet: midlene gikk til møteleie.", conflict.FieldValue("Input.UseOfFunds"));
        Assert.Equal("Kari sin versjon.", (await kari.FormValuesAsync(CouncilUrl(id), "form[data-testid=report-form]"))["Input.Activities"]);

        // Saved again from the same form: her text in the section both changed, and nobody's other change lost.
        await ExpectRedirectAsync(await member.PostFormAsync($"{CouncilUrl(id)}?handler=Save", PortalClient.FormValues(conflict, "form[data-testid=report-form]")));
        var saved = await kari.FormValuesAsync(CouncilUrl(id), "form[data-testid=report-form]");
        Assert.Equal("Medlemmets versjon.", saved["Input.Activities"]);
        Assert.Equal("Kari: ett møte ble flyttet.", saved["Input.Deviations"]);
        Assert.Equal("Medlemmet: midlene gikk til møteleie.", saved["Input.UseOfFunds"]);

        // Changes to different sections need nobody's attention: both are saved.
        var karisNext = await kari.FormValuesAsync(CouncilUrl(id), "form[data-testid=report-form]");
        var membersNext = await member.FormValuesAsync(CouncilUrl(id), "form[data-testid=report-form]");
        karisNext["Input.Results"] = "Kari: tre bedrifter med.";
        membersNext["Input.FurtherWork"] = "Medlemmet: videre i 2027.";
        await ExpectRedirectAsync(await kari.PostFormAsync($"{CouncilUrl(id)}?handler=Save", karisNext));
        await ExpectRedirectAsync(await member.PostFormAsync($"{CouncilUrl(id)}?handler=Save", membersNext));
        var both = await kari.FormValuesAsync(CouncilUrl(id), "form[data-testid=report-form]");
        Assert.Equal("Kari: tre bedrifter med.", both["Input.Results"]);
        Assert.Equal("Medlemmet: videre i 2027.", both["Input.FurtherWork"]);
    }

    [Fact]
    public async Task AReport_IsDeliveredOnlyOnceTheAgreementPeriodHasBegun()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        Portal.Clock.Set(new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero)); // signed ahead: the period starts 15.01.2026

        var early = await PortalClient.ReadAsync(await SubmitReportAsync(kari, id));

        Assert.Contains("Avtaleperioden har ikke begynt ennå: sluttrapporten kan leveres fra 15.01.2026.", early.GetElementById("error-summary")!.TextContent);
        Assert.Equal("Signert (i kraft)", HallingdalLifecycleTests.Text(await kari.GetPageAsync(AgreementSteps.CouncilUrl(id)), "agreement-status"));
        Portal.Clock.Set(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));
        await ExpectRedirectAsync(await SubmitReportAsync(kari, id));
    }

    [Fact]
    public async Task Delivering_WithoutTickingThatTheReportIsReady_SavesTheText_ButDeliversNothing()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;

        var refused = await PortalClient.ReadAsync(await PostReportFormAsync(kari, id, "Submit", new() { ["Input.Deviations"] = "" }));

        Assert.Equal("Kryss av for at rapporten er klar til å leveres, og trykk «Lever sluttrapporten til fylket» igjen. Det du skrev, er lagret.",
            refused.GetElementById("Input_ConfirmsDelivery-error")!.TextContent);
        Assert.Equal("Beskriv avvikene, eller skriv «Ingen avvik».", refused.FieldError("Input.Deviations")); // everything at once
        var tick = refused.GetElementById("Input_ConfirmsDelivery")!;
        var deliver = refused.QuerySelector("button[formaction*=Submit]")!;
        Assert.True(tick.CompareDocumentPosition(deliver).HasFlag(AngleSharp.Dom.DocumentPositions.Following), "The tick should come before «Lever».");
        Assert.Equal("Signert (i kraft)", HallingdalLifecycleTests.Text(await kari.GetPageAsync(AgreementSteps.CouncilUrl(id)), "agreement-status"));
        Assert.Equal(CompleteSections["Input.Activities"], (await kari.FormValuesAsync(CouncilUrl(id), "form[data-testid=report-form]"))["Input.Activities"]);
    }

    [Fact]
    public async Task TwoWritersOfAReportNobodyHasSavedYet_TheSecondIsToldInsteadOfOverwriting()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        using var member = await Portal.SignedInAsync(Demo.HallingdalMember);

        var karisForm = await kari.FormValuesAsync(CouncilUrl(id), "form[data-testid=report-form]");
        var membersForm = await member.FormValuesAsync(CouncilUrl(id), "form[data-testid=report-form]");
        karisForm["Input.Activities"] = "Kari sin versjon.";
        membersForm["Input.Activities"] = "Medlemmets versjon.";
        await ExpectRedirectAsync(await kari.PostFormAsync($"{CouncilUrl(id)}?handler=Save", karisForm));
        var conflict = await PortalClient.ReadAsync(await member.PostFormAsync($"{CouncilUrl(id)}?handler=Save", membersForm));

        Assert.StartsWith("Kari Nordby har også endret «Gjennomførte aktiviteter» mens du skrev.", conflict.FieldError("Input.Activities"));
        Assert.Equal("Medlemmets versjon.", conflict.FieldValue("Input.Activities"));
        Assert.Equal("Kari sin versjon.", (await kari.FormValuesAsync(CouncilUrl(id), "form[data-testid=report-form]"))["Input.Activities"]);

        await ExpectRedirectAsync(await member.PostFormAsync($"{CouncilUrl(id)}?handler=Save", PortalClient.FormValues(conflict, "form[data-testid=report-form]")));
        Assert.Equal("Medlemmets versjon.", (await kari.FormValuesAsync(CouncilUrl(id), "form[data-testid=report-form]"))["Input.Activities"]);
    }

    [Fact]
    public async Task Approving_WithARemarkTooLong_IsRefusedBesideTheRemark_AndTheReportStillWaitsForTheCounty()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await SubmitReportAsync(kari, id));
        var tooLong = new string('m', 4_001);

        var refused = await PortalClient.ReadAsync(await DecideAsync(sigrid, id, 1, "Approve", new() { ["Decision.Comment"] = tooLong }));

        Assert.Equal("Merknaden til rapporten kan være på høyst 4 000 tegn (nå 4 001).", refused.FieldError("Decision.Comment"));
        Assert.Equal(tooLong, refused.FieldValue("Decision.Comment"));
        Assert.Equal("Levert (versjon 1) – hos fylket", HallingdalLifecycleTests.Text(await sigrid.GetPageAsync(CountyUrl(id)), "report-stage"));
        Assert.Equal("Sluttrapport levert", HallingdalLifecycleTests.Text(await sigrid.GetPageAsync(AgreementSteps.CountyUrl(id)), "agreement-status"));
        await ExpectRedirectAsync(await DecideAsync(sigrid, id, 1, "Approve", new() { ["Decision.Comment"] = "Godkjent." }));
        Assert.Equal("Godkjent", HallingdalLifecycleTests.Text(await kari.GetPageAsync(CouncilUrl(id)), "report-stage"));
    }

    [Fact]
    public async Task ReturningFromATabLeftOpen_AfterTheReportWasApproved_SaysSo_AndShowsTheRemarksToCopy()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await SubmitReportAsync(kari, id));
        var otherTab = await sigrid.FormValuesAsync(CountyUrl(id), "form[data-testid=decision-form]");
        await ExpectRedirectAsync(await DecideAsync(sigrid, id, 1, "Approve", new() { ["Decision.Comment"] = "Godkjent." }));
        otherTab["Decision.Comment"] = "Økonomidelen mangler bilagene.";
        otherTab["Decision.SectionDeviations"] = "Forklar forsinkelsen i mars.";

        var refused = await PortalClient.ReadAsync(await sigrid.PostFormAsync($"{CountyUrl(id)}?handler=Return&version=1", otherTab));

        Assert.Contains("Det er ingen levert sluttrapport som venter på vurdering.", refused.GetElementById("error-summary")!.TextContent);
        var unsent = refused.QuerySelector("[data-testid=unsent]")!.TextContent;
        Assert.Contains("Økonomidelen mangler bilagene.", unsent);
        Assert.Contains("Avvik", unsent);
        Assert.Contains("Forklar forsinkelsen i mars.", unsent);

        // «Godkjenn» without the tick, from that tab: told the same, not about a tick box that is no longer there.
        otherTab.Remove("Decision.ConfirmsApproval");
        var untickedApproval = await PortalClient.ReadAsync(await sigrid.PostFormAsync($"{CountyUrl(id)}?handler=Approve&version=1", otherTab));
        Assert.Contains("Det er ingen levert sluttrapport som venter på vurdering.", untickedApproval.GetElementById("error-summary")!.TextContent);
        Assert.DoesNotContain("Kryss av", untickedApproval.GetElementById("error-summary")!.TextContent);
        Assert.Contains("Forklar forsinkelsen i mars.", untickedApproval.QuerySelector("[data-testid=unsent]")!.TextContent);
        Assert.Equal("Godkjent", HallingdalLifecycleTests.Text(await kari.GetPageAsync(CouncilUrl(id)), "report-stage"));
    }

    [Fact]
    public async Task SavingFromATabLeftOpen_AfterTheReportWasDelivered_SaysItIsLocked_AndShowsWhatWasTyped()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await PostReportFormAsync(kari, id, "Save"));
        var otherTab = await kari.FormValuesAsync(CouncilUrl(id), "form[data-testid=report-form]");
        await ExpectRedirectAsync(await SubmitReportAsync(kari, id, new() { ["Input.FurtherWork"] = "Nettverket videreføres." }));
        otherTab["Input.FurtherWork"] = "Et avsnitt skrevet i den andre fanen.";

        var refused = await PortalClient.ReadAsync(await kari.PostFormAsync($"{CouncilUrl(id)}?handler=Save", otherTab));

        var summary = refused.GetElementById("error-summary")!.TextContent;
        Assert.Contains("Sluttrapporten er levert og kan ikke endres mens fylket vurderer den.", summary);
        Assert.DoesNotContain("har også endret", summary);
        var unsaved = refused.QuerySelector("[data-testid=unsaved]")!.TextContent;
        Assert.Contains("Videre arbeid", unsaved);
        Assert.Contains("Et avsnitt skrevet i den andre fanen.", unsaved);
        Assert.DoesNotContain("Tolv møter", unsaved); // what is stored already is not repeated
    }

    [Fact]
    public async Task LagPdfFromATabLeftOpen_AfterTheReportWasDelivered_OrdersNothing_AndShowsWhatWasTyped()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var otherTab = await kari.FormValuesAsync(CouncilUrl(id), "form[data-testid=report-form]");
        await ExpectRedirectAsync(await SubmitReportAsync(kari, id));
        otherTab["Input.Deviations"] = "Ett møte ble flyttet til mars.";

        var refused = await PortalClient.ReadAsync(await kari.PostFormAsync($"{CouncilUrl(id)}?handler=Pdf", otherTab));

        Assert.Contains("Sluttrapporten er levert og kan ikke endres mens fylket vurderer den.", refused.GetElementById("error-summary")!.TextContent);
        Assert.Contains("Ett møte ble flyttet til mars.", refused.QuerySelector("[data-testid=unsaved]")!.TextContent);
        Assert.Single(await PdfsAsync(Portal, id)); // the delivered version's only
    }

    [Fact]
    public async Task WhatIsFilledInAutomatically_SaysWhenTheAgreementHasNoIndicators_AndShowsTheLatestMeasurementOfEach()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;

        var none = (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=report-indicators-now]")!;
        Assert.StartsWith("Avtalen har ingen ennå, så rapporten får ingen indikatorer.", none.TextContent.Trim());
        Assert.Equal($"/rad/hallingdal/avtaler/{id}#indicators", none.QuerySelector("a")!.GetAttribute("href"));

        var indicator = await IndicatorSteps.CreateAsync(kari, new() { ["Input.Name"] = "Bedrifter kartlagt", ["Input.Unit"] = "bedrifter" },
            $"/rad/hallingdal/indikatorer/ny?plan=Agreement&planId={id}");
        await IndicatorSteps.CreateAsync(kari, new() { ["Input.Name"] = "Møter holdt", ["Input.Unit"] = "møter" },
            $"/rad/hallingdal/indikatorer/ny?plan=Agreement&planId={id}");
        await AgreementSteps.ExpectRedirectAsync(await IndicatorSteps.MeasureAsync(kari, IndicatorSteps.Url(indicator), "2026-01-15", "137,5"));

        var listed = (await kari.GetPageAsync(CouncilUrl(id))).QuerySelectorAll("[data-testid=report-indicators-now] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("Bedrifter kartlagt: 137,5 bedrifter (15.01.2026)", listed);
        Assert.Contains("Møter holdt: ingen målinger ennå", listed);
    }

    /// <summary>First milestone requested and paid (kr 112 500) once the work is done, 150 hours × 900 and a cost of 12 345,67: the remainder is kr 34 845,67.</summary>
    internal static async Task PaidFirstMilestoneWithSpendingAsync(PortalFactory portal, PortalClient kari, PortalClient sigrid, Guid id)
    {
        portal.Clock.Set(AgreementSteps.AfterTheWork); // the work is done, then registered
        await HallingdalLifecycleTests.RegisterWorkdaysAsync(kari, id, 150m);
        await AgreementSteps.ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterCostAsync(kari, id, "2026-03-01", "Hallingdal Hotell AS", "Møteleie",
            "12 345,67", PdfVoucher, "faktura.pdf"));
        await AgreementSteps.ExpectRedirectAsync(await kari.SubmitAsync(AgreementSteps.CouncilUrl(id), "form[action*=Request]",
            new() { ["RequestForm.StatusText"] = "Oppstart gjennomført." }));
        await AgreementSteps.ExpectRedirectAsync(await sigrid.SubmitAsync(AgreementSteps.CountyUrl(id), "form[action*=Decide]", new() { ["Decision.Approve"] = "true" }));
        await AgreementSteps.ExpectRedirectAsync(await sigrid.SubmitAsync(AgreementSteps.CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-01-27", ["Payment.Amount"] = "112 500", ["Payment.Reference"] = "BFK-2026-0117" }));
    }

    private static string Squeeze(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
