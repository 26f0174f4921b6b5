using System.Globalization;
using System.Net;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Platform;

/// <summary>
/// A sign-in ends after 10 hours without use (WCAG 2.2.1: warned before, extended with one click). Every page tells its
/// script how long the sign-in lasts at least; these tests hold the server to it, in a portal with the real 10 hours.
/// </summary>
public sealed class SessionTimeoutTests(SessionTimeoutTests.Portal portal) : IClassFixture<SessionTimeoutTests.Portal>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task APage_AnnouncesHowLongTheSignInLasts_AndItLastsAtLeastThatLongWithoutUse()
    {
        using var kari = await portal.SignedInAsync(Demo.HallingdalSecretary);
        // The worst moment: just before the sign-in would be checked (and renewed) again.
        portal.Clock.Advance(TimeSpan.FromSeconds(59));
        var lasts = await AnnouncedAsync(kari, "/rad/hallingdal");
        Assert.InRange(lasts, TimeSpan.FromHours(9.5), TimeSpan.FromHours(10));

        portal.Clock.Advance(lasts - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await kari.GetAsync("/rad/hallingdal")).StatusCode);

        // That page was use: the time starts again from it, and ends 10 hours later.
        portal.Clock.Advance(TimeSpan.FromHours(10) + TimeSpan.FromSeconds(1));
        var ended = await kari.GetAsync("/rad/hallingdal");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal("/logg-inn", ended.Headers.Location!.AbsolutePath);
        Assert.Null((await portal.CreatePortalClient().GetPageAsync("/logg-inn")).QuerySelector("#session-timeout"));
    }

    [Fact]
    public async Task StayingSignedIn_FromTheDialog_RenewsTheSignIn_AndSaysSoWhenItHasEnded()
    {
        using var kari = await portal.SignedInAsync(Demo.HallingdalSecretary);
        var page = await kari.GetPageAsync("/rad/hallingdal");
        var keepAlive = page.QuerySelector("#session-timeout")!.GetAttribute("data-keep-alive")!;

        portal.Clock.Advance(TimeSpan.FromHours(9) + TimeSpan.FromMinutes(58));
        Assert.Equal(HttpStatusCode.NoContent, (await kari.GetAsync(keepAlive)).StatusCode);
        portal.Clock.Advance(TimeSpan.FromHours(9) + TimeSpan.FromMinutes(58));
        Assert.Equal(HttpStatusCode.OK, (await kari.GetAsync("/rad/hallingdal")).StatusCode);

        portal.Clock.Advance(TimeSpan.FromHours(10) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await kari.GetAsync(keepAlive)).StatusCode);
    }

    private static async Task<TimeSpan> AnnouncedAsync(PortalClient client, string path)
    {
        var dialog = (await client.GetPageAsync(path)).QuerySelector("#session-timeout[data-testid=session-timeout]")!;
        return TimeSpan.FromSeconds(long.Parse(dialog.GetAttribute("data-lasts-seconds")!, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The portal with the sign-in's real length and check interval (the shared test portal makes the sign-in last years,
    /// as its clock moves weeks, and checks it on every request).
    /// </summary>
    public sealed class Portal() : PortalFactory("biosirk_tests_session")
    {
        protected override void ConfigureMore(IWebHostBuilder builder)
        {
            builder.UseSetting("Security:StampValidationInterval", "00:01:00"); // as in production (the shared test portal checks on every request)
            builder.ConfigureServices(services =>
                services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.ExpireTimeSpan = TimeSpan.FromHours(10)));
        }
    }
}
