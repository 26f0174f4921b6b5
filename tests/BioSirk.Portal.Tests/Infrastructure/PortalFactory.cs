using BioSirk.Portal.Platform.Seeding;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;

namespace BioSirk.Portal.Tests.Infrastructure;

/// <summary>
/// The portal on the test PostgreSQL database, shared by a test collection. <see cref="ResetAsync"/> empties every
/// module's tables with Respawn and seeds the demo councils and people again, so each test starts from the same world.
/// A further web node of the same portal (<see cref="PortalFactory(PortalFactory)"/>) shares its database, files, keys
/// and clock, and leaves creating, resetting and seeding the database to the first node.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string folder;
    private readonly PortalFactory? firstNode;
    private Respawner? respawner;

    public PortalFactory()
        : this("biosirk_tests")
    {
    }

    protected PortalFactory(string database)
    {
        Database = database;
        folder = Directory.CreateTempSubdirectory("biosirk-tests-").FullName;
        Clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    }

    /// <summary>Another web node of <paramref name="firstNode"/>'s portal, as behind a load balancer; start the first node first.</summary>
    protected PortalFactory(PortalFactory firstNode)
    {
        this.firstNode = firstNode;
        Database = firstNode.Database;
        folder = firstNode.folder;
        Clock = firstNode.Clock;
    }

    public string Database { get; }

    public string ConnectionString => TestDatabase.ConnectionString(Database);

    public string MailFolder => Path.Combine(folder, "mail");

    /// <summary>Where the portal keeps uploaded and made files (vouchers, attachments, PDFs).</summary>
    public string FilesFolder => Path.Combine(folder, "files");

    /// <summary>How many files the portal keeps now (the folder is the run's: compare before and after).</summary>
    public int StoredFileCount() =>
        Directory.Exists(FilesFolder) ? Directory.EnumerateFiles(FilesFolder, "*", SearchOption.AllDirectories).Count() : 0;

    /// <summary>The portal's clock; tests move it (e.g. past an invitation's 7 days).</summary>
    public TestClock Clock { get; }

    public async Task InitializeAsync()
    {
        if (firstNode is not null)
        {
            StartServer(); // its migrations find the first node's database up to date
            return;
        }

        await TestDatabase.RecreateAsync(Database);
        StartServer(); // starts the host (in memory, or on Kestrel when a subclass asked for it): migrations run here
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToExclude = ["hangfire", "public"],
            TablesToIgnore = await TablesKeptAcrossTests(connection),
        });
        await SeedAsync();
    }

    public async Task ResetAsync()
    {
        if (firstNode is not null)
        {
            throw new InvalidOperationException("Reset the first node: it owns the database.");
        }

        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await respawner!.ResetAsync(connection);
        }

        Clock.Set(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await SeedAsync();
    }

    public PortalClient CreatePortalClient() => new(CreateHttpClient());

    public async Task<PortalClient> SignedInAsync(string email)
    {
        var client = CreatePortalClient();
        await client.SignInAsync(email, DemoDataSeeder.Password);
        return client;
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (firstNode is not null)
        {
            return; // the folder is the first node's
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a background thread; the temp folder is cleaned by the OS
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "PostgreSql");
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Jobs:Server", "false");
        builder.UseSetting("Security:HttpsOnlyCookies", "false");
        builder.UseSetting("Email:PickupFolder", MailFolder);
        builder.UseSetting("Security:StampValidationInterval", "00:00:00");
        builder.UseSetting("Files:Folder", FilesFolder);
        builder.UseSetting("Authentication:EntraApi:ClientId", ApiTokens.ClientId);
        builder.UseSetting("Api:RateLimit:PermitsPerMinute", ApiTokens.PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:SignInAttemptsPerMinute", "100000"); // the whole suite signs in from one address
        if (Environment.GetEnvironmentVariable("BIOSIRK_CHROMIUM") is { Length: > 0 } chromium)
        {
            builder.UseSetting("Pdf:ChromiumPath", chromium);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            ApiTokens.UseLocalIssuer(services);
            // Password hashing at full strength would dominate the suite; the algorithm is the same.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            // Tests move the clock weeks ahead (work done, deadlines passed); a session should outlive that as a person would sign in again.
            services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.ExpireTimeSpan = TimeSpan.FromDays(3_650));
        });
        ConfigureMore(builder);
    }

    protected virtual void ConfigureMore(IWebHostBuilder builder)
    {
    }

    /// <summary>A client of its own (own cookies) that follows no redirects: the test sees each 302 and where it leads.</summary>
    protected virtual HttpClient CreateHttpClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private Task SeedAsync() => WithScopeAsync(sp => sp.GetRequiredService<DemoDataSeeder>().SeedAsync());

    /// <summary>
    /// Every module's migrations history, and the Data Protection key ring: a running node keeps its keys in memory, so
    /// emptying the table would leave a node started later (<see cref="PortalFactory(PortalFactory)"/>) with a ring of its own.
    /// </summary>
    private static async Task<Respawn.Graph.Table[]> TablesKeptAcrossTests(NpgsqlConnection connection)
    {
        var tables = new List<Respawn.Graph.Table> { new("platform", "data_protection_keys") };
        await using var command = new NpgsqlCommand(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_name LIKE '\\_\\_ef\\_migrations\\_%'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(new Respawn.Graph.Table(reader.GetString(0), reader.GetString(1)));
        }

        return [.. tables];
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFactory>
{
    public const string Name = "portal";
}

/// <summary>Base of HTTP tests: a clean, seeded database before each test.</summary>
[Collection(PortalCollection.Name)]
public abstract class PortalTest(PortalFactory portal) : IAsyncLifetime
{
    protected PortalFactory Portal { get; } = portal;

    public Task InitializeAsync() => Portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
