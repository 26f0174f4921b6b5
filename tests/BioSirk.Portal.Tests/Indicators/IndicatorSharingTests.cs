using System.Net;
using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Indicators.Domain;
using BioSirk.Portal.Indicators.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Indicators.IndicatorSteps;

namespace BioSirk.Portal.Tests.Indicators;

/// <summary>Who sees an indicator: the owner council, the funding county (read only), the partnership of a roadmap goal; nobody else.</summary>
public sealed class IndicatorSharingTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task AgreementIndicator_IsOnTheAgreementPage_TheFundingCountyReadsIt_AnotherCountyGets404()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var agreementId = await DraftFromTemplateAsync(kari);
        var agreementPage = await kari.GetPageAsync(CouncilUrl(agreementId));
        var add = agreementPage.QuerySelector("#indicators a[href*='/indikatorer/ny']")!.GetAttribute("href")!;
        Assert.Equal($"/rad/hallingdal/indikatorer/ny?plan=Agreement&planId={agreementId}", add);
        Assert.Contains("Missionssatsingen", (await kari.GetPageAsync(add)).QuerySelector("[data-testid=plan]")!.TextContent);

        var id = await CreateAsync(kari, url: add);
        await ExpectRedirectAsync(await MeasureAsync(kari, Url(id), "2026-02-20", "150"));

        var listed = (await kari.GetPageAsync(CouncilUrl(agreementId))).QuerySelector("[data-testid=agreement-indicators]")!.TextContent;
        Assert.Contains("Tonn biokull produsert", listed);
        Assert.Contains("I rute", listed);

        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        var countyUrl = $"/fylke/buskerud/indikatorer/{id}";
        var countyPage = await sigrid.GetPageAsync(countyUrl);
        Assert.Equal("I rute", countyPage.QuerySelector("[data-testid=indicator-status]")!.TextContent);
        Assert.Empty(countyPage.QuerySelectorAll("main form[method=post]"));
        Assert.Contains($"/fylke/buskerud/indikatorer/{id}", (await sigrid.GetPageAsync(CountyUrl(agreementId))).QuerySelector("[data-testid=agreement-indicators]")!.InnerHtml);
        Assert.Equal(HttpStatusCode.Forbidden, (await sigrid.PostWithTokenAsync(countyUrl + "?handler=Measurement",
            new() { ["Measurement.Date"] = "2026-02-21", ["Measurement.Value"] = "1" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sigrid.GetAsync(countyUrl + "?handler=Export&format=csv")).StatusCode);

        using var hanne = await Portal.SignedInAsync(Demo.InnlandetOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await hanne.GetAsync($"/fylke/innlandet/indikatorer/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hanne.GetAsync($"/fylke/buskerud/indikatorer/{id}")).StatusCode);
        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        Assert.Equal(HttpStatusCode.NotFound, (await marte.GetAsync($"/rad/hadeland/indikatorer/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await marte.GetAsync($"/rad/hadeland/indikatorer/ny?plan=Agreement&planId={agreementId}")).StatusCode);
    }

    [Fact]
    public async Task RoadmapGoalIndicator_IsReadByThePartnership_EditedOnlyByTheOwner_AndHiddenFromOthers()
    {
        var id = await GoalIndicatorOfHadelandAsync();

        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        var own = await marte.GetPageAsync($"/rad/hadeland/indikatorer/{id}");
        Assert.NotNull(own.QuerySelector($"a[href='/rad/hadeland/indikatorer/{id}/rediger']"));

        using var anders = await Portal.SignedInAsync("sekretar.gjovik@demo.biosirk.no");
        var shared = await anders.GetPageAsync($"/rad/gjovik/indikatorer/{id}");
        Assert.Equal("Tonn tekstil til ombruk", shared.QuerySelector("h1")!.TextContent);
        Assert.Empty(shared.QuerySelectorAll("main form[method=post]"));
        Assert.Contains("Tonn tekstil til ombruk", (await anders.GetPageAsync("/rad/gjovik/indikatorer?Plan=RoadmapGoal")).QuerySelector("[data-testid=indicator-list]")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await anders.GetAsync($"/rad/gjovik/indikatorer/{id}/rediger")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anders.PostWithTokenAsync($"/rad/gjovik/indikatorer/{id}?handler=Measurement",
            new() { ["Measurement.Date"] = "2026-02-21", ["Measurement.Value"] = "1" })).StatusCode);

        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync($"/rad/hallingdal/indikatorer/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync($"/rad/hallingdal/indikatorer/{id}/rediger")).StatusCode);
    }

    [Fact]
    public async Task AGoalIndicator_MayBeGivenToSomeoneOfAnyCouncilInThePartnership_AndSheReportsIt_ButNotToAnOutsider()
    {
        var goals = await Strategy.RoadmapSteps.SeedDemoRoadmapAsync(Portal);
        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        var add = $"/rad/hadeland/indikatorer/ny?plan=RoadmapGoal&planId={goals[0].GoalId}";
        var choices = (await marte.GetPageAsync(add)).QuerySelectorAll("#Input_ResponsibleUserId option")
            .Where(o => o.GetAttribute("value") is { Length: > 0 }).ToList();
        var names = choices.Select(o => o.TextContent.Trim()).ToList();
        Assert.Contains("Marte Grinaker", names);
        Assert.Contains("Jon Aasen", names); // Ringeriksregionen
        Assert.Contains("Anders Lunde", names); // Gjøvikregionen
        Assert.Single(names, n => n == "Per Solberg"); // a member of two of the councils, offered once
        Assert.DoesNotContain("Kari Nordby", names); // Hallingdal is not in the partnership

        var andersId = choices.Single(o => o.TextContent.Trim() == "Anders Lunde").GetAttribute("value")!;
        var created = await marte.SubmitAsync(add, "main form", Biochar(new() { ["Input.ResponsibleUserId"] = andersId }));
        await ExpectRedirectAsync(created);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        using var anders = await Portal.SignedInAsync(Demo.GjovikSecretary);
        await ExpectRedirectAsync(await MeasureAsync(anders, $"/rad/gjovik/indikatorer/{id}", "2026-02-20", "150"));
        // Her reminder leads to the indicator in her own council, where she may report it (not to Hadeland's pages).
        Portal.Clock.Set(new DateTimeOffset(2026, 5, 13, 4, 0, 0, TimeSpan.Zero)); // 7 days before 20.05.2026, a quarter after her measurement
        await Portal.WithScopeAsync(sp => sp.GetRequiredService<SendIndicatorReminders>().RunAsync());
        var reminder = Assert.Single(await anders.NoticesAsync(), n => n.TextContent.Contains("Påminnelse", StringComparison.Ordinal));
        Assert.Equal($"/rad/gjovik/indikatorer/{id}", await anders.NoticeTargetAsync(reminder));

        var kariId = await Portal.WithScopeAsync(async sp =>
        {
            var directory = sp.GetRequiredService<IPlatformDirectory>();
            var hallingdal = (await directory.ListCouncilsAsync()).Single(c => c.Slug == "hallingdal");
            return (await directory.ListPeopleAsync([hallingdal.Id])).Single(p => p.Email == Demo.HallingdalSecretary).UserId;
        });
        var refused = await PortalClient.ReadAsync(await marte.SubmitAsync(add, "main form", Biochar(new() { ["Input.ResponsibleUserId"] = kariId.ToString() })));
        Assert.Equal("Velg en person fra listen.", refused.FieldError("Input.ResponsibleUserId"));
    }

    [Fact]
    public async Task Reader_GivesSummariesSnapshotsAndMyUpdates()
    {
        var (councilId, kariId) = await SeedHallingdalAsync();

        var (visible, snapshot, mine) = await Portal.WithScopeAsync(async sp =>
        {
            using var _ = sp.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(councilId));
            var reader = sp.GetRequiredService<IIndicatorReader>();
            return (await reader.ListVisibleAsync(), await reader.SnapshotAsync(PlanKind.Council, councilId, new DateOnly(2025, 9, 30)),
                await reader.ListAwaitingUpdateAsync(kariId, new DateOnly(2026, 3, 25)));
        });

        Assert.Equal(
            [("Andel flis fra lokale skogeiere", IndicatorState.OnTrack), ("Fossilt brensel i kommunale bygg", IndicatorState.AtRisk), ("Tonn biokull produsert", IndicatorState.OffTrack)],
            visible.Select(s => (s.Name, s.State)).OrderBy(s => s.Name).ToArray());
        var chips = snapshot.Single(s => s.Name == "Andel flis fra lokale skogeiere");
        Assert.Equal((41.5m, new DateOnly(2025, 9, 30), IndicatorState.OnTrack, "Høyere er bedre"), (chips.LatestValue, chips.LatestDate, chips.State, chips.Direction));
        Assert.Equal(35m + (25m * 272 / 1094), chips.ExpectedValue);
        Assert.Equal(IndicatorState.NoData, snapshot.Single(s => s.Name == "Fossilt brensel i kommunale bygg").State);
        Assert.Equal(["Andel flis fra lokale skogeiere"], mine.Select(s => s.Name).ToArray());
        Assert.Equal(new DateOnly(2026, 3, 31), mine[0].NextReportingDate);
    }

    [Fact]
    public async Task OverdueMeasurements_AreTheResponsiblePersonsTasks_AndTheListsSayTheDateHasPassed()
    {
        await SeedHallingdalAsync(); // next measurements 31.03.2026, 30.06.2026 and 31.12.2026, all Kari's
        Portal.Clock.Set(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero));
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);

        var home = await kari.GetPageAsync("/rad/hallingdal");
        var tasks = home.QuerySelectorAll("section[aria-labelledby=todo-heading] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("Registrer ny måling av «Andel flis fra lokale skogeiere» innen 31.03.2026 (passert).", tasks);
        Assert.Contains("Registrer ny måling av «Tonn biokull produsert» innen 30.06.2026 (passert).", tasks);
        Assert.DoesNotContain(tasks, t => t.Contains("Fossilt brensel", StringComparison.Ordinal)); // due in half a year
        var chips = home.QuerySelectorAll("section[aria-labelledby=indicators-heading] tbody tr").Single(r => r.TextContent.Contains("Andel flis", StringComparison.Ordinal));
        Assert.Contains("31.03.2026 (passert), Kari Nordby", chips.TextContent);
        var list = await kari.GetPageAsync(List);
        Assert.Contains("31.12.2026, Kari Nordby", list.QuerySelector("[data-testid=indicator-list]")!.TextContent);
        Assert.Contains("30.06.2026 (passert), Kari Nordby", list.QuerySelector("[data-testid=indicator-list]")!.TextContent);

        var olaTasks = (await ola.GetPageAsync("/rad/hallingdal")).QuerySelector("section[aria-labelledby=todo-heading]")!.TextContent;
        Assert.DoesNotContain("Registrer ny måling", olaTasks); // not his to report
    }

    [Fact]
    public async Task Reminder_GoesToTheResponsiblePerson7DaysBefore_OncePerReportingDate()
    {
        await SeedHallingdalAsync();
        Task<int> RunAsync() => Portal.WithScopeAsync(sp => sp.GetRequiredService<SendIndicatorReminders>().RunAsync());

        Portal.Clock.Set(new DateTimeOffset(2026, 3, 23, 4, 0, 0, TimeSpan.Zero)); // 8 days before 31.03.2026
        Assert.Equal(0, await RunAsync());
        Portal.Clock.Set(new DateTimeOffset(2026, 3, 24, 4, 0, 0, TimeSpan.Zero)); // 7 days before
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync()); // retried or run twice: nothing more
        Portal.Clock.Set(new DateTimeOffset(2026, 3, 31, 4, 0, 0, TimeSpan.Zero)); // the same reporting date
        Assert.Equal(0, await RunAsync());
        Portal.Clock.Set(new DateTimeOffset(2026, 6, 24, 4, 0, 0, TimeSpan.Zero)); // the biochar report, 30.06.2026
        Assert.Equal(1, await RunAsync());

        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var notices = (await kari.GetPageAsync("/varsler")).QuerySelectorAll("[data-testid=notifications] li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, notices.Count);
        Assert.Contains(notices, n => n.Contains("Påminnelse: registrer en ny måling av «Andel flis fra lokale skogeiere» (Rådets handlingsplan) innen 31.03.2026, om 7 dager."));
        Assert.Contains(notices, n => n.Contains("«Tonn biokull produsert»") && n.Contains("innen 30.06.2026, om 6 dager."));

        // The council's own plan is named in the reader's language, not by its stored bokmål title («Handlingsplan for …»).
        await kari.ChooseEnglishAsync();
        var english = (await kari.GetPageAsync("/varsler")).QuerySelector("[data-testid=notifications]")!.TextContent;
        Assert.Contains("Reminder: register a new measurement of “Andel flis fra lokale skogeiere” (The council's action plan) by 31.03.2026, in 7 days.", english);
        Assert.DoesNotContain("Handlingsplan", english, StringComparison.Ordinal);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        Assert.Empty((await ola.GetPageAsync("/varsler")).QuerySelectorAll("[data-testid=notifications] li"));
    }

    [Fact]
    public async Task DemoIndicators_AreSeededOnce()
    {
        var (councilId, _) = await SeedHallingdalAsync();

        var again = await Portal.WithScopeAsync(sp => sp.GetRequiredService<IndicatorsDemoSeeder>()
            .SeedCouncilIndicatorsAsync(councilId, "Regionrådet for Hallingdal", null, null));

        Assert.False(again);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        Assert.Equal(3, (await ola.GetPageAsync(List)).QuerySelectorAll("[data-testid=indicator-list] tbody tr").Length);
    }

    /// <summary>The demo indicators of Hallingdal, with Kari (the secretary) responsible.</summary>
    private Task<(Guid CouncilId, Guid KariId)> SeedHallingdalAsync() => Portal.WithScopeAsync(async sp =>
    {
        var directory = sp.GetRequiredService<IPlatformDirectory>();
        var hallingdal = (await directory.ListCouncilsAsync()).Single(c => c.Slug == "hallingdal");
        var kari = (await directory.ListPeopleAsync([hallingdal.Id])).Single(p => p.Email == Demo.HallingdalSecretary);
        Assert.True(await sp.GetRequiredService<IndicatorsDemoSeeder>().SeedCouncilIndicatorsAsync(hallingdal.Id, hallingdal.Name, kari.UserId, kari.FullName));
        return (hallingdal.Id, kari.UserId);
    });

    /// <summary>An indicator of a roadmap goal, owned by Hadeland and shared with the BioSirk partnership (as Strategy will make them).</summary>
    private Task<Guid> GoalIndicatorOfHadelandAsync() => Portal.WithScopeAsync(async sp =>
    {
        var directory = sp.GetRequiredService<IPlatformDirectory>();
        var hadeland = (await directory.ListCouncilsAsync()).Single(c => c.Slug == "hadeland");
        var biosirk = (await directory.ListPartnershipsOfCouncilAsync(hadeland.Id)).Single();
        return await sp.GetRequiredService<IndicatorsDemoSeeder>().SeedGoalIndicatorAsync(hadeland.Id, biosirk.Id, Guid.NewGuid(), "Mer ombruk av tekstiler",
            new IndicatorDefinition("Tonn tekstil til ombruk", "tonn", Direction.HigherIsBetter, 10m, new DateOnly(2026, 1, 1), 50m, new DateOnly(2027, 12, 31),
                ReportingFrequency.HalfYearly, null, null),
            [(new DateOnly(2026, 2, 1), 12m, "Innsamlingen")]);
    });
}
