using System.Net;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BioSirk.Portal.BrowserTests.Infrastructure;

/// <summary>
/// The portal on a real Kestrel port of 127.0.0.1 (database "biosirk_browser"), and one headless system Chromium that
/// every browser test shares; each test opens its own browser context (see <see cref="BrowserTest"/>).
/// </summary>
public sealed class BrowserPortalFactory : PortalFactory, IAsyncLifetime
{
    public const string DatabaseName = "biosirk_browser";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public BrowserPortalFactory()
        : base(DatabaseName) =>
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    /// <summary>Where the portal answers, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not been started.");

    public new async Task InitializeAsync()
    {
        var starting = StartBrowserAsync();
        try
        {
            await base.InitializeAsync();
            BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        }
        finally
        {
            await starting;
        }
    }

    /// <summary>A fresh browser context (own cookies, own storage) on the portal.</summary>
    public Task<IBrowserContext> NewContextAsync() =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "nb-NO",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });

    public new async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
    }

    private async Task StartBrowserAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync",
            ],
        });
    }

    /// <summary>The system Chromium (etc/test.sh sets BIOSIRK_CHROMIUM); Playwright's own browsers are not used.</summary>
    private static string ChromiumPath =>
        Environment.GetEnvironmentVariable("BIOSIRK_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserPortalFactory>
{
    public const string Name = "browser";
}
