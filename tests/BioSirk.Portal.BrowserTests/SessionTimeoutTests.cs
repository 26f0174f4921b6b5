using System.Globalization;
using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BioSirk.Portal.BrowserTests;

/// <summary>
/// WCAG 2.2.1 in the browser: two minutes before the sign-in ends for lack of use a dialog offers to stay signed in, and
/// once it has ended the dialog says so and leaves the form as it was typed. The page's clock is moved, not waited for.
/// </summary>
public sealed class SessionTimeoutTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    [Fact]
    public async Task TwoMinutesBeforeTheEnd_TheDialogOffersToStaySignedIn_AndAfterTheEndItSaysSoAndKeepsWhatWasTyped()
    {
        await Page.Clock.InstallAsync();
        await SignInAsync(Demo.HallingdalSecretary, "/rad/hallingdal");
        await GotoAsync("/rad/hallingdal/moter/nytt");
        await Page.Locator("#Input_Title").FillAsync("Rådsmøte juni");
        var lasts = TimeSpan.FromSeconds(long.Parse((await Page.Locator("#session-timeout").GetAttributeAsync("data-lasts-seconds"))!, CultureInfo.InvariantCulture));
        var warning = Page.GetByRole(AriaRole.Dialog, new() { Name = "Vil du fortsatt være logget inn?" });
        var stay = warning.GetByRole(AriaRole.Button, new() { Name = "Fortsett å være logget inn" });

        await FastForwardAsync(lasts - TimeSpan.FromMinutes(3));
        await Expect(warning).ToBeHiddenAsync();
        await FastForwardAsync(TimeSpan.FromSeconds(70));
        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning).ToContainTextAsync("så du blir logget ut kl. ");
        await Expect(stay).ToBeFocusedAsync();
        await CheckAsync();

        var keptAlive = Page.WaitForResponseAsync(r => r.Url.EndsWith("/hold-meg-innlogget", StringComparison.Ordinal));
        await stay.ClickAsync();
        Assert.Equal(204, (await keptAlive).Status);
        await Expect(warning).ToBeHiddenAsync();

        // Not answered in time: signed out, and the page is left as it was.
        await FastForwardAsync(lasts + TimeSpan.FromSeconds(1));
        var ended = Page.GetByRole(AriaRole.Dialog, new() { Name = "Du er logget ut" });
        await Expect(ended).ToBeVisibleAsync();
        await Expect(ended.GetByRole(AriaRole.Link, new() { Name = "Logg inn i en ny fane" })).ToBeFocusedAsync();
        await CheckAsync();
        await ended.GetByRole(AriaRole.Button, new() { Name = "Lukk" }).ClickAsync();
        await Expect(ended).ToBeHiddenAsync();
        await Expect(Page.Locator("#Input_Title")).ToHaveValueAsync("Rådsmøte juni");
    }

    /// <summary>
    /// Moves the page's clock on and lets its timers run: the shared test portal's sign-in lasts years (its clock moves
    /// weeks), more milliseconds than Playwright's fast-forward takes, so the time is set and the last 11 s run.
    /// </summary>
    private async Task FastForwardAsync(TimeSpan by)
    {
        var now = DateTime.UnixEpoch.AddMilliseconds(await Page.EvaluateAsync<double>("() => Date.now()"));
        await Page.Clock.SetSystemTimeAsync(now + by - TimeSpan.FromSeconds(11));
        await Page.Clock.FastForwardAsync(11_000);
    }
}
