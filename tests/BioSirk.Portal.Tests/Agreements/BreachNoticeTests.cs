using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;

namespace BioSirk.Portal.Tests.Agreements;

/// <summary>
/// A breach notice is a formal step with a deadline: the party it is given to sees it where it starts its day, each
/// party's notice stands on its own, and the giver can take it back when the breach is remedied.
/// </summary>
public sealed class BreachNoticeTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task EachPartysNoticeStands_IsWaitingOnTheOtherPartysStartPage_AndCanBeWithdrawn()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using (kari)
        using (sigrid)
        {
            await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Breach]",
                new() { ["Breach.Description"] = "Ingen timelister levert", ["Breach.RemedyDeadline"] = "2026-02-10" }));

            Assert.Matches("Buskerud fylkeskommune har varslet mislighold av «[^»]+»: rett forholdet innen 10\\.02\\.2026\\.", Tasks(await kari.GetPageAsync("/rad/hallingdal")));
            var councilsView = await kari.GetPageAsync(CouncilUrl(id));
            Assert.Contains("Buskerud fylkeskommune har varslet vesentlig mislighold av avtalen: Ingen timelister levert. Rett forholdet innen 10.02.2026",
                Flat(councilsView.QuerySelector("[data-testid=breach-against-viewer]")!.TextContent));
            // What to do next and by when: the remedy comes before the hours and the report.
            Assert.StartsWith("Buskerud fylkeskommune har sendt varsel om mislighold: Ingen timelister levert. Rett forholdet innen 10.02.2026",
                councilsView.QuerySelector("[data-testid=next-step]")!.TextContent.Trim());
            Assert.StartsWith("Frist for å rette misligholdet 10.02.2026", councilsView.QuerySelector("[data-testid=next-deadline]")!.TextContent);
            Assert.StartsWith("Aktivitetene skal være ferdige", (await sigrid.GetPageAsync(CountyUrl(id))).QuerySelector("[data-testid=next-deadline]")!.TextContent);

            // The council finds the county in breach too: that notice must not replace the county's.
            await ExpectRedirectAsync(await kari.SubmitAsync(CouncilUrl(id), "form[action*=Breach]",
                new() { ["Breach.Description"] = "Første utbetaling er ikke kommet", ["Breach.RemedyDeadline"] = "2026-02-15" }));
            var both = await sigrid.GetPageAsync(CountyUrl(id));
            Assert.Equal(2, both.QuerySelectorAll("[data-testid=breach-notice]").Length);
            Assert.Matches("Regionrådet for Hallingdal har varslet mislighold av «[^»]+»: rett forholdet innen 15\\.02\\.2026\\.", Tasks(await sigrid.GetPageAsync("/fylke/buskerud")));
        }

        // The county's deadline passes: its officer is asked to decide.
        Portal.Clock.Set(new DateTimeOffset(2026, 2, 11, 9, 0, 0, TimeSpan.Zero));
        using var sigridLater = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        using var kariLater = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        Assert.Matches("Fristen Regionrådet for Hallingdal fikk for å rette misligholdet av «[^»]+», gikk ut 10\\.02\\.2026: hev avtalen, eller trekk varselet om forholdet er rettet\\.",
            Tasks(await sigridLater.GetPageAsync("/fylke/buskerud")));
        Assert.Matches("Fristen Buskerud fylkeskommune satte for å rette misligholdet av «[^»]+», gikk ut 10\\.02\\.2026: Buskerud fylkeskommune kan nå heve avtalen\\.",
            Tasks(await kariLater.GetPageAsync("/rad/hallingdal")));

        // The timesheets came: the county withdraws its notice, and the council hears of it.
        await ExpectRedirectAsync(await sigridLater.SubmitAsync(CountyUrl(id), "form[action*=WithdrawBreach]", []));
        Assert.Contains(await kariLater.NoticesAsync(), n => Flat(n.TextContent).Contains("Buskerud fylkeskommune har trukket tilbake varselet om mislighold av «", StringComparison.Ordinal));
        Assert.DoesNotContain("Buskerud fylkeskommune", Tasks(await kariLater.GetPageAsync("/rad/hallingdal")));
        var afterWithdrawal = await sigridLater.GetPageAsync(CountyUrl(id));
        Assert.Single(afterWithdrawal.QuerySelectorAll("[data-testid=breach-notice]"));
        Assert.Contains("Varselet om mislighold er trukket tilbake.", afterWithdrawal.QuerySelector("[data-testid=history]")!.TextContent);
        Assert.Null(afterWithdrawal.QuerySelector("form[action*=WithdrawBreach]"));

        // Without its notice the county can no longer rescind; the council's own notice still stands.
        var refused = await PortalClient.ReadAsync(await sigridLater.SubmitAsync(CountyUrl(id), "form[action*=Rescind]", new() { ["Breach.ConfirmsRescission"] = "true" }));
        Assert.Contains("Avtalen kan ikke sies opp", refused.GetElementById("error-summary")!.TextContent);
        Assert.NotNull((await kariLater.GetPageAsync(CouncilUrl(id))).QuerySelector("form[action*=WithdrawBreach]"));
    }

    [Fact]
    public async Task ADeadlineToRemedyUnderTwoWeeks_IsAskedAbout_AndGivenWhenTheGiverConfirmsItIsReasonable()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal); // 20.01.2026
        using var _ = kari;
        using var __ = sigrid;
        var fields = new Dictionary<string, string> { ["Breach.Description"] = "Ingen timelister levert", ["Breach.RemedyDeadline"] = "2026-01-22" };

        var asked = await PortalClient.ReadAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Breach]", fields));
        Assert.Equal("En rimelig frist for å rette er som regel minst 14 dager. Sett en senere frist, eller kryss av for at dere mener denne fristen er rimelig.",
            asked.FieldError("Breach.RemedyDeadline"));
        Assert.Equal("22.01.2026", asked.FieldValue("Breach.RemedyDeadline"));
        Assert.Equal("Ingen timelister levert", asked.GetElementById("Breach_Description")!.TextContent);
        Assert.NotNull(asked.GetElementById("Breach_ConfirmsShortDeadline"));
        Assert.DoesNotContain(await kari.NoticesAsync(), n => n.TextContent.Contains("mislighold", StringComparison.Ordinal));

        await ExpectRedirectAsync(await sigrid.SubmitAsync(asked, CountyUrl(id), "form[action*=Breach]", new(fields) { ["Breach.ConfirmsShortDeadline"] = "true" }));
        Assert.Contains("Rett forholdet innen 22.01.2026", Flat((await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=breach-against-viewer]")!.TextContent));

        // Two weeks or more is reasonable without a question.
        await ExpectRedirectAsync(await kari.SubmitAsync(CouncilUrl(id), "form[action*=Breach]",
            new() { ["Breach.Description"] = "Første utbetaling er ikke kommet", ["Breach.RemedyDeadline"] = "2026-02-03" }));
    }

    private static string Tasks(IHtmlDocument home) => Flat(home.QuerySelector("#todo-heading")?.ParentElement?.TextContent ?? "");

    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
