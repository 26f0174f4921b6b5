using System.Net;
using BioSirk.Portal.Strategy.Data;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Infrastructure.HeldLocks;
using static BioSirk.Portal.Tests.Strategy.RoadmapSteps;

namespace BioSirk.Portal.Tests.Strategy;

/// <summary>
/// Two requests at the same moment, made deterministic: the test holds a lock in its own transaction, so that both requests
/// have read what they check before either writes; then it lets them go and looks at what they answered and left.
/// Also here, from the same review: a decision's over-long changes, and the writes tried with another council's ids.
/// </summary>
public sealed class RoadmapSameMomentTests(PortalFactory portal) : PortalTest(portal)
{
    private const string DecisionForm = "form[action*=Decision]";

    private static Dictionary<string, string> Decision(string caseReference) => new()
    {
        ["Decision.Outcome"] = "Adopted", ["Decision.DecidedOn"] = "2026-03-02", ["Decision.CaseReference"] = caseReference,
    };

    [Fact]
    public async Task FirstDecision_RecordedInTwoTabsAtTheSameMoment_TheSecondIsToldAndKeepsHerInput()
    {
        using var first = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var second = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(first);
        await AddActionAsync(first, basePath, "Befaring på Follum");
        await ExpectRedirectAsync(await first.SubmitAsync(basePath + "/versjoner", "form[action*=Freeze]", new() { ["Freeze.Label"] = "Forslag" }));
        var pageA = await first.GetPageAsync(basePath + "/versjoner");
        var pageB = await second.GetPageAsync(basePath + "/versjoner");
        var ringerike = (await CouncilIdsAsync(Portal))["ringerike"];
        var version = await Portal.WithScopeAsync(sp => sp.GetRequiredService<StrategyDbContext>().Versions.IgnoreQueryFilters().SingleAsync());

        // An uncommitted decision of the same council on the same version: both tabs read none, and both inserts wait for it.
        var answers = await Portal.AtTheSameMomentAsync("""
            INSERT INTO strategy.adoption_decisions ("Id", "VersionId", "RoadmapId", "PartnershipId", "CouncilId", "Outcome", "DecidedOn",
                "CaseReference", "RecordedByName", "RecordedAtUtc", "ConcurrencyStamp")
            VALUES (@id, @version, @roadmap, @partnership, @council, 1, DATE '2026-03-02', 'X', 'X', now(), 'x')
            """,
            () => first.SubmitAsync(pageA, basePath + "/versjoner", DecisionForm, Decision("SAK 12/26")),
            () => second.SubmitAsync(pageB, basePath + "/versjoner", DecisionForm, Decision("SAK 13/26")),
            ("id", Guid.NewGuid()), ("version", version.Id), ("roadmap", version.RoadmapId), ("partnership", version.PartnershipId), ("council", ringerike));

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Redirect);
        var loser = answers.Single(r => r.StatusCode != HttpStatusCode.Redirect);
        var page = await PortalClient.ReadAsync(loser);
        Assert.Equal(HttpStatusCode.OK, loser.StatusCode);
        Assert.Contains("Noen andre har lagret endringer i vedtaket mens du arbeidet. Det du skrev står fortsatt i skjemaet.",
            page.GetElementById("error-summary")!.TextContent);
        var typed = loser == answers[0] ? "SAK 12/26" : "SAK 13/26";
        Assert.Equal(typed, page.FieldValue("Decision.CaseReference"));

