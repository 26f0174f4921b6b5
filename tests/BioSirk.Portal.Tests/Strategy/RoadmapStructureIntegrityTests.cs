using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Strategy.Data;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Strategy.RoadmapSteps;

namespace BioSirk.Portal.Tests.Strategy;

/// <summary>One roadmap per partnership, a goal kept while indicators measure it, and numbers that never repeat.</summary>
public sealed class RoadmapStructureIntegrityTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task AnotherCouncilOfThePartnership_CannotStartASecondRoadmapForIt()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        await StartRoadmapAsync(jon);
        var councils = await CouncilIdsAsync(Portal);
        var biosirk = await Portal.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<IPlatformDirectory>().ListPartnershipsOfCouncilAsync(councils["ringerike"])).First(p => p.Councils.Any(c => c.Id == councils["hadeland"])).Id);

        var refused = await PortalClient.ReadAsync(await marte.PostWithTokenAsync("/rad/hadeland/veikart", new()
        {
            ["Input.PartnershipId"] = biosirk.ToString(),
            ["Input.Title"] = "Hadelands eget BioSirk-veikart",
            ["Input.PeriodStart"] = "2026-01-01",
            ["Input.PeriodEnd"] = "2028-12-31",
        }));

        Assert.Contains("Partnerskapet har allerede et veikart", refused.QuerySelector("[data-testid=not-started]")!.TextContent);
        Assert.Equal(1, await Portal.WithScopeAsync(sp =>
            sp.GetRequiredService<StrategyDbContext>().Roadmaps.IgnoreQueryFilters().CountAsync(r => r.PartnershipId == biosirk)));
    }

    [Fact]
    public async Task AGoalThatAnIndicatorMeasures_IsKept()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        var goalId = await Portal.WithScopeAsync(sp => sp.GetRequiredService<StrategyDbContext>().Goals.IgnoreQueryFilters().Select(g => g.Id).SingleAsync());
        await ExpectRedirectAsync(await jon.SubmitAsync($"/rad/ringerike/indikatorer/ny?plan=RoadmapGoal&planId={goalId}", "main form",
            Indicators.IndicatorSteps.Biochar()));

        var part = await jon.GetPageAsync($"{basePath}/struktur/{goalId}");
        Assert.Null(part.QuerySelector("form[action*=Remove]"));
        Assert.Contains("Indikatoren «Tonn biokull produsert» måler målet", part.QuerySelector("main")!.TextContent);

        var refused = await PortalClient.ReadAsync(await jon.PostWithTokenAsync($"{basePath}/struktur/{goalId}?handler=Remove", new(), tokenPage: $"{basePath}/struktur/{goalId}"));
        Assert.Contains("Et mål med indikatorer fjernes ikke", refused.QuerySelector("main")!.TextContent);
        Assert.True(await Portal.WithScopeAsync(sp => sp.GetRequiredService<StrategyDbContext>().Goals.IgnoreQueryFilters().AnyAsync(g => g.Id == goalId)));
    }

    [Fact]
    public async Task FocusAreasAddedAtTheSameMoment_NeverShareANumber()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        var token = await jon.TokenAsync(basePath + "/struktur");
        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(n => jon.Http.PostAsync(basePath + "/struktur?handler=Area", new FormUrlEncodedContent(
                new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Area.AreaTitle"] = $"Område {round}-{n}" }))));
        }

        var numbers = await Portal.WithScopeAsync(sp => sp.GetRequiredService<StrategyDbContext>().FocusAreas.IgnoreQueryFilters().Select(f => f.Number).ToListAsync());
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.True(numbers.Count > 1);
    }

    [Fact]
    public async Task AnActionMovedToAnotherGoal_IsAChangeBetweenVersions()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        var areaId = (await jon.GetPageAsync(basePath + "/struktur")).QuerySelector("#NewGoal_FocusAreaId option[value]:not([value=''])")!.GetAttribute("value")!;
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/struktur", "form[action*=Goal]", new() { ["NewGoal.FocusAreaId"] = areaId, ["NewGoal.GoalTitle"] = "Andre mål" }));
        var actionPath = await AddActionAsync(jon, basePath, "Befaring på Follum");
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Freeze]", new() { ["Freeze.Label"] = "V1" }));

        var form = await jon.FormValuesAsync(actionPath + "/rediger", "main form");
        var goals = (await jon.GetPageAsync(actionPath + "/rediger")).QuerySelectorAll("#Input_GoalId option[value]:not([value=''])").Select(o => o.GetAttribute("value")!).ToList();
        form["Input.GoalId"] = goals.Single(g => g != form["Input.GoalId"]);
        await ExpectRedirectAsync(await jon.PostFormAsync(actionPath + "/rediger", form));
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Freeze]", new() { ["Freeze.Label"] = "V2" }));

        var versions = await jon.GetPageAsync(basePath + "/versjoner");
        var changes = await jon.GetPageAsync(versions.QuerySelectorAll("a").First(a => a.TextContent == "Endringer fra versjon 1").GetAttribute("href")!);
        var change = Assert.Single(changes.QuerySelectorAll("li.change"));
        Assert.Contains("Befaring på Follum", change.TextContent);
        Assert.Contains("Andre mål", change.TextContent);
    }
}
