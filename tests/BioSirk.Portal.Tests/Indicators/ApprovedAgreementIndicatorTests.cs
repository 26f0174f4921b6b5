using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Indicators.Data;
using BioSirk.Portal.Indicators.Features;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Tests.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Api.ApiAuthenticationTests;
using static BioSirk.Portal.Tests.Indicators.IndicatorSteps;

namespace BioSirk.Portal.Tests.Indicators;

/// <summary>
/// Once the county has approved an agreement's final report, the indicators it reported are final (and while the report
/// lies with the county they stand as delivered): none is added to the agreement, and the ones it has are locked — not
/// edited, not measured, no measurement deleted or imported — from the pages and from the API alike. Reading stays open,
/// and the council's other indicators are not touched.
/// </summary>
public sealed class ApprovedAgreementIndicatorTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Locked = "Sluttrapporten for avtalen er godkjent, så indikatoren og målingene er låst.";

    [Fact]
    public async Task AfterTheFinalReportIsApproved_NoIndicatorIsOffered_AndAFormLeftOpenIsRefusedWithTheReason()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var add = $"/rad/hallingdal/indikatorer/ny?plan=Agreement&planId={id}";
        Assert.NotNull(AddButton(await kari.GetPageAsync(CouncilUrl(id))));
        var leftOpen = await kari.FormValuesAsync(add, "main form"); // a tab opened before the county decided
        foreach (var (field, value) in Biochar())
        {
            leftOpen[field] = value;
        }

        await ApproveAsync(kari, sigrid, id);

        Assert.Null(AddButton(await kari.GetPageAsync(CouncilUrl(id))));
        var refused = await kari.PostFormAsync(add, leftOpen);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await PortalClient.ReadAsync(refused);
        Assert.Contains("Sluttrapporten for avtalen er godkjent", page.QuerySelector("[data-testid=plan-closed]")!.TextContent);
        Assert.Null(page.GetElementById("error-summary")); // nothing on the page can be corrected
        Assert.Null(page.QuerySelector("main form[method=post]"));
        var unsent = page.QuerySelector("[data-testid=unsent]")!.TextContent;
        Assert.Contains("Tonn biokull produsert", unsent); // what she typed, to copy
        Assert.Contains("tonn", unsent);
        var agreementPage = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Null(agreementPage.QuerySelector("[data-testid=agreement-indicators]"));
        Assert.Equal("Avtalen har ingen resultatindikatorer.", agreementPage.QuerySelector("#indicators p")!.TextContent.Trim()); // not «ennå»: none will come

        await kari.ChooseEnglishAsync();
        var english = await kari.GetAsync(add);
        Assert.Equal(HttpStatusCode.Conflict, english.StatusCode);
        Assert.Contains("The agreement's final report has been approved", (await PortalClient.ReadAsync(english)).QuerySelector("[data-testid=plan-closed]")!.TextContent);
    }

    [Fact]
    public async Task AfterTheFinalReportIsApproved_TheIndicatorPageSaysItIsLocked_AndShowsNoForms_ButItsFiguresAndExport()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var indicator = await AgreementIndicatorAsync(kari, id);
        Assert.NotEmpty((await kari.GetPageAsync(Url(indicator))).QuerySelectorAll("main form[method=post]")); // open until the county approves

        await ApproveAsync(kari, sigrid, id);

        var page = await kari.GetPageAsync(Url(indicator));
        Assert.Equal(Locked, page.QuerySelector("[data-testid=plan-closed]")!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("main form[method=post]")); // no measurement, import or delete form
        Assert.Empty(page.QuerySelectorAll($"a[href$='{indicator}/rediger']"));
        Assert.Null(page.QuerySelector("[data-testid=next-reporting]")); // nothing more is due
        Assert.Null(page.QuerySelector("[data-testid=unsent]"));
        Assert.Contains("110 tonn", page.QuerySelector("[data-testid=measurement-rows]")!.TextContent); // read as before
        Assert.Equal(HttpStatusCode.OK, (await kari.GetAsync(Url(indicator) + "?handler=Export&format=csv")).StatusCode);

        var edit = await kari.GetAsync(Url(indicator) + "/rediger");
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        var editPage = await PortalClient.ReadAsync(edit);
        Assert.Equal(Locked, editPage.QuerySelector("[data-testid=plan-closed]")!.TextContent.Trim());
        Assert.Null(editPage.QuerySelector("main form[method=post]"));

        var county = await sigrid.GetPageAsync($"/fylke/buskerud/indikatorer/{indicator}");
        Assert.Equal(Locked, county.QuerySelector("[data-testid=plan-closed]")!.TextContent.Trim());

        // Settled (as when the final payment is registered): still locked.
        await Portal.WithScopeAsync(sp => sp.GetRequiredService<AgreementsDbContext>().Agreements.IgnoreQueryFilters().Where(a => a.Id == id)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, AgreementStatus.Settled)));
        Assert.Equal(Locked, (await kari.GetPageAsync(Url(indicator))).QuerySelector("[data-testid=plan-closed]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Conflict, (await kari.PostWithTokenAsync(Url(indicator) + "?handler=Measurement",
            new() { ["Measurement.Date"] = "2026-01-19", ["Measurement.Value"] = "130" })).StatusCode);

        await kari.ChooseEnglishAsync();
        Assert.Equal("The agreement's final report has been approved, so the indicator and its measurements are locked.",
            (await kari.GetPageAsync(Url(indicator))).QuerySelector("[data-testid=plan-closed]")!.TextContent.Trim());
    }

    [Fact]
    public async Task AfterTheFinalReportIsApproved_EveryChangeSentFromAPageOpenedBefore_Answers409WithTheReasonAndWhatWasTyped_AndChangesNothing()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var indicator = await AgreementIndicatorAsync(kari, id);
        // Tabs opened before the county approved: the indicator page (measure, delete, import) and its edit form.
        var page = await kari.GetPageAsync(Url(indicator));
        var editForm = await kari.FormValuesAsync(Url(indicator) + "/rediger", "main form");
        editForm["Input.Name"] = "Biokull (tonn)";
        editForm["Input.TargetValue"] = "250";

        await ApproveAsync(kari, sigrid, id);
        var before = await StoredAsync(indicator);

        var measured = await kari.SubmitAsync(page, Url(indicator), "form#register-measurement", new()
        {
            ["Measurement.Date"] = "2026-01-19", ["Measurement.Value"] = "175,5", ["Measurement.Source"] = "Vekta", ["Measurement.Comment"] = "Etter godkjenningen",
        });
        var refusedMeasurement = await ExpectLockedAsync(measured);
        var unsent = refusedMeasurement.QuerySelector("[data-testid=unsent]")!.TextContent;
        Assert.Contains("175,5", unsent);
        Assert.Contains("19.01.2026", unsent);
        Assert.Contains("Etter godkjenningen", unsent);

        var deleted = await kari.SubmitAsync(page, Url(indicator), "[data-testid=measurement-rows] form[action*=DeleteMeasurement]", []);
        await ExpectLockedAsync(deleted);

        var imported = await ImportFromAsync(kari, page, "Dato;Verdi\n19.01.2026;150\n"u8.ToArray());
        await ExpectLockedAsync(imported);

        var edited = await kari.PostFormAsync(Url(indicator) + "/rediger", editForm);
        var refusedEdit = await ExpectLockedAsync(edited);
        Assert.Contains("Biokull (tonn)", refusedEdit.QuerySelector("[data-testid=unsent]")!.TextContent);

        Assert.Equal(before, await StoredAsync(indicator));
    }

    [Fact]
    public async Task OnlyTheApprovedAgreementsIndicators_AreLocked_TheCouncilsOwnPlanIsStillEditedAndMeasured()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var locked = await AgreementIndicatorAsync(kari, id);
        await ApproveAsync(kari, sigrid, id);

        var own = await CreateAsync(kari, new() { ["Input.Name"] = "Tonn biokull i rådets plan" });
        await ExpectRedirectAsync(await MeasureAsync(kari, Url(own), "2026-01-20", "120"));
        var page = await kari.GetPageAsync(Url(own));
        Assert.Null(page.QuerySelector("[data-testid=plan-closed]"));
        Assert.Contains("120 tonn", page.QuerySelector("[data-testid=measurement-rows]")!.TextContent);
        await ExpectRedirectAsync(await kari.SubmitAsync(Url(own), "[data-testid=measurement-rows] form[action*=DeleteMeasurement]", []));
        await ExpectRedirectAsync(await kari.SubmitAsync(Url(own) + "/rediger", "main form", Biochar(new() { ["Input.Name"] = "Biokull i rådets plan" })));

        await ExpectLockedAsync(await kari.PostWithTokenAsync(Url(locked) + "?handler=Measurement",
            new() { ["Measurement.Date"] = "2026-01-19", ["Measurement.Value"] = "130" }));
    }

    [Fact]
    public async Task AfterTheFinalReportIsApproved_TheApiRefusesAMeasurementWith409_AndRegistersNothing_ButReadsAsBefore()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var indicator = await AgreementIndicatorAsync(kari, id);
        await ApproveAsync(kari, sigrid, id);
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var url = $"/api/v1/indicators/{indicator}/measurements";

        foreach (var token in new[] { ApiTokens.Person(tid, Demo.HallingdalSecretary), ApiTokens.App(tid, "Indicators.Write") })
        {
            using var http = Portal.CreateClient().WithToken(token);
            var response = await http.PostAsJsonAsync(url, new { date = "2026-01-19", value = 175m, source = "Vekta" });

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(Locked, (await Json(response)).GetProperty("detail").GetString());
            var measurements = await Json(await http.GetAsync(url));
            Assert.Equal([110m], measurements.EnumerateArray().Select(m => m.GetProperty("value").GetDecimal()));
        }

        using var member = Portal.CreateClient().WithToken(ApiTokens.Person(tid, Demo.HallingdalMember));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync(url, new { date = "2026-01-20", value = 175m })).StatusCode); // not hers, locked or not
    }

    [Fact]
    public async Task AfterTheFinalReportIsApproved_NoOneIsAskedToMeasureTheAgreementsIndicators()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var kariId = (await kari.GetPageAsync(List + "/ny")).QuerySelectorAll("#Input_ResponsibleUserId option")
            .Single(o => o.TextContent.Trim() == "Kari Nordby").GetAttribute("value")!;
        await AgreementIndicatorAsync(kari, id, new() { ["Input.ResponsibleUserId"] = kariId });
        var own = await CreateAsync(kari, new() { ["Input.Name"] = "Tonn biokull i rådets plan", ["Input.ResponsibleUserId"] = kariId });
        await ExpectRedirectAsync(await MeasureAsync(kari, Url(own), "2026-01-20", "120"));
        await ApproveAsync(kari, sigrid, id);

        Portal.Clock.Set(new DateTimeOffset(2026, 4, 15, 4, 0, 0, TimeSpan.Zero)); // both are due 20.04.2026, a quarter after their measurements
        var sent = await Portal.WithScopeAsync(sp => sp.GetRequiredService<SendIndicatorReminders>().RunAsync());
        Assert.Equal(1, sent);
        var reminder = Assert.Single(await kari.NoticesAsync(), n => n.TextContent.Contains("Påminnelse", StringComparison.Ordinal));
        Assert.Contains("Tonn biokull i rådets plan", reminder.TextContent);

        var updates = (await kari.GetPageAsync("/rad/hallingdal/mine-oppdateringer")).QuerySelector("main")!.TextContent;
        Assert.Contains("Tonn biokull i rådets plan", updates);
        Assert.DoesNotContain("Tonn biokull produsert", updates);
        var tasks = (await kari.GetPageAsync("/rad/hallingdal")).QuerySelectorAll("section[aria-labelledby=todo-heading] li").Select(li => li.TextContent).ToList();
        Assert.Contains(tasks, t => t.Contains("«Tonn biokull i rådets plan»", StringComparison.Ordinal));
        Assert.DoesNotContain(tasks, t => t.Contains("«Tonn biokull produsert»", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhileTheFinalReportIsWithTheCounty_TheIndicatorsStandAsDelivered_AndOpenAgainWhenTheReportIsSentBack()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var indicator = await AgreementIndicatorAsync(kari, id);
        var openedBefore = await kari.GetPageAsync(Url(indicator));

        await FinalReportSteps.ExpectRedirectAsync(await FinalReportSteps.SubmitReportAsync(kari, id));

        const string WithTheCounty = "Sluttrapporten for avtalen er levert og ligger hos fylket, med indikatoren og målingene slik de var da. "
            + "De kan endres igjen hvis fylket sender rapporten tilbake.";
        var page = await kari.GetPageAsync(Url(indicator));
        Assert.Equal(WithTheCounty, page.QuerySelector("[data-testid=plan-closed]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("form#register-measurement"));
        var measured = await kari.SubmitAsync(openedBefore, Url(indicator), "form#register-measurement",
            new() { ["Measurement.Date"] = "2026-01-20", ["Measurement.Value"] = "175,5" });
        Assert.Equal(HttpStatusCode.Conflict, measured.StatusCode);
        Assert.Equal(WithTheCounty, (await PortalClient.ReadAsync(measured)).QuerySelector("[data-testid=plan-closed]")!.TextContent.Trim());
        var agreementPage = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Null(AddButton(agreementPage));
        Assert.NotNull(agreementPage.QuerySelector("[data-testid=indicators-with-the-county]"));
        var add = await kari.GetAsync($"/rad/hallingdal/indikatorer/ny?plan=Agreement&planId={id}");
        Assert.Equal(HttpStatusCode.Conflict, add.StatusCode);
        Assert.Contains("Nye indikatorer kan legges til hvis fylket sender rapporten tilbake.",
            (await PortalClient.ReadAsync(add)).QuerySelector("[data-testid=plan-closed]")!.TextContent);

        // Sent back: the council corrects the figures before it delivers again.
        await FinalReportSteps.ExpectRedirectAsync(await FinalReportSteps.DecideAsync(sigrid, id, 1, "Return", new() { ["Decision.Comment"] = "Oppdater målingene." }));
        await ExpectRedirectAsync(await MeasureAsync(kari, Url(indicator), "2026-01-19", "175,5"));
        Assert.NotNull(AddButton(await kari.GetPageAsync(CouncilUrl(id))));
    }

    /// <summary>The Biochar indicator on the agreement, measured 110 tonn on the day it is made (20.01.2026).</summary>
    private static async Task<Guid> AgreementIndicatorAsync(PortalClient kari, Guid agreementId, Dictionary<string, string>? changes = null)
    {
        var indicator = await CreateAsync(kari, changes, $"{List}/ny?plan=Agreement&planId={agreementId}");
        await ExpectRedirectAsync(await MeasureAsync(kari, Url(indicator), "2026-01-20", "110"));
        return indicator;
    }

    private static async Task ApproveAsync(PortalClient kari, PortalClient sigrid, Guid agreementId)
    {
        await FinalReportSteps.ExpectRedirectAsync(await FinalReportSteps.SubmitReportAsync(kari, agreementId));
        await FinalReportSteps.ExpectRedirectAsync(await FinalReportSteps.DecideAsync(sigrid, agreementId, 1, "Approve"));
    }

    /// <summary>A form sent to a locked indicator: 409, the reason in place of the forms, and nothing to correct.</summary>
    private static async Task<IHtmlDocument> ExpectLockedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await PortalClient.ReadAsync(response);
        Assert.Equal(Locked, page.QuerySelector("[data-testid=plan-closed]")!.TextContent.Trim());
        Assert.Equal("alert", page.QuerySelector("[data-testid=plan-closed]")!.GetAttribute("role"));
        Assert.Null(page.GetElementById("error-summary"));
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
        return page;
    }

    /// <summary>The import form of a page read earlier, sent with a file as the browser sends it.</summary>
    private static async Task<HttpResponseMessage> ImportFromAsync(PortalClient client, IHtmlDocument page, byte[] file)
    {
        var form = (IHtmlFormElement)page.QuerySelector("form[action*=Import]")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "measurementsFile", "malinger.csv" },
        };
        return await client.Http.PostAsync(form.GetAttribute("action"), content);
    }

    /// <summary>The indicator, its measurements and the module's change log as stored: what a refused change must leave as it was.</summary>
    private Task<string> StoredAsync(Guid indicatorId) => Portal.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<IndicatorsDbContext>();
        var indicator = await db.Indicators.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == indicatorId);
        var measurements = await db.Measurements.IgnoreQueryFilters().AsNoTracking().Where(m => m.IndicatorId == indicatorId)
            .OrderBy(m => m.Id).Select(m => $"{m.Id} {m.Date} {m.Value} {m.Source}").ToListAsync();
        var changes = await db.AuditEntries.IgnoreQueryFilters().CountAsync();
        return $"{indicator.Name} {indicator.TargetValue} {indicator.TargetDate} {indicator.ConcurrencyStamp} | {string.Join(", ", measurements)} | {changes} changes";
    });

    private static AngleSharp.Dom.IElement? AddButton(IHtmlDocument agreementPage) =>
        agreementPage.QuerySelector("#indicators a[href*='/indikatorer/ny']");
}
