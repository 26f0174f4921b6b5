using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Strategy.RoadmapSteps;

namespace BioSirk.Portal.Tests.Strategy;

public sealed class RoadmapReminderTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task AWeekBeforeAReportingDate_EachResponsiblePersonIsRemindedOnce_EvenWhenTheJobRunsAgain()
    {
        await SeedDemoRoadmapAsync(Portal); // next reporting date 01.12.2026
        Portal.Clock.Set(new DateTimeOffset(2026, 11, 20, 5, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await RunAsync()); // 11 days before: too early

        Portal.Clock.Set(new DateTimeOffset(2026, 11, 24, 5, 0, 0, TimeSpan.Zero));
        var first = await RunAsync();
        var again = await RunAsync();

        Assert.Equal(0, again);
        var notices = await Portal.WithScopeAsync(async sp => await (
                from n in sp.GetRequiredService<PlatformDbContext>().Notifications
                join u in sp.GetRequiredService<PlatformDbContext>().Users on n.UserId equals u.Id
                where n.Subject == "Rapporter fremdrift innen 01.12.2026"
                select u.Email)
            .ToListAsync());
        Assert.Equal(first, notices.Count);
        // Seeded with the test clock in March, every seeded report is older than the window (since 01.06.2026), so the six
        // actions under way by 01.12.2026 wait: Ringerike's three, two of Hadeland's, one of Gjøvik's. Per's trial starts
        // in March 2027, Gjøvik's hub in April 2027 and Hadeland's learning day in 2028: they have nothing to report yet.
        Assert.Equal(6, notices.Count);
        Assert.Equal(3, notices.Count(e => e == Demo.RingerikeSecretary));
        Assert.Equal(0, notices.Count(e => e == Demo.TwoCouncilMember));
    }

    [Fact]
    public async Task TheWeekAfterAReportingDate_WhoeverOwesTheReportIsToldOnceThatItIsMissing()
    {
        await SeedDemoRoadmapAsync(Portal); // first reporting date 01.12.2026; no action has reported since June
        Portal.Clock.Set(new DateTimeOffset(2026, 12, 2, 5, 0, 0, TimeSpan.Zero));

        var first = await RunAsync();
        var again = await RunAsync();

        Assert.Equal(0, again);
        var told = await RecipientsAsync("Fremdriftsrapporten for 01.12.2026 mangler");
        Assert.Equal(first, told.Count);
        Assert.Equal(1, told.Count(e => e == Demo.GjovikSecretary)); // her other action starts in April 2027: it owed nothing yet
        Assert.DoesNotContain(Demo.TwoCouncilMember, told); // Per's action starts in March 2027

        Portal.Clock.Set(new DateTimeOffset(2026, 12, 9, 5, 0, 0, TimeSpan.Zero)); // more than a week after
        Assert.Equal(0, await RunAsync());
    }

    [Fact]
    public async Task TheReminderLink_OpensTheActionInACouncilTheResponsiblePersonBelongsTo()
    {
        await SeedDemoRoadmapAsync(Portal);
        var marteId = await Portal.WithScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().Users.Where(u => u.Email == Demo.HadelandSecretary).Select(u => u.Id).SingleAsync());
        await Portal.WithScopeAsync(async sp =>
        {
            // Ringerike's textile action, with Hadeland's secretary responsible (Hadeland collaborates on it).
            var db = sp.GetRequiredService<BioSirk.Portal.Strategy.Data.StrategyDbContext>();
            var action = await db.Actions.IgnoreQueryFilters().SingleAsync(a => a.Title.StartsWith("Re:Tekstil"));
            action.ResponsibleUserId = marteId;
            action.ResponsibleName = "Marte Grinaker";
            return await db.SaveChangesAsync();
        });
        Portal.Clock.Set(new DateTimeOffset(2026, 11, 24, 5, 0, 0, TimeSpan.Zero));
        await RunAsync();

        var url = await Portal.WithScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().Notifications
            .Where(n => n.UserId == marteId && n.Text.Contains("Re:Tekstil")).Select(n => n.Url).SingleAsync());
        Assert.StartsWith("/rad/hadeland/veikart/", url);
        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        Assert.StartsWith("Re:Tekstil", (await marte.GetPageAsync(url!)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task MyUpdates_ListsWhatWaitsForMe_AndAReportRemovesIt()
    {
        await SeedDemoRoadmapAsync(Portal);
        Portal.Clock.Set(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        using (var early = await Portal.SignedInAsync(Demo.TwoCouncilMember))
        {
            // His trial starts 01.03.2027: nothing to report for 01.12.2026 or 01.03.2027.
            Assert.Empty((await early.GetPageAsync("/rad/gjovik/mine-oppdateringer")).QuerySelectorAll("section[aria-labelledby=my-actions] li"));
        }

        Portal.Clock.Set(new DateTimeOffset(2027, 5, 25, 9, 0, 0, TimeSpan.Zero));
        using var per = await Portal.SignedInAsync(Demo.TwoCouncilMember);
        var page = await per.GetPageAsync("/rad/gjovik/mine-oppdateringer");
        var items = page.QuerySelectorAll("section[aria-labelledby=my-actions] li").ToList();
        var item = Assert.Single(items);
        Assert.Contains("Forsøk med biokull i landbruket", item.TextContent);
        Assert.Contains("rapporter innen 01.06.2027", item.TextContent);

        var actionPath = item.QuerySelector("a")!.GetAttribute("href")!;
        await Agreements.AgreementSteps.ExpectRedirectAsync(await per.SubmitAsync(actionPath, "form[action*=Progress]", new()
        {
            ["Progress.Status"] = "NotStarted", ["Progress.Judgement"] = "OnTrack",
        }));
        var action = await per.GetPageAsync(actionPath);
        var reported = action.QuerySelectorAll("dt").First(dt => dt.TextContent == "Siste fremdriftsrapport").NextElementSibling!.TextContent.Trim();
        Assert.Matches(@"^\d\d\.\d\d\.\d{4} kl\. \d\d:\d\d – \S", reported);
        Assert.Empty((await per.GetPageAsync("/rad/gjovik/mine-oppdateringer")).QuerySelectorAll("section[aria-labelledby=my-actions] li"));
    }

    [Fact]
    public async Task CouncilStartPage_ShowsItsActions_WhoMustReport_AndTheDecisionItOwes()
    {
        await SeedDemoRoadmapAsync(Portal);
        Portal.Clock.Set(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        using var anders = await Portal.SignedInAsync(Demo.GjovikSecretary);

        var page = await anders.GetPageAsync("/rad/gjovik");
        var tasks = page.QuerySelectorAll("section[aria-labelledby=todo-heading] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("Registrer rådets vedtak om versjon 1 av «Felles veikart for fornybar energi og sirkulære ressurser 2026–2028».", tasks);
        Assert.Contains("Rapporter fremdrift på «Kartlegging av sidestrømmer i Gjøvikregionen» innen 01.12.2026.", tasks);
        var rows = page.QuerySelectorAll("section[aria-labelledby=roadmap-heading] tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        var mapping = rows.Single(r => r.TextContent.Contains("Kartlegging av sidestrømmer i Gjøvikregionen"));
        Assert.Contains(", innen 01.12.2026", mapping.TextContent);
        var trial = rows.Single(r => r.TextContent.Contains("Forsøk med biokull i landbruket")); // starts in March 2027
        Assert.DoesNotContain("innen", trial.TextContent);

        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        Assert.Null((await kari.GetPageAsync("/rad/hallingdal")).QuerySelector("section[aria-labelledby=roadmap-heading]"));
    }

    [Fact]
    public async Task AReportingDatePassedWithoutAReport_StaysOnTheTaskAsMissing_UntilTheActionReports()
    {
        await SeedDemoRoadmapAsync(Portal);
        Portal.Clock.Set(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero)); // the day after the first reporting date
        using var anders = await Portal.SignedInAsync(Demo.GjovikSecretary);
        using var per = await Portal.SignedInAsync(Demo.TwoCouncilMember);
        const string missing = "Rapporter fremdrift på «Kartlegging av sidestrømmer i Gjøvikregionen» innen 01.03.2027 (rapporten for 01.12.2026 mangler).";

        Assert.Contains(missing, await TasksAsync(anders));
        var mine = (await anders.GetPageAsync("/rad/gjovik/mine-oppdateringer")).QuerySelectorAll("section[aria-labelledby=my-actions] li").ToList();
        var item = mine.Single(li => li.TextContent.Contains("Kartlegging av sidestrømmer i Gjøvikregionen"));
        Assert.Contains("rapporter innen 01.03.2027 (rapporten for 01.12.2026 mangler)", item.TextContent);

        // An action that starts on 01.03.2027 owed nothing on 01.12.2026 and owes nothing on 01.03.2027.
        Assert.Empty((await per.GetPageAsync("/rad/gjovik/mine-oppdateringer")).QuerySelectorAll("section[aria-labelledby=my-actions] li"));

        await Agreements.AgreementSteps.ExpectRedirectAsync(await anders.SubmitAsync(item.QuerySelector("a")!.GetAttribute("href")!, "form[action*=Progress]", new()
        {
            ["Progress.Status"] = "InProgress", ["Progress.Judgement"] = "OnTrack",
        }));
        Assert.DoesNotContain(missing, await TasksAsync(anders));
        Assert.DoesNotContain(await TasksAsync(anders), t => t.Contains("Kartlegging av sidestrømmer", StringComparison.Ordinal));
    }

    private static async Task<List<string>> TasksAsync(PortalClient client) =>
        (await client.GetPageAsync("/rad/gjovik")).QuerySelectorAll("section[aria-labelledby=todo-heading] li").Select(li => li.TextContent.Trim()).ToList();

    private Task<List<string>> RecipientsAsync(string subject) => Portal.WithScopeAsync(async sp => await (
            from n in sp.GetRequiredService<PlatformDbContext>().Notifications
            join u in sp.GetRequiredService<PlatformDbContext>().Users on n.UserId equals u.Id
            where n.Subject == subject
            select u.Email!)
        .ToListAsync());

    private Task<int> RunAsync() => Portal.WithScopeAsync(sp => sp.GetRequiredService<SendRoadmapReminders>().RunAsync());
}
