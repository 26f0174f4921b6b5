using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Strategy.RoadmapSteps;

namespace BioSirk.Portal.Tests.Strategy;

/// <summary>
/// Texts an English reader met in bokmål: a module's sentence handed to the page without values
/// (<c>this.Localized(message)</c>), the frozen version's coded words, and the sign-in rows of the change log.
/// </summary>
public sealed class RoadmapInEnglishTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task WhyAPartOrAnActionCannotBeRemoved_IsSaidInEnglish()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        var actionPath = await AddActionAsync(jon, basePath, "Forsøk med biokull");
        var indicator = await Indicators.IndicatorSteps.CreateAsync(jon, url: "/rad/ringerike/indikatorer/ny");
        await ExpectRedirectAsync(await jon.SubmitAsync(actionPath, "form[action*=Link]", new() { ["LinkTarget"] = $"Indicator:{indicator}" }));
        var parts = (await jon.GetPageAsync(basePath + "/struktur")).QuerySelectorAll("main a[href*='/struktur/']").Select(a => a.GetAttribute("href")!).ToList();

        await jon.ChooseEnglishAsync();
        var reasons = new List<string>();
        foreach (var part in parts)
        {
            reasons.Add((await jon.GetPageAsync(part)).QuerySelector("[data-testid=not-removable]")!.TextContent);
        }

        Assert.Contains("The focus area has one goal, “Biokull fra lokale sidestrømmer”. Remove the goal first.", reasons);
        Assert.Contains("The action “Forsøk med biokull” belongs to the goal. First move it to another goal, under “Edit” on the action.", reasons);
        Assert.Equal("The action is linked to the indicator “Tonn biokull produsert”. Remove the link under “Links” first, then the action can be deleted.",
            (await jon.GetPageAsync(actionPath)).QuerySelector("[data-testid=not-deletable]")!.TextContent);
    }

    [Fact]
    public async Task AFrozenVersion_ShowsPhaseStatusAndJudgementInEnglish()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        await AddActionAsync(jon, basePath, "Befaring på Follum");
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Freeze]", new() { ["Freeze.Label"] = "V1" }));
        var version = (await jon.GetPageAsync(basePath + "/versjoner")).QuerySelectorAll("a").First(a => a.TextContent == "Les versjonen").GetAttribute("href")!;

        await jon.ChooseEnglishAsync();
        var row = (await jon.GetPageAsync(version)).QuerySelector("main tbody tr")!.Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["1 Mapping", "Not started", "On track"], row[^3..]);
    }

    [Fact]
    public async Task ASignIn_InTheChangeLog_IsNamedInEnglish()
    {
        using var ingrid = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        await ingrid.ChooseEnglishAsync();
        var log = System.Text.RegularExpressions.Regex.Replace(
            (await ingrid.GetPageAsync("/rad/hallingdal/admin/logg")).QuerySelector("[data-testid=audit-table]")!.TextContent, @"\s+", " ");
        Assert.Contains("Sign-in", log);
        Assert.Contains("Method", log);
        Assert.Contains("E-mail and password", log);
        Assert.DoesNotContain("E-post og passord", log);
        Assert.DoesNotContain("Innlogging", log);
    }

    [Fact]
    public async Task AMissedReport_IsSaidInEnglish_OnTheStartPageAndUnderMyUpdates()
    {
        await SeedDemoRoadmapAsync(Portal);
        Portal.Clock.Set(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero)); // the day after the first reporting date
        using var anders = await Portal.SignedInAsync(Demo.GjovikSecretary);
        await anders.ChooseEnglishAsync();

        var start = await anders.GetPageAsync("/rad/gjovik");
        Assert.Contains("Report progress on “Kartlegging av sidestrømmer i Gjøvikregionen” by 01.03.2027 (the report for 01.12.2026 is missing).",
            start.QuerySelectorAll("section[aria-labelledby=todo-heading] li").Select(li => li.TextContent.Trim()));
        Assert.Contains("by 01.03.2027 (the report for 01.12.2026 is missing)", start.QuerySelector("section[aria-labelledby=roadmap-heading] table")!.TextContent);
        var mine = (await anders.GetPageAsync("/rad/gjovik/mine-oppdateringer")).QuerySelector("section[aria-labelledby=my-actions]")!.TextContent;
        Assert.Contains("report by 01.03.2027 (the report for 01.12.2026 is missing)", mine);
        Assert.DoesNotContain("mangler", mine);
    }
}
