using System.Net;
using BioSirk.Portal.Reporting.Contracts;
using BioSirk.Portal.SharedKernel.Pdf;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BioSirk.Portal.BrowserTests.Infrastructure;

/// <summary>
/// The portal on a real Kestrel port of 127.0.0.1 (database "biosirk_browser"), and one headless system Chromium that
/// every browser test shares; each test opens its own browser context (see <see cref="BrowserTest"/>). Unlike the HTTP
/// tests' host, this one runs a Hangfire worker, as a real node does: a page that waits for a background job (the final
/// report's PDF) must see it finish by itself, without the test running the job. It also has the portal's app
/// registration in Entra ID, so /logg-inn offers "Logg inn med Microsoft"; the identity provider is the local one of the
/// HTTP tests (<see cref="TestIdentityProvider"/>), and a test plays Microsoft's sign-in page with
/// <see cref="MicrosoftSignInPage"/>.
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

    /// <summary>Holds the PDF job at the printer while a test looks at the page (open unless a test holds it).</summary>
    public Gate Pdfs { get; } = new();

    /// <summary>Holds the form posts before the portal sees them: a server slow to answer (open unless a test holds it).</summary>
    public Gate FormPosts { get; } = new();

    /// <summary>Holds the portal's answer to a form POST after the portal has carried it out (<see cref="GatedFormPosts"/>).</summary>
    public Gate FormAnswers { get; } = new();

    /// <summary>"Microsoft": the metadata, the signing key and the token endpoint the portal redeems codes at.</summary>
    public TestIdentityProvider IdentityProvider { get; } = new();

    public new async Task InitializeAsync()
    {
        var starting = StartBrowserAsync();
        try
        {
            await base.InitializeAsync();
            BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
            // As etc/run.sh sets Email__PortalUrl to the address it listens on: links in invitations and mails lead here.
            Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BioSirk.Portal.Platform.Email.EmailOptions>>().Value.PortalUrl = BaseUrl;
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

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        // One worker is enough for the PDFs the tests ask for, and keeps the 2-CPU runner free for the browser.
        builder.UseSetting("Jobs:Server", "true");
        builder.UseSetting("Jobs:Workers", "1");
        builder.UseSetting("Authentication:Entra:ClientId", TestIdentityProvider.ClientId);
        builder.UseSetting("Authentication:Entra:ClientSecret", TestIdentityProvider.ClientSecret);
        builder.ConfigureTestServices(IdentityProvider.Configure);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new GatedFormPosts(FormPosts, FormAnswers));
            var renderer = services.Last(d => d.ServiceType == typeof(IPdfRenderer));
            services.Remove(renderer);
            services.AddSingleton<IPdfRenderer>(sp => new GatedPdfRenderer(
                renderer.ImplementationInstance as IPdfRenderer
                ?? renderer.ImplementationFactory?.Invoke(sp) as IPdfRenderer
                ?? (IPdfRenderer)ActivatorUtilities.CreateInstance(sp, renderer.ImplementationType!),
                Pdfs));
        });
    }

    /// <summary>
    /// The HTTP steps the browser tests share with the HTTP tests (e.g. a signed agreement) go to the same Kestrel port;
    /// the factory's own client for Kestrel would follow redirects, which those steps expect to see.
    /// </summary>
    protected override HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(BaseUrl),
        };

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
