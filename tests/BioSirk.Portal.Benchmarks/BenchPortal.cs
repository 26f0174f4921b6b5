using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BioSirk.Portal.Benchmarks;

/// <summary>
/// The portal on a real Kestrel port of 127.0.0.1, on its own PostgreSQL database, configured as in production
/// (environment "Production", full-strength password hashing, default security-stamp interval) except for what a
/// plain-HTTP loopback run needs (cookies not HTTPS-only) and what would only add noise (no job server unless asked for,
/// request log lines below Warning are not written).
/// </summary>
public sealed class BenchPortal : WebApplicationFactory<Program>
{
    private readonly string folder = Directory.CreateTempSubdirectory("biosirk-bench-").FullName;

    private readonly IReadOnlyDictionary<string, string> settings;

    /// <param name="settings">Configuration on top of the above, e.g. <c>Jobs:Server</c> = true for the PDF pipeline benchmark.</param>
    public BenchPortal(string serverConnectionString, string database, IReadOnlyDictionary<string, string>? settings = null)
    {
        this.settings = settings ?? new Dictionary<string, string>();
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;
        ServerConnectionString = serverConnectionString;
        Database = database;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public string ConnectionString { get; }

    public string ServerConnectionString { get; }

    public string Database { get; }

    /// <summary>Where the portal answers, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>
    /// Drops and creates the database (unless <paramref name="freshDatabase"/> is false: a second node of the same
    /// portal), then starts the host: migrations and the demo seed run at start (both leave an existing database as it is).
    /// </summary>
    public async Task StartAsync(bool freshDatabase = true)
    {
        if (freshDatabase)
        {
            await RecreateDatabaseAsync();
        }

        // WebApplicationFactory finds the web project's folder through MvcTestingAppManifest.json, which it looks for
        // in the current directory (test runners start in the output folder; a console program may not).
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    private async Task RecreateDatabaseAsync()
    {
        var admin = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "PostgreSql");
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Jobs:Server", "false");
        builder.UseSetting("Security:HttpsOnlyCookies", "false");
        builder.UseSetting("Email:PickupFolder", Path.Combine(folder, "mail"));
        builder.UseSetting("Files:Folder", Path.Combine(folder, "files"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a background thread; the temp folder is cleaned by the OS
        }
    }
}
