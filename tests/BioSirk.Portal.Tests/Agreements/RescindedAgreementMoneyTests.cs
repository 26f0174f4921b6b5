using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;

namespace BioSirk.Portal.Tests.Agreements;

/// <summary>
/// A rescinded agreement asks for no more money: a request the county had not decided falls away, no new one can be
/// sent, and only a payment the county approved before the rescission is still registered.
/// </summary>
public sealed class RescindedAgreementMoneyTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly DateTimeOffset AfterTheRemedyDeadline = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ARequestWaitingForTheCounty_FallsAwayAtTheRescission_AndNoNewOneCanBeSent()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var requestFormBefore = await kari.GetPageAsync(CouncilUrl(id)); // a tab left open
        await ExpectRedirectAsync(await kari.SubmitAsync(CouncilUrl(id), "form[action*=Request]", new() { ["RequestForm.StatusText"] = "Oppstart." }));
        var decideFormBefore = await sigrid.GetPageAsync(CountyUrl(id));
        await GiveNoticeAndRescindAsync(sigrid, id);

        var councilsView = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Equal("Hevet", Text(councilsView, "agreement-status"));
        Assert.Null(councilsView.QuerySelector("form[action*=Request]"));
        Assert.Contains("faller bort (avtalen er hevet)", Row(councilsView, "milestones", "Ved signering"));
        Assert.Contains("Sendt tilbake", councilsView.QuerySelector("[data-testid=requests]")!.TextContent);
        Assert.Contains("Avtalen ble hevet før anmodningen ble behandlet.", councilsView.QuerySelector("[data-testid=requests]")!.TextContent);
        Assert.Equal("Avtalen er hevet. Det sendes ikke flere utbetalingsanmodninger.", Text(councilsView, "next-step"));
        Assert.Contains("Det kan ikke sendes flere utbetalingsanmodninger.", Text(councilsView, "money-after-rescission"));
        Assert.Contains("Utbetalingsanmodningen for «Ved signering» falt bort", councilsView.QuerySelector("[data-testid=history]")!.TextContent);

        // The council hears of it from the portal, with what it means for the money.
        var notice = Flat((await kari.NoticesAsync()).First(n => n.TextContent.Contains("har hevet", StringComparison.Ordinal)).TextContent);
        Assert.Contains("Buskerud fylkeskommune har hevet «", notice);
        Assert.Contains("Det kan ikke sendes flere utbetalingsanmodninger.", notice);

        // Forms left open from before the rescission do not get through either way.
        var approveLate = await PortalClient.ReadAsync(await sigrid.SubmitAsync(decideFormBefore, CountyUrl(id), "form[action*=Decide]", new() { ["Decision.Approve"] = "true" }));
        Assert.Contains("Anmodningen er allerede behandlet.", approveLate.GetElementById("error-summary")!.TextContent);
        var requestLate = await PortalClient.ReadAsync(await kari.SubmitAsync(requestFormBefore, CouncilUrl(id), "form[action*=Request]",
            new() { ["RequestForm.StatusText"] = "Ny anmodning." }));
        Assert.Contains("Avtalen er hevet. Det kan ikke sendes flere utbetalingsanmodninger.", requestLate.GetElementById("error-summary")!.TextContent);
        Assert.Single((await sigrid.GetPageAsync(CountyUrl(id))).QuerySelectorAll("[data-testid=requests] tbody tr"));
    }

    [Fact]
    public async Task APaymentApprovedBeforeTheRescission_IsStillRegistered()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await kari.SubmitAsync(CouncilUrl(id), "form[action*=Request]", new() { ["RequestForm.StatusText"] = "Oppstart." }));
        await ApproveRequestAsync(sigrid, id);
        await GiveNoticeAndRescindAsync(sigrid, id);

        var countysView = await sigrid.GetPageAsync(CountyUrl(id));
        Assert.Equal("Avtalen er hevet. Du godkjente utbetalingsanmodningen for «Ved signering» (kr 112 500,00) før hevingen: registrer utbetalingen når den er betalt.",
            Text(countysView, "next-step"));
        Assert.Contains("godkjent, venter på betaling", Row(countysView, "milestones", "Ved signering"));
        Assert.Contains("faller bort (avtalen er hevet)", Row(countysView, "milestones", "Sluttoppgjør"));
        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-03-02", ["Payment.Amount"] = "112 500", ["Payment.Reference"] = "BFK-2026-0301" }));

        var paid = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Contains("kr 112 500,00", paid.QuerySelector("[data-testid=payments]")!.TextContent);
        Assert.Equal("Hevet", Text(paid, "agreement-status"));
        Assert.Equal("Avtalen er hevet. Det sendes ikke flere utbetalingsanmodninger.", Text(paid, "next-step"));
    }

    [Fact]
    public async Task AFinalReportWithTheCounty_IsWithdrawnAtTheRescission_AndLeavesTheCountysTasks()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await Reporting.FinalReportSteps.SubmitReportAsync(kari, id));
        Assert.Contains("har levert sluttrapporten for «", CountyTasks(await sigrid.GetPageAsync("/fylke/buskerud")));
        Assert.NotNull((await sigrid.GetPageAsync(Reporting.FinalReportSteps.CountyUrl(id))).QuerySelector("form[data-testid=decision-form]"));

        await GiveNoticeAndRescindAsync(sigrid, id);

        Assert.DoesNotContain("har levert sluttrapporten", CountyTasks(await sigrid.GetPageAsync("/fylke/buskerud")));
        var report = await sigrid.GetPageAsync(Reporting.FinalReportSteps.CountyUrl(id));
        Assert.Null(report.QuerySelector("form[data-testid=decision-form]"));
    }

    private static string CountyTasks(IHtmlDocument home) => home.QuerySelector("#todo-heading")?.ParentElement?.TextContent ?? "";

    private async Task GiveNoticeAndRescindAsync(PortalClient officer, Guid id)
    {
        await ExpectRedirectAsync(await officer.SubmitAsync(CountyUrl(id), "form[action*=Breach]",
            new() { ["Breach.Description"] = "Ingen timelister levert", ["Breach.RemedyDeadline"] = "2026-02-27" }));
        Portal.Clock.Set(AfterTheRemedyDeadline);
        await ExpectRedirectAsync(await officer.SubmitAsync(CountyUrl(id), "form[action*=Rescind]", new() { ["Breach.ConfirmsRescission"] = "true" }));
    }

    private static string Text(IHtmlDocument page, string testId) => Flat(page.QuerySelector($"[data-testid={testId}]")!.TextContent);

    private static string Row(IHtmlDocument page, string testId, string name) =>
        Flat(page.QuerySelectorAll($"[data-testid={testId}] tbody tr").First(r => r.TextContent.Contains(name, StringComparison.Ordinal)).TextContent);

    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
