using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Indicators.Domain;
using BioSirk.Portal.Indicators.Features;
using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Seeding;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Pages.Shared.Agreements;
using Microsoft.Extensions.Options;

namespace BioSirk.Portal.Web.Hosting;

public static class DatabaseSetup
{
    public static WebApplicationBuilder AddPortalDatabase(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString("Portal");
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            database.ConnectionString = connectionString;
        }

        database.ConnectionString = database.Provider == DatabaseProvider.Sqlite
            ? AnchorSqliteFile(database.ConnectionString, builder.Environment.ContentRootPath)
            : PrepareRepeatedStatements(database.ConnectionString);

        builder.Services.AddSingleton(Options.Create(database));
        builder.Services.AddSingleton(database);
        return builder;
    }

    /// <summary>
    /// Applies every module's pending migrations, then seeds the demo councils when asked to (the embedded default) and
    /// the database lacks the current demo data. Each module's EF Core model is built just after the start.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        foreach (var migrator in scope.ServiceProvider.GetServices<IModuleMigrator>())
        {
            await migrator.MigrateAsync(CancellationToken.None);
        }

        if (app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            await SeedDemoDataAsync(app, scope.ServiceProvider);
        }

        BuildModelsOnceStarted(app);
    }

    private static async Task SeedDemoDataAsync(WebApplication app, IServiceProvider services)
    {
        if (await DemoDataStamp.IsCurrentAsync(services.GetRequiredService<DatabaseOptions>()))
        {
            PrintDemoLogins(app, seededNow: false);
            return;
        }

        var platform = services.GetRequiredService<DemoDataSeeder>();
        var seeded = await platform.SeedAsync();
        await SeedModuleDemoDataAsync(services);
        await platform.StampAsync();
        PrintDemoLogins(app, seeded);
    }

    /// <summary>
    /// The start reads only what it must over plain connections (see <see cref="PlainConnection"/>); the modules'
    /// models are built here, on the thread pool once the portal answers, so that the first people in do not wait for them,
    /// and then the memory the start no longer needs is returned.
    /// </summary>
    private static void BuildModelsOnceStarted(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(() =>
        {
            try
            {
                using var scope = app.Services.CreateScope();
                foreach (var migrator in scope.ServiceProvider.GetServices<IModuleMigrator>())
                {
                    app.Lifetime.ApplicationStopping.ThrowIfCancellationRequested();
                    migrator.BuildModel();
                }

                // The start (migrations, demo data, models) leaves garbage that nothing collects while the portal is idle:
                // one compacting collection gives it back to the OS (about 18 MiB of working set, BENCHMARKS.md).
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException && app.Lifetime.ApplicationStopping.IsCancellationRequested)
            {
                // Stopped before the models were built: the next request that needs one builds it.
            }
            catch (Exception ex)
            {
                app.Logger.LogError(ex, "The modules' data models could not be built after the start.");
            }
        }));

    /// <summary>The modules' demo data for the demo councils; each seeder leaves what is already there.</summary>
    private static async Task SeedModuleDemoDataAsync(IServiceProvider services)
    {
        var directory = services.GetRequiredService<IPlatformDirectory>();
        var hallingdal = (await directory.ListCouncilsAsync()).FirstOrDefault(c => c.Slug == "hallingdal");
        if (hallingdal is null)
        {
            return;
        }

        var secretary = (await directory.ListPeopleAsync([hallingdal.Id])).FirstOrDefault(p => p.Email == "sekretar.hallingdal@demo.biosirk.no");
        var indicators = services.GetRequiredService<IndicatorsDemoSeeder>();
        await indicators.SeedCouncilIndicatorsAsync(hallingdal.Id, hallingdal.Name, secretary?.UserId, secretary?.FullName);
        var agreementId = await SeedDemoAgreementAsync(services, directory, hallingdal, secretary);
        if (agreementId is { } seeded && secretary is not null)
        {
            await SeedDemoAgreementIndicatorsAsync(services, hallingdal, seeded, secretary);
        }

        using (services.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(hallingdal.Id)))
        {
            var agreement = agreementId is { } id ? new DemoAgreementLink(id, MissionsTemplate.Title) : null;
            await services.GetRequiredService<MeetingsDemoSeeder>().SeedAsync(hallingdal, agreement);
        }

        // The BioSirk roadmap, and an indicator on two of its goals (only when the roadmap is seeded now).
        var goals = await services.GetRequiredService<StrategyDemoSeeder>().SeedAsync();
        if ((await directory.ListCouncilsAsync()).FirstOrDefault(c => c.Slug == "ringerike") is { } ringerike)
        {
            using (services.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(ringerike.Id)))
            {
                await services.GetRequiredService<MeetingsDemoSeeder>().SeedPartnershipMeetingAsync(ringerike);
            }
        }

        var people = await directory.ListPeopleAsync(goals.Select(g => g.OwnerCouncilId));
        PersonInfo? Secretary(Guid councilId) => people.FirstOrDefault(p => p.CouncilId == councilId && (p.Roles & CouncilRoles.Secretary) != 0);
        foreach (var (goal, index) in goals.Select((g, i) => (g, i)))
        {
            var owner = Secretary(goal.OwnerCouncilId);
            var definition = index == 0
                ? new IndicatorDefinition("Lokal bioenergi levert i regionene", "GWh", Direction.HigherIsBetter, 40m, new DateOnly(2026, 1, 1), 55m,
                    new DateOnly(2028, 12, 31), ReportingFrequency.HalfYearly, owner?.UserId, owner?.FullName)
                : new IndicatorDefinition("Bedrifter med kartlagte sidestrømmer", "bedrifter", Direction.HigherIsBetter, 0m, new DateOnly(2026, 6, 1), 60m,
                    new DateOnly(2027, 3, 31), ReportingFrequency.Quarterly, owner?.UserId, owner?.FullName);
            var measured = index == 0
                ? new List<(DateOnly, decimal, string?)> { (new DateOnly(2026, 6, 30), 42m, "Energistatistikk fra kommunene") }
                : [(new DateOnly(2026, 9, 30), 9m, "Kartleggingsskjema"), (new DateOnly(2026, 10, 31), 14m, "Kartleggingsskjema")];
            await indicators.SeedGoalIndicatorAsync(goal.OwnerCouncilId, goal.PartnershipId, goal.GoalId, goal.Title, definition, measured);
        }
    }

    /// <summary>The Hallingdal–Buskerud Missions agreement, signed, with hours and the first payment: ready for its final report. Returns its id.</summary>
    private static async Task<Guid?> SeedDemoAgreementAsync(IServiceProvider services, IPlatformDirectory directory, CouncilInfo hallingdal, PersonInfo? secretary)
    {
        var buskerud = (await directory.ListCountiesAsync()).FirstOrDefault(c => c.Slug == "buskerud");
        if (secretary is null || buskerud is null)
        {
            return null;
        }

        var officer = await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<BioSirk.Portal.Platform.Domain.PortalUser>>()
            .FindByEmailAsync(DemoDataSeeder.Logins[4].Email);
        if (officer is null)
        {
            return null;
        }

        using (services.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(hallingdal.Id)))
        {
            return await services.GetRequiredService<AgreementsDemoSeeder>().SeedAsync(new DemoAgreementParties(
                hallingdal.Id, hallingdal.AsTemplateParty(), buskerud.Id, buskerud.AsTemplateParty(),
                new Actor(secretary.UserId, secretary.FullName), new Actor(officer.Id, DemoDataSeeder.Logins[4].FullName)));
        }
    }

    /// <summary>The demo agreement's indicators, measured: its final report has figures to fill in by itself.</summary>
    private static async Task SeedDemoAgreementIndicatorsAsync(IServiceProvider services, CouncilInfo hallingdal, Guid agreementId, PersonInfo secretary)
    {
        using (services.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(hallingdal.Id)))
        {
            if (await services.GetRequiredService<AgreementStore>().FindAsync(agreementId) is { } agreement)
            {
                await services.GetRequiredService<IndicatorsDemoSeeder>().SeedAgreementIndicatorsAsync(new DemoIndicatorAgreement(
                    agreement.Id, agreement.Title, hallingdal.Id, agreement.FunderCountyId, agreement.PeriodStart, agreement.PeriodEnd), secretary.UserId, secretary.FullName);
            }
        }
    }

    private static void PrintDemoLogins(WebApplication app, bool seededNow)
    {
        var lines = new List<string>
        {
            "",
            seededNow ? "BioSirk-portalen: demodata er lagt inn." : "BioSirk-portalen: demodata fra forrige start er beholdt.",
            $"Demo-pålogginger (passord for alle: {DemoDataSeeder.Password}):",
        };
        lines.AddRange(DemoDataSeeder.Logins.Select(l => $"  {l.Role,-20} {l.Email,-40} {l.FullName} ({l.Where})"));
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
        _ = app;
    }

    /// <summary>
    /// Npgsql prepares a statement on the server once it has run a few times on a connection, so PostgreSQL parses and
    /// plans the portal's queries once per connection instead of on every request (BENCHMARKS.md, issue 4). A
    /// connection string that sets "Max Auto Prepare" itself (0 turns it off) keeps its own value.
    /// </summary>
    private static string PrepareRepeatedStatements(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = 100;
        }

        return builder.ConnectionString;
    }

    /// <summary>A relative SQLite path is taken from the content root (not the shell's folder), and its folder is created.</summary>
    private static string AnchorSqliteFile(string connectionString, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is ":memory:" or "")
        {
            return connectionString;
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }
}
