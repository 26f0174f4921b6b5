using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Infrastructure;

/// <summary>
/// The portal on a Kestrel port of 127.0.0.1 (database "biosirk_kestrel"), as it runs in production: Kestrel's limit on
/// a request's body applies, which the in-memory test server does not have.
/// </summary>
public sealed class KestrelPortalFactory : PortalFactory
{
    public KestrelPortalFactory()
        : base("biosirk_kestrel") =>
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    protected override HttpClient CreateHttpClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
        {
            BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()),
            Timeout = TimeSpan.FromMinutes(2),
        };
}

/// <summary>One Kestrel host for every test class that needs one: each host costs a start (and owns its database).</summary>
[CollectionDefinition(Name)]
public sealed class KestrelCollection : ICollectionFixture<KestrelPortalFactory>
{
    public const string Name = "kestrel";
}
