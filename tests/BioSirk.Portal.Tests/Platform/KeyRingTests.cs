using System.Net;
using BioSirk.Portal.Platform.Seeding;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BioSirk.Portal.Tests.Platform;

/// <summary>
/// The Data Protection keys (sign-in cookies, antiforgery tokens) live in the portal's database: two web nodes behind a
/// load balancer, with no shared key folder, accept each other's cookies and forms.
/// </summary>
public sealed class KeyRingTests(ScaledOutPortal portal) : ScaledOutTest(portal)
{
    [Fact]
    public async Task SignedInOnOneNode_IsSignedInOnTheOther_AndAFormReadOnOneNodePostsToTheOther()
    {
        // One browser whose requests the load balancer sends to either node.
        var browser = new CookieContainer();
        using var viaA = Client(Portal.First, browser);
        using var viaB = Client(Portal.Second, browser);
        await viaA.SignInAsync(Demo.HallingdalSecretary, DemoDataSeeder.Password);

        var start = await viaB.GetPageAsync("/rad/hallingdal"); // a 302 to /logg-inn if B could not read A's cookie
        Assert.Contains("Kari Nordby", start.Body!.TextContent);

        // The sign-out form as node B rendered it, posted to node A: its antiforgery token must be valid there.
        var signOut = PortalClient.FormValues(start, "form[action='/logg-ut']");
        var response = await viaA.Http.PostAsync("/logg-ut", new FormUrlEncodedContent(signOut));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await viaB.GetAsync("/rad/hallingdal");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/logg-inn", new Uri(new Uri("http://localhost"), after.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task TheKeyRing_IsKeptInPlatformsTable_NotInAFolder()
    {
        using var client = await Portal.First.SignedInAsync(Demo.HallingdalSecretary); // makes sure a key exists

        var stored = await StoredKeysAsync(Portal.First.ConnectionString);

        foreach (var node in new[] { Portal.First, Portal.Second })
        {
            var keys = node.Services.GetRequiredService<IKeyManager>().GetAllKeys();
            Assert.NotEmpty(keys);
            Assert.All(keys, key => Assert.Contains(stored, xml => xml.Contains($"id=\"{key.KeyId}\"", StringComparison.Ordinal)));
        }
    }

    /// <summary>The key ring as Platform's table holds it: one XML document per key.</summary>
    internal static async Task<List<string>> StoredKeysAsync(string connectionString)
    {
        var stored = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Xml\" FROM platform.data_protection_keys", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored.Add(reader.GetString(0));
        }

        return stored;
    }

    /// <summary>A client of <paramref name="node"/> that shares <paramref name="cookies"/> with others: one browser behind a load balancer.</summary>
    internal static PortalClient Client(PortalFactory node, CookieContainer cookies) =>
        new(node.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)));
}
