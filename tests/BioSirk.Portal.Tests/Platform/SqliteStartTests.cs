using System.Net;
using System.Text.RegularExpressions;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Platform.Seeding;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Platform;

/// <summary>The embedded default: SQLite migrations apply to an empty file, the demo data is seeded, people sign in.</summary>
public sealed class SqliteStartTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("biosirk-sqlite-").FullName;

    [Fact]
    public async Task FreshSqliteDatabase_IsMigratedSeededAndServesThePortal_AndARestartKeepsTheData()
    {
        await using (var first = Start())
        {
            using var client = new PortalClient(first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            await client.SignInAsync(Demo.HallingdalAdmin, DemoDataSeeder.Password);
            var sent = await client.PageAfterAsync(await client.SubmitAsync("/rad/hallingdal/admin/medlemmer", "form[action*=Invite]",
                new() { ["Input.FullName"] = "Liv Øyen", ["Input.Email"] = "liv@hallingdal.no", ["Input.Roles"] = "Member" }));
            Assert.NotNull(sent.QuerySelector("[data-testid=invitation-link]"));
            using var kari = new PortalClient(first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
            await kari.SignInAsync(Demo.HallingdalSecretary, DemoDataSeeder.Password);
            using var sigrid = new PortalClient(first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
            await sigrid.SignInAsync(Demo.BuskerudOfficer, DemoDataSeeder.Password);
            // This portal runs on the real clock: the period is put around today, as hours are registered for days already worked.
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var workday = today.AddDays(-1);
            string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var id = await Agreements.AgreementSteps.DraftFromTemplateAsync(kari, new()
            {
                ["Input.PeriodStart"] = Day(workday.AddDays(-30)), ["Input.PeriodEnd"] = Day(workday.AddDays(300)),
                ["Input.ActivitiesDeadline"] = Day(workday.AddDays(270)), ["Input.ReportDeadline"] = Day(workday.AddDays(300)),
            });
            await Agreements.AgreementSteps.ExpectRedirectAsync(await Agreements.AgreementSteps.SignAsync(kari, Agreements.AgreementSteps.CouncilUrl(id)));
            await Agreements.AgreementSteps.ExpectRedirectAsync(await Agreements.AgreementSteps.SignAsync(sigrid, Agreements.AgreementSteps.CountyUrl(id)));
            await Agreements.AgreementSteps.ExpectRedirectAsync(await Agreements.HallingdalLifecycleTests.RegisterHoursAsync(kari, id,
                Day(workday), "Kari", "Arbeid", "7,5"));
            // A payment request with an attachment: its table's key is numbered by SQLite itself.
            await Agreements.AgreementSteps.ExpectRedirectAsync(await Agreements.AgreementSteps.SendRequestAsync(kari, id, "Oppstart gjennomført",
                ("timeliste.pdf", "%PDF-1.4 timer"u8.ToArray())));
            var attachment = (await sigrid.GetPageAsync(Agreements.AgreementSteps.CountyUrl(id))).QuerySelector("[data-testid=requests] a[href*=Attachment]")!;
            Assert.Equal("%PDF-1.4 timer", await (await sigrid.GetAsync(attachment.GetAttribute("href")!)).Content.ReadAsStringAsync());
            var list = await kari.GetPageAsync("/rad/hallingdal/avtaler");
            Assert.Contains("4,5 %", list.QuerySelector("[data-testid=agreement-list]")!.TextContent);
            // The county's paged, filtered list and its tasks query run on SQLite too (no APPLY, decimal sums).
            var countyList = await sigrid.GetPageAsync("/fylke/buskerud?status=Signed&sok=MISSIONS");
            Assert.Contains("4,5 %", countyList.QuerySelector("[data-testid=agreement-list]")!.TextContent);
            var demoSeeded = today >= new DateOnly(today.Year, 1, 16); // the demo's own signed agreement of this year
            Assert.Equal(demoSeeded ? "Viser 1–2 av 2 avtaler." : "Viser 1 avtale.", countyList.QuerySelector("[data-testid=agreement-count]")!.TextContent.Trim());
            if (demoSeeded)
            {
                var demo = countyList.QuerySelectorAll("[data-testid=agreement-list] a").Select(a => a.GetAttribute("href")!).Single(href => !href.Contains(id.ToString(), StringComparison.Ordinal));
                var history = (await sigrid.GetPageAsync(demo)).QuerySelector("[data-testid=history]")!.TextContent;
                Assert.Contains("Signert for Regionrådet for Hallingdal.", history); // the demo signs as people do, so its history says so
                Assert.Contains("Avtalen er i kraft (versjon 1).", history);
                await DemoFinalReport_FillsInTheAgreementsIndicators(kari, demo.Replace("/fylke/buskerud/", "/rad/hallingdal/", StringComparison.Ordinal));
            }

            // The final report's queries on SQLite: write and deliver, and the county's queue lists it.
            await Reporting.FinalReportSteps.ExpectRedirectAsync(await Reporting.FinalReportSteps.SubmitReportAsync(kari, id));
            var queue = await sigrid.GetPageAsync("/fylke/buskerud/sluttrapporter");
            Assert.Contains("Regionrådet for Hallingdal", queue.QuerySelector("[data-testid=report-queue]")!.TextContent);
        }

        await using var second = Start();
        using var ola = new PortalClient(second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await ola.SignInAsync(Demo.HallingdalMember, DemoDataSeeder.Password);
        await DemoMeeting_IsOnOlasListWithItsAgenda_AndHisComment(ola);
        using var per = new PortalClient(second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await per.SignInAsync(Demo.TwoCouncilMember, DemoDataSeeder.Password);
        await DemoPartnershipMeeting_IsOnPersStartPage_WithHisComment(per);
        using var again = new PortalClient(second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await again.SignInAsync(Demo.HallingdalAdmin, DemoDataSeeder.Password);
        var members = await again.GetPageAsync("/rad/hallingdal/admin/medlemmer");
        Assert.Contains("liv@hallingdal.no", members.Body!.TextContent);
    }

    /// <summary>The demo's council meeting: a week or two ahead, its agenda published and numbered, the first item linked to the agreement.</summary>
    private static async Task DemoMeeting_IsOnOlasListWithItsAgenda_AndHisComment(PortalClient ola)
    {
        var list = await ola.GetPageAsync("/rad/hallingdal/moter");
        var row = Assert.Single(list.QuerySelectorAll("[data-testid=meetings-upcoming] [data-testid=meeting-row]"));
        Assert.Contains("Rådsmøte i Regionrådet for Hallingdal", row.TextContent);
        Assert.Contains("Publisert · 3 saker", row.TextContent);

        Assert.Contains("Du er innkalt til «Rådsmøte i Regionrådet for Hallingdal»", (await ola.GetPageAsync("/varsler")).QuerySelector("[data-testid=notifications]")!.TextContent);

        var meeting = await ola.GetPageAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal(["1", "2", "3"], meeting.QuerySelectorAll("[data-testid=case-number]")
            .Select(c => Regex.Match(c.TextContent.Trim(), @"^SAK (\d+)/\d\d$").Groups[1].Value));
        Assert.Equal(["Status for missionssatsingen med Buskerud fylkeskommune", "Sluttrapport og forslag til videre oppfølging", "Eventuelt"],
            meeting.QuerySelectorAll("[data-testid=item-title]").Select(t => t.TextContent.Trim()));
        var comment = Assert.Single(meeting.QuerySelectorAll("[data-testid=comment]"));
        Assert.Equal("Ola Bakken", comment.QuerySelector("[data-testid=comment-author]")!.TextContent.Trim());

        var item = await ola.GetPageAsync(meeting.QuerySelector("[data-testid=item-title]")!.GetAttribute("href")!);
        Assert.Contains(item.QuerySelectorAll("a"), a => a.TextContent.Contains(MissionsTemplate.Title, StringComparison.Ordinal)
            && a.GetAttribute("href")!.StartsWith("/rad/hallingdal/avtaler/", StringComparison.Ordinal));
    }

    /// <summary>
    /// The demo agreement has indicators, each measured, so its final report has figures to fill in by itself; the
    /// arena's is on track whatever day the demo was seeded (the side streams' depends on the day: behind late in the year).
    /// </summary>
    private static async Task DemoFinalReport_FillsInTheAgreementsIndicators(PortalClient kari, string agreement)
    {
        var indicators = (await kari.GetPageAsync(agreement + "/sluttrapport")).QuerySelector("[data-testid=report-indicators-now]")!;
        Assert.Equal(2, indicators.QuerySelectorAll("li").Length);
        Assert.Contains("Bedrifter med i samarbeidsarenaen: 12 bedrifter", indicators.TextContent);
        Assert.Contains("Sidestrømmer kartlagt for ny bruk: 6 sidestrømmer", indicators.TextContent);

        var rows = (await kari.GetPageAsync(agreement)).QuerySelectorAll("[data-testid=agreement-indicators] tbody tr");
        var arena = rows.Single(r => r.TextContent.Contains("Bedrifter med i samarbeidsarenaen", StringComparison.Ordinal));
        Assert.Equal("I rute", arena.QuerySelector("[data-testid=indicator-status]")!.TextContent);
    }

    /// <summary>The BioSirk steering group's meeting, organised by Ringeriksregionen, on the start page of a member of Hadeland.</summary>
    private static async Task DemoPartnershipMeeting_IsOnPersStartPage_WithHisComment(PortalClient per)
    {
        var start = await per.GetPageAsync("/rad/hadeland");
        var upcoming = Assert.Single(start.QuerySelectorAll("[data-testid=upcoming-meeting]"));
        Assert.Equal("Styringsgruppemøte i BioSirk", upcoming.QuerySelector("a")!.TextContent.Trim());
        Assert.Contains("Sakslisten er publisert", upcoming.TextContent);

        var meeting = await per.GetPageAsync(upcoming.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal(3, meeting.QuerySelectorAll("[data-testid=agenda-item]").Length);
        Assert.Equal("Per Solberg", Assert.Single(meeting.QuerySelectorAll("[data-testid=comment-author]")).TextContent.Trim());
    }

    [Fact]
    public async Task Restart_ReadsTheMigrationHistoryWithoutEf_AndKeepsWhatUsersDeletedFromTheDemoData_UntilTheDemoVersionIsRaised()
    {
        await using (var first = Start())
        {
            Assert.Equal(HttpStatusCode.OK, (await first.CreateClient().GetAsync("/health/ready")).StatusCode);
            using var scope = first.Services.CreateScope();
            var migrators = scope.ServiceProvider.GetServices<IModuleMigrator>().ToList();
            Assert.Equal(["agreements", "indicators", "meetings", "platform", "reporting", "strategy"], migrators.Select(m => m.Module).Order());
            foreach (var migrator in migrators)
            {
                Assert.Empty(await migrator.PendingMigrationsAsync(CancellationToken.None));
            }

            // A history row missing: that migration is pending (the row is put back: the schema has it).
            var agreements = migrators.Single(m => m.Module == "agreements");
            var last = await ScalarAsync<string>("SELECT \"MigrationId\" FROM \"__ef_migrations_agreements\" ORDER BY \"MigrationId\" DESC LIMIT 1");
            await ExecuteAsync($"DELETE FROM \"__ef_migrations_agreements\" WHERE \"MigrationId\" = '{last}'");
            Assert.Equal([last], await agreements.PendingMigrationsAsync(CancellationToken.None));
            await ExecuteAsync($"INSERT INTO \"__ef_migrations_agreements\" VALUES ('{last}', '10.0.0')");
            Assert.Empty(await agreements.PendingMigrationsAsync(CancellationToken.None));
            Assert.Equal(DemoDataStamp.CurrentVersion, await ScalarAsync<long>("SELECT \"Version\" FROM \"demo_data\""));
        }

        // Someone removes Hallingdal's demo indicators; a restart must not bring them back.
        var removed = await ExecuteAsync("DELETE FROM \"indicators\" WHERE \"PlanKind\" = 3");
        Assert.True(removed > 0);
        await using (var second = Start())
        {
            Assert.Equal(HttpStatusCode.OK, (await second.CreateClient().GetAsync("/health/ready")).StatusCode);
        }

        Assert.Equal(0, await ScalarAsync<long>("SELECT count(*) FROM \"indicators\" WHERE \"PlanKind\" = 3"));

        // A database stamped with an older demo version gets what the modules' seeders add since; the demo agreement's
        // arena indicator as version 3 seeded it (aimed at the agreement's end, «Ikke i rute» by the autumn) is aimed
        // a year later (as seeded now), so that it is on track.
        const string arena = "FROM \"indicators\" WHERE \"Name\" = 'Bedrifter med i samarbeidsarenaen'";
        var periodEnd = await ScalarAsync<string?>("SELECT \"PeriodEnd\" FROM \"agreements\" LIMIT 1"); // the demo agreement, when the date let it be seeded
        if (periodEnd is not null)
        {
            await ExecuteAsync($"UPDATE \"indicators\" SET \"TargetDate\" = '{periodEnd}' WHERE \"Name\" = 'Bedrifter med i samarbeidsarenaen'"); // as version 3 seeded it
            Assert.Equal(periodEnd, await ScalarAsync<string>($"SELECT \"TargetDate\" {arena}"));
        }

        await ExecuteAsync("UPDATE \"demo_data\" SET \"Version\" = 0");
        await using (var third = Start())
        {
            Assert.Equal(HttpStatusCode.OK, (await third.CreateClient().GetAsync("/health/ready")).StatusCode);
        }

        Assert.True(await ScalarAsync<long>("SELECT count(*) FROM \"indicators\" WHERE \"PlanKind\" = 3") > 0);
        if (periodEnd is not null)
        {
            var aimed = DateOnly.ParseExact(periodEnd, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddYears(1);
            Assert.Equal(aimed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), await ScalarAsync<string>($"SELECT \"TargetDate\" {arena}"));
        }

        Assert.Equal(DemoDataStamp.CurrentVersion, await ScalarAsync<long>("SELECT \"Version\" FROM \"demo_data\""));
    }

    [Fact]
    public async Task Readiness_FailsWhenTheDatabaseCannotBeOpened()
    {
        await using var portal = Start();
        using var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);

        var response = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Directory.CreateDirectory(folder);
    }

    private string DatabaseFile => Path.Combine(folder, "biosirk.db");

    private async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabaseFile};Pooling=false;Foreign Keys=True");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabaseFile};Pooling=false;Foreign Keys=True");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private WebApplicationFactory<Program> Start() =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={DatabaseFile}");
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Jobs:Server", "false");
            builder.UseSetting("Security:HttpsOnlyCookies", "false");
            builder.UseSetting("Email:PickupFolder", Path.Combine(folder, "mail"));
        });
}