        // Saving again (the form she was shown, with the stamp of the decision that won) puts her decision over it.
        var client = loser == answers[0] ? first : second;
        await ExpectRedirectAsync(await client.PostFormAsync(page.QuerySelector(DecisionForm)!.GetAttribute("action")!, PortalClient.FormValues(page, DecisionForm)));
        var stored = await Portal.WithScopeAsync(sp => sp.GetRequiredService<StrategyDbContext>().Decisions.IgnoreQueryFilters().SingleAsync());
        Assert.Equal(typed, stored.CaseReference);
    }

    [Fact]
    public async Task ActionMovedOntoAGoalWhileTheGoalIsRemoved_IsNeverLeftOnTheRemovedGoal()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var otherTab = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var (basePath, actionPath, target) = await TwoGoalsAndAnActionAsync(jon);
        var form = await jon.FormValuesAsync(actionPath + "/rediger", "main form");
        form["Input.GoalId"] = target.ToString();
        var token = await otherTab.TokenAsync($"{basePath}/struktur/{target}");

        await using var holder = await Portal.OpenAsync();
        await using var tx = await holder.BeginTransactionAsync();
        // Holds the goal's row: the removal has found no action under the goal and waits to delete it.
        await ExecuteAsync(holder, tx, """SELECT 1 FROM strategy.goals WHERE "Id" = @goal FOR UPDATE""", ("goal", target));
        var remove = otherTab.Http.PostAsync($"{basePath}/struktur/{target}?handler=Remove",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        await Portal.WaitUntilBlockedAsync(holder, 1, remove);
        var move = jon.PostFormAsync(actionPath + "/rediger", form);
        await Portal.WaitUntilBlockedOrDoneAsync(holder, 2, move);
        await tx.RollbackAsync();
        var answers = await Task.WhenAll(remove, move);

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        var orphans = await Portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<StrategyDbContext>();
            var goals = await db.Goals.IgnoreQueryFilters().Select(g => g.Id).ToListAsync();
            return await db.Actions.IgnoreQueryFilters().Where(a => !goals.Contains(a.GoalId)).Select(a => a.Title).ToListAsync();
        });
        Assert.Empty(orphans);
    }

    [Fact]
    public async Task ActionMovedFromATabOpenedBeforeTheGoalWasRemoved_IsToldBesideTheGoal_AndKeepsItsInput()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var otherTab = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var (basePath, actionPath, target) = await TwoGoalsAndAnActionAsync(jon);
        var form = await jon.FormValuesAsync(actionPath + "/rediger", "main form");
        await ExpectRedirectAsync(await otherTab.PostWithTokenAsync($"{basePath}/struktur/{target}?handler=Remove", new(), tokenPage: $"{basePath}/struktur/{target}"));
        form["Input.GoalId"] = target.ToString();
        form["Input.Title"] = "Befaring på Follum og Hønefoss";

        var answer = await jon.PostFormAsync(actionPath + "/rediger", form);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = await PortalClient.ReadAsync(answer);
        Assert.Equal("Velg målet tiltaket hører til.", page.FieldError("Input.GoalId"));
        Assert.Equal("Befaring på Follum og Hønefoss", page.FieldValue("Input.Title"));
    }

    [Fact]
    public async Task TwoSecretariesStartingThePartnershipsRoadmapAtTheSameMoment_MakeOneRoadmap()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        var jonPage = await jon.GetPageAsync("/rad/ringerike/veikart");
        var martePage = await marte.GetPageAsync("/rad/hadeland/veikart");
        var partnership = PortalClient.FormValues(jonPage, "main form")["Input.PartnershipId"];
        Dictionary<string, string> Start(string title) => new()
        {
            ["Input.PartnershipId"] = partnership, ["Input.Title"] = title, ["Input.PeriodStart"] = "2026-01-01", ["Input.PeriodEnd"] = "2028-12-31",
        };

        // Both find no roadmap for the partnership, and both wait to write theirs.
        var answers = await Portal.AtTheSameMomentAsync("LOCK TABLE strategy.roadmaps IN SHARE MODE",
            () => jon.SubmitAsync(jonPage, "/rad/ringerike/veikart", "main form", Start("Ringerikes veikart")),
            () => marte.SubmitAsync(martePage, "/rad/hadeland/veikart", "main form", Start("Hadelands veikart")));

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Equal(1, await Portal.WithScopeAsync(sp =>
            sp.GetRequiredService<StrategyDbContext>().Roadmaps.IgnoreQueryFilters().CountAsync(r => r.PartnershipId == Guid.Parse(partnership))));
        var refused = await PortalClient.ReadAsync(answers.Single(r => r.StatusCode != HttpStatusCode.Redirect));
        Assert.Contains("Partnerskapet har allerede et veikart", refused.QuerySelector("[data-testid=not-started]")!.TextContent);
    }

    [Fact]
    public async Task ADecisionsChangesLongerThanTheColumn_AreToldBesideTheField_NotA500()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        await AddActionAsync(jon, basePath, "Befaring på Follum");
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Freeze]", new() { ["Freeze.Label"] = "Forslag" }));
        var changes = new string('e', 4001);

        var answer = await jon.SubmitAsync(basePath + "/versjoner", DecisionForm, new()
        {
            ["Decision.Outcome"] = "AdoptedWithChanges", ["Decision.DecidedOn"] = "2026-03-02", ["Decision.CaseReference"] = "SAK 12/26",
            ["Decision.Changes"] = changes,
        });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = await PortalClient.ReadAsync(answer);
        Assert.Equal("Endringene kan være på høyst 4 000 tegn (nå 4 001).", page.FieldError("Decision.Changes"));
        Assert.Equal(changes, page.FieldValue("Decision.Changes"));
    }

    [Fact]
    public async Task ACouncilOutsideThePartnership_GetsNotFound_ForTheRoadmapsWrites()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var hallingdal = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var basePath = await StartRoadmapAsync(jon);
        var actionPath = await AddActionAsync(jon, basePath, "Befaring på Follum");
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Freeze]", new() { ["Freeze.Label"] = "Forslag" }));
        var (versionId, goalId) = await Portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<StrategyDbContext>();
            return ((await db.Versions.IgnoreQueryFilters().SingleAsync()).Id, (await db.Goals.IgnoreQueryFilters().SingleAsync()).Id);
        });
        var theirs = basePath.Replace("/rad/ringerike/", "/rad/hallingdal/", StringComparison.Ordinal);
        var theirAction = actionPath.Replace("/rad/ringerike/", "/rad/hallingdal/", StringComparison.Ordinal);

        var answers = new[]
        {
            await hallingdal.PostWithTokenAsync($"{theirs}/versjoner?handler=Decision&versionId={versionId}", new()
            {
                ["Decision.Outcome"] = "Adopted", ["Decision.DecidedOn"] = "2026-03-02", ["Decision.CaseReference"] = "SAK 1/26",
            }),
            await hallingdal.PostWithTokenAsync($"{theirs}/struktur/{goalId}?handler=Remove", new()),
            await hallingdal.PostWithTokenAsync($"{theirAction}?handler=Delete", new()),
            await hallingdal.PostWithTokenAsync($"{theirAction}/rediger", new() { ["Input.Title"] = "Kapret" }),
        };

        Assert.All(answers, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    [Fact]
    public async Task PeriodShrunkWhileAnActionOutsideTheNewPeriodIsAdded_NeverLeavesTheActionOutsideThePeriod()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var otherTab = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        var settings = await jon.GetPageAsync(basePath + "/struktur");
        var action = await otherTab.FormValuesAsync(basePath + "/tiltak/ny", "main form");
        action["Input.GoalId"] = (await otherTab.GetPageAsync(basePath + "/tiltak/ny")).QuerySelector("#Input_GoalId option[value]:not([value=''])")!.GetAttribute("value")!;
        action["Input.Title"] = "Biokullanlegg på Hadeland";
        action["Input.Start"] = "2026-03-01";
        action["Input.End"] = "2028-06-30";
        action["Input.Phase"] = "Mapping";
        var roadmapId = await Portal.WithScopeAsync(sp => sp.GetRequiredService<StrategyDbContext>().Roadmaps.IgnoreQueryFilters().Select(r => r.Id).SingleAsync());

        await using var holder = await Portal.OpenAsync();
        await using var tx = await holder.BeginTransactionAsync();
        // Holds the roadmap's row: the new period has found no action outside it and waits to be saved.
        await ExecuteAsync(holder, tx, """SELECT 1 FROM strategy.roadmaps WHERE "Id" = @roadmap FOR UPDATE""", ("roadmap", roadmapId));
        var shrink = jon.SubmitAsync(settings, basePath + "/struktur", "form[action*=Settings]", new()
        {
            ["Settings.Title"] = "Felles veikart", ["Settings.PeriodStart"] = "2026-01-01", ["Settings.PeriodEnd"] = "2027-12-31", ["Settings.ReportingDates"] = "",
        });
        await Portal.WaitUntilBlockedAsync(holder, 1, shrink);
        var add = otherTab.PostFormAsync(basePath + "/tiltak/ny", action);
        await Portal.WaitUntilBlockedOrDoneAsync(holder, 2, add);
        await tx.RollbackAsync();
        var answers = await Task.WhenAll(shrink, add);

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        var outside = await Portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<StrategyDbContext>();
            var roadmap = await db.Roadmaps.IgnoreQueryFilters().SingleAsync();
            return await db.Actions.IgnoreQueryFilters().Where(a => a.Start < roadmap.PeriodStart || a.End > roadmap.PeriodEnd).Select(a => a.Title).ToListAsync();
        });
        Assert.Empty(outside);
        var refused = answers.Single(r => r.StatusCode != HttpStatusCode.Redirect);
        var page = await PortalClient.ReadAsync(refused);
        Assert.Contains("Noen andre har", page.GetElementById("error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FocusAreaRemovedWhileAGoalIsAddedUnderIt_TheGoalIsRefusedOnThePage_NotA500()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var otherTab = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/struktur", "form[action*=Area]", new() { ["Area.AreaTitle"] = "Sirkulær økonomi" }));
        var area = await Portal.WithScopeAsync(sp =>
            sp.GetRequiredService<StrategyDbContext>().FocusAreas.IgnoreQueryFilters().Where(f => f.Title == "Sirkulær økonomi").Select(f => f.Id).SingleAsync());
        var structure = await otherTab.GetPageAsync(basePath + "/struktur");
        var token = await jon.TokenAsync($"{basePath}/struktur/{area}");

        await using var holder = await Portal.OpenAsync();
        await using var tx = await holder.BeginTransactionAsync();
        // Holds the area's row: the removal has found no goal under it and waits to delete it; the goal waits to be put under it.
        await ExecuteAsync(holder, tx, """SELECT 1 FROM strategy.focus_areas WHERE "Id" = @area FOR UPDATE""", ("area", area));
        var remove = jon.Http.PostAsync($"{basePath}/struktur/{area}?handler=Remove",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        await Portal.WaitUntilBlockedAsync(holder, 1, remove);
        var add = otherTab.SubmitAsync(structure, basePath + "/struktur", "form[action*=Goal]", new()
        {
            ["NewGoal.FocusAreaId"] = area.ToString(), ["NewGoal.GoalTitle"] = "Mer ombruk av byggematerialer",
        });
        await Portal.WaitUntilBlockedAsync(holder, 2, remove, add);
        await tx.RollbackAsync();
        var answers = await Task.WhenAll(remove, add);

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        var (areas, goals) = await Portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<StrategyDbContext>();
            return (await db.FocusAreas.IgnoreQueryFilters().Select(f => f.Id).ToListAsync(), await db.Goals.IgnoreQueryFilters().ToListAsync());
        });
        Assert.All(goals, g => Assert.Contains(g.FocusAreaId, areas));
        var page = await PortalClient.ReadAsync(answers[1]);
        Assert.Equal(HttpStatusCode.OK, answers[1].StatusCode);
        Assert.Equal("Velg satsingsområdet målet hører til.", page.FieldError("NewGoal.FocusAreaId"));
        Assert.Equal("Mer ombruk av byggematerialer", page.FieldValue("NewGoal.GoalTitle"));
    }

    [Fact]
    public async Task GoalAddedUnderAFocusAreaWhileTheAreaIsRemoved_IsNotTakenAwayWithTheArea()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var otherTab = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/struktur", "form[action*=Area]", new() { ["Area.AreaTitle"] = "Sirkulær økonomi" }));
        var area = await Portal.WithScopeAsync(sp =>
            sp.GetRequiredService<StrategyDbContext>().FocusAreas.IgnoreQueryFilters().Where(f => f.Title == "Sirkulær økonomi").Select(f => f.Id).SingleAsync());
        var structure = await otherTab.GetPageAsync(basePath + "/struktur");
        var token = await jon.TokenAsync($"{basePath}/struktur/{area}");

        await using var holder = await Portal.OpenAsync();
        await using var tx = await holder.BeginTransactionAsync();
        // Holds the area's row: the goal waits to be put under it first, then the removal, which found no goal, waits to delete it.
        await ExecuteAsync(holder, tx, """SELECT 1 FROM strategy.focus_areas WHERE "Id" = @area FOR UPDATE""", ("area", area));
        var add = otherTab.SubmitAsync(structure, basePath + "/struktur", "form[action*=Goal]", new()
        {
            ["NewGoal.FocusAreaId"] = area.ToString(), ["NewGoal.GoalTitle"] = "Mer ombruk av byggematerialer",
        });
        await Portal.WaitUntilBlockedAsync(holder, 1, add);
        var remove = jon.Http.PostAsync($"{basePath}/struktur/{area}?handler=Remove",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        await Portal.WaitUntilBlockedAsync(holder, 2, add, remove);
        await tx.RollbackAsync();
        var answers = await Task.WhenAll(add, remove);

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        var goals = await Portal.WithScopeAsync(sp => sp.GetRequiredService<StrategyDbContext>().Goals.IgnoreQueryFilters().Select(g => g.Title).ToListAsync());
        Assert.Equal(answers[0].StatusCode == HttpStatusCode.Redirect, goals.Contains("Mer ombruk av byggematerialer"));
        if (goals.Contains("Mer ombruk av byggematerialer"))
        {
            var refused = await PortalClient.ReadAsync(answers[1]);
            Assert.Contains("Satsingsområdet har ett mål, «Mer ombruk av byggematerialer». Fjern målet først.", refused.GetElementById("error-summary")!.TextContent, StringComparison.Ordinal);
        }
    }

    private async Task<(string BasePath, string ActionPath, Guid Target)> TwoGoalsAndAnActionAsync(PortalClient jon)
    {
        var basePath = await StartRoadmapAsync(jon);
        var actionPath = await AddActionAsync(jon, basePath, "Befaring på Follum");
        var areaId = (await jon.GetPageAsync(basePath + "/struktur")).QuerySelector("#NewGoal_FocusAreaId option[value]:not([value=''])")!.GetAttribute("value")!;
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/struktur", "form[action*=Goal]", new() { ["NewGoal.FocusAreaId"] = areaId, ["NewGoal.GoalTitle"] = "Andre mål" }));
        var target = await Portal.WithScopeAsync(sp => sp.GetRequiredService<StrategyDbContext>().Goals.IgnoreQueryFilters().Where(g => g.Title == "Andre mål").Select(g => g.Id).SingleAsync());
        return (basePath, actionPath, target);
    }
}
