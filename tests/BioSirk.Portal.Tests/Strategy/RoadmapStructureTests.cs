using System.Net;
using AngleSharp.Html.Dom;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Strategy.RoadmapSteps;

namespace BioSirk.Portal.Tests.Strategy;

/// <summary>The coordinator renames focus areas and goals, and removes the ones nothing hangs under.</summary>
public sealed class RoadmapStructureTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task AGoalIsRenamed_AndAnEmptyOneRemoved_TheOthersMoveUp_ButAGoalWithActionsStays()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        await AddActionAsync(jon, basePath, "Befaring på Follum");
        var areaId = (await jon.GetPageAsync(basePath + "/struktur")).QuerySelector("#NewGoal_FocusAreaId option[value]:not([value=''])")!.GetAttribute("value")!;
        foreach (var title in new[] { "Tomt mål", "Siste mål" })
        {
            await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/struktur", "form[action*=Goal]", new() { ["NewGoal.FocusAreaId"] = areaId, ["NewGoal.GoalTitle"] = title }));
        }

        // Renaming: a name is required, and what was typed stays.
        var goalPage = EditLink(await jon.GetPageAsync(basePath + "/struktur"), "Mål 1.1");
        var noName = await PortalClient.ReadAsync(await jon.SubmitAsync(goalPage, "form[data-testid=part-form]", new()
        {
            ["Input.Title"] = " ", ["Input.Description"] = "Sidestrømmer fra sagbruk og landbruk.",
        }));
        Assert.Equal("Skriv et navn.", noName.FieldError("Input.Title"));
        Assert.Equal("Sidestrømmer fra sagbruk og landbruk.", noName.FieldValue("Input.Description"));
        var renamed = await jon.PageAfterAsync(await jon.SubmitAsync(goalPage, "form[data-testid=part-form]", new() { ["Input.Title"] = "Biokull og biogass fra sidestrømmer" }));
        Assert.Contains("Målet «Biokull og biogass fra sidestrømmer» er lagret.", renamed.QuerySelector("main")!.TextContent);
        Assert.Equal(["Biokull og biogass fra sidestrømmer", "Tomt mål", "Siste mål"], GoalTitles(renamed));
        Assert.Contains("Biokull og biogass fra sidestrømmer", (await jon.GetPageAsync(basePath + "/tiltak")).QuerySelector("main")!.TextContent);

        // A goal with an action cannot be removed: the page says which action to move first, and a forced post is refused.
        var withAction = await jon.GetPageAsync(goalPage);
        Assert.Equal("Tiltaket «Befaring på Follum» hører til målet. Flytt det først til et annet mål, under «Endre» på tiltaket.",
            withAction.QuerySelector("[data-testid=not-removable]")!.TextContent);
        Assert.Null(withAction.QuerySelector("form[action*=Remove]"));
        var forced = await PortalClient.ReadAsync(await jon.PostWithTokenAsync(goalPage + "?handler=Remove", new()));
        Assert.Contains("Befaring på Follum", forced.GetElementById("error-summary")!.TextContent);

        // An empty goal goes, and the goal after it takes its number.
        var emptyGoal = EditLink(await jon.GetPageAsync(basePath + "/struktur"), "Mål 1.2");
        var removed = await jon.PageAfterAsync(await jon.SubmitAsync(emptyGoal, "form[action*=Remove]", new()));
        Assert.Contains("Målet «Tomt mål» er fjernet.", removed.QuerySelector("main")!.TextContent);
        Assert.Equal(["Biokull og biogass fra sidestrømmer", "Siste mål"], GoalTitles(removed));
        Assert.Equal("Endre mål 1.2", (await jon.GetPageAsync(EditLink(removed, "Mål 1.2"))).QuerySelector("main h2")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await jon.GetAsync(emptyGoal)).StatusCode);

        // A focus area with goals stays; an empty one goes.
        Assert.StartsWith("Satsingsområdet har 2 mål.", (await jon.GetPageAsync(EditLink(removed, "Satsingsområde 1"))).QuerySelector("[data-testid=not-removable]")!.TextContent);
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/struktur", "form[action*=Area]", new() { ["Area.AreaTitle"] = "Midlertidig område" }));
        var areaTwo = EditLink(await jon.GetPageAsync(basePath + "/struktur"), "Satsingsområde 2");
        var withoutArea = await jon.PageAfterAsync(await jon.SubmitAsync(areaTwo, "form[action*=Remove]", new()));
        Assert.DoesNotContain("Midlertidig område", withoutArea.QuerySelector("[data-testid=structure-now]")!.TextContent);
    }

    [Fact]
    public async Task TheDescriptionsOfFocusAreasAndGoals_AreShownOnTheRoadmapAndInItsVersions_WithTheirLineBreaks()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        var basePath = await StartRoadmapAsync(jon);
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/struktur", "form[action*=Area]", new()
        {
            ["Area.AreaTitle"] = "Tekstiler", ["Area.AreaDescription"] = "Brukte tekstiler er en ressurs.\nInnsamling og sortering i regionen.",
        }));
        var areaTwo = (await jon.GetPageAsync(basePath + "/struktur")).QuerySelectorAll("#NewGoal_FocusAreaId option").Last().GetAttribute("value")!;
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/struktur", "form[action*=Goal]", new()
        {
            ["NewGoal.FocusAreaId"] = areaTwo, ["NewGoal.GoalTitle"] = "Sirkulær tekstilverdikjede", ["NewGoal.GoalDescription"] = "Minst ett sorteringsanlegg i drift innen 2028.",
        }));
        await AddActionAsync(jon, basePath, "Befaring på Follum"); // a roadmap without actions is not put forward
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Freeze]", new() { ["Freeze.Label"] = "Forslag" }));

        // Every council reads them: on the roadmap as it is, and in the frozen version put forward for adoption.
        var hadelandPath = basePath.Replace("/rad/ringerike/", "/rad/hadeland/", StringComparison.Ordinal);
        var versionLink = (await marte.GetPageAsync(hadelandPath + "/versjoner")).QuerySelectorAll("a").First(a => a.TextContent == "Les versjonen").GetAttribute("href")!;
        foreach (var page in new[] { await marte.GetPageAsync(hadelandPath), await marte.GetPageAsync(versionLink) })
        {
            var descriptions = page.QuerySelectorAll("[data-testid=description]").ToList();
            Assert.Equal(["Brukte tekstiler er en ressurs.\nInnsamling og sortering i regionen.", "Minst ett sorteringsanlegg i drift innen 2028."],
                descriptions.Select(d => d.TextContent).ToArray());
            Assert.All(descriptions, d => Assert.Contains("pre-line", d.ClassList)); // the line break is shown as one
        }
    }

    [Fact]
    public async Task APartRemovedFromAnotherTab_IsSaidToBeGoneOnTheStructurePage_NotPageNotFound()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/struktur", "form[action*=Area]", new() { ["Area.AreaTitle"] = "Midlertidig område" }));
        var areaTwo = EditLink(await jon.GetPageAsync(basePath + "/struktur"), "Satsingsområde 2");
        var otherTab = await jon.GetPageAsync(areaTwo); // opened before the area is removed
        await ExpectRedirectAsync(await jon.SubmitAsync(areaTwo, "form[action*=Remove]", new()));

        foreach (var (form, fields) in new[] { ("form[action*=Remove]", new Dictionary<string, string>()), ("form[data-testid=part-form]", new() { ["Input.Title"] = "Nytt navn" }) })
        {
            var again = await jon.SubmitAsync(otherTab, areaTwo, form, fields);
            Assert.Equal(basePath + "/struktur", again.Headers.Location?.OriginalString);
            var page = await jon.PageAfterAsync(again);
            Assert.Contains("Satsingsområdet eller målet er allerede fjernet, kanskje fra en annen fane.", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await jon.GetAsync(areaTwo)).StatusCode);
    }

    [Fact]
    public async Task OnlyTheCoordinatorEditsAPart_AndASecondWriterMaySaveOverTheFirst()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var jonsOtherTab = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        var goalPage = EditLink(await jon.GetPageAsync(basePath + "/struktur"), "Mål 1.1");
        await TwoTabs.SecondIsToldAndMaySaveOverAsync(jon, jonsOtherTab, goalPage, "form[data-testid=part-form]", "Input.Description", "målet");
        var areaPage = EditLink(await jon.GetPageAsync(basePath + "/struktur"), "Satsingsområde 1");
        await TwoTabs.SecondIsToldAndMaySaveOverAsync(jon, jonsOtherTab, areaPage, "form[data-testid=part-form]", "Input.Title", "satsingsområdet");

        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        var asHadeland = goalPage.Replace("/rad/ringerike/", "/rad/hadeland/", StringComparison.Ordinal);
        var refused = await marte.GetAsync(asHadeland);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Bare sekretariatet i Ringeriksregionen", (await PortalClient.ReadAsync(refused)).QuerySelector("[data-testid=not-yours]")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await marte.PostWithTokenAsync(asHadeland + "?handler=Remove", new())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marte.PostWithTokenAsync(asHadeland, new() { ["Input.Title"] = "Kapret" })).StatusCode);
        Assert.Contains("Andre endring", (await jon.GetPageAsync(goalPage)).QuerySelector("#Input_Description")!.TextContent);
    }

    private static string EditLink(IHtmlDocument structure, string part) =>
        structure.QuerySelectorAll("[data-testid=structure-now] a").Single(a => a.QuerySelector(".visually-hidden")!.TextContent.Trim() == part).GetAttribute("href")!;

    private static List<string> GoalTitles(IHtmlDocument structure) =>
        [.. structure.QuerySelectorAll("[data-testid=structure-now] ol ol > li").Select(li => li.FirstChild!.TextContent.Trim())];
}
