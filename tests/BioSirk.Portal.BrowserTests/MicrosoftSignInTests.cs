using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Platform.Seeding;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BioSirk.Portal.BrowserTests;

/// <summary>
/// "Logg inn med Microsoft" in Chromium, from the button on /logg-inn through Microsoft's page (played by
/// <see cref="MicrosoftSignInPage"/>, which posts the code back as Entra does) to the portal's callback: the
/// correlation and nonce cookies, the CSP and the redirects are the browser's, not a test client's.
/// </summary>
public sealed class MicrosoftSignInTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    [Fact]
    public async Task HallingdalsSecretary_SignsInWithMicrosoft_GivesHerPortalPasswordOnce_AndLandsInHallingdal()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var kari = new EntraPerson(tid, Demo.HallingdalSecretary, "Kari Sekretær");

        await SignInWithMicrosoftAsync(Page, kari, "/logg-inn/microsoft");
        await Expect(Page).ToHaveTitleAsync("Koble Microsoft-kontoen til portalkontoen – BioSirk-portalen");
        var password = Page.GetByLabel("Passord");
        await password.FillAsync("ikke-passordet");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Koble og logg inn" }), "/logg-inn/microsoft");
        await Expect(Page.Locator("#Password-error")).ToContainTextAsync("Passordet er ikke riktig for kontoen");
        await Expect(password).ToHaveAttributeAsync("aria-invalid", "true");
        await password.FillAsync(DemoDataSeeder.Password);
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Koble og logg inn" }), "/rad/hallingdal");
        await Expect(Page.Locator("[data-testid=current-place]")).ToHaveTextAsync("Du er i: Regionrådet for Hallingdal");

        // From now on Microsoft alone signs her in.
        var again = await NewPageInFreshContextAsync();
        await SignInWithMicrosoftAsync(again, kari, "/rad/hallingdal");
    }

    [Fact]
    public async Task AnUnknownPerson_WaitsForApproval_TheAdminApprovesHerOnTheMembersPage_AndThenSheIsIn()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var per = new EntraPerson(tid, "per.ukjent@demo.biosirk.no", "Per Ukjent");

        await SignInWithMicrosoftAsync(Page, per, "/logg-inn/microsoft");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Venter på godkjenning");
        await Expect(Page).ToHaveTitleAsync("Venter på godkjenning – BioSirk-portalen");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("administratoren i Regionrådet for Hallingdal må godkjenne deg");

        var admin = await NewPageInFreshContextAsync();
        await SignInAsync(Demo.HallingdalAdmin, "/rad/hallingdal", admin);
        await GotoAsync("/rad/hallingdal/admin/medlemmer", admin);
        var requests = admin.GetByRole(AriaRole.Region, new() { Name = "Venter på godkjenning (1)" });
        await Expect(requests.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(requests).ToContainTextAsync("per.ukjent@demo.biosirk.no");
        await Expect(requests.GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Cell)).ToHaveCountAsync(4); // a screen reader reads a table
        var approve = requests.GetByRole(AriaRole.Button, new() { Name = "Godkjenn Per Ukjent" });
        await ClickAndCheckAsync(approve, "/rad/hallingdal/admin/medlemmer", admin);
        await Expect(admin.GetByRole(AriaRole.Region, new() { Name = "Venter på godkjenning (1)" })).ToHaveCountAsync(0);

        await SignInWithMicrosoftAsync(Page, per, "/rad/hallingdal");
        await Expect(Page.Locator(".user-name")).ToHaveTextAsync("Per Ukjent");
    }

    [Fact]
    public async Task ATidNoCouncilHasConnected_IsToldSo()
    {
        await ApiTokens.ConnectAsync(Portal, "hallingdal");

        await SignInWithMicrosoftAsync(Page, new EntraPerson(Guid.NewGuid(), Demo.HallingdalSecretary, "Kari"), "/logg-inn/microsoft");

        await Expect(Page.Locator("h1")).ToHaveTextAsync("Du er ikke logget inn");
        await Expect(Page).ToHaveTitleAsync("Du er ikke logget inn – BioSirk-portalen");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("ikke er koblet til BioSirk-portalen");
        await GotoAsync("/rad/hallingdal");
        Assert.Equal("/logg-inn", new Uri(Page.Url).AbsolutePath); // not signed in
    }

    [Fact]
    public async Task ACancelAtMicrosoft_EndsOnTheSignInPageWithAMessage()
    {
        await ApiTokens.ConnectAsync(Portal, "hallingdal");

        await SignInWithMicrosoftAsync(Page, new EntraPerson(Guid.NewGuid(), Demo.HallingdalSecretary, "Kari"), "/logg-inn?feil=microsoft",
            MicrosoftSignInPage.CancelButton);

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Innloggingen med Microsoft ble avbrutt");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Logg inn med Microsoft" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// On /logg-inn (checked with axe, Microsoft's button and all) the person presses "Logg inn med Microsoft", is
    /// signed in at Microsoft's page and presses its button; the portal's page she ends on is checked with axe too.
    /// </summary>
    [Fact]
    public async Task ACouncilsConnection_WaitsForTheHostAdmin_WhoApprovesItOnHerPage_AndThenItCounts()
    {
        const string tid = "3b1e6a52-57a4-4c5e-9d0b-1f4a2a9e7c11";
        await SignInAsync(Demo.HallingdalAdmin, "/rad/hallingdal");
        await GotoAsync("/rad/hallingdal/admin/entra");
        await Page.GetByLabel("Entra-leietaker-ID (tenant ID)").FillAsync(tid);
        await Page.GetByLabel("Tillatte e-postdomener").FillAsync("hallingdal.no, gol.kommune.no");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Lagre koblingen" }), "/rad/hallingdal/admin/entra");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vertsadministratoren har fått beskjed og må godkjenne den");
        await Expect(Page.Locator("[data-testid=entra-pending]")).ToContainTextAsync("Venter på godkjenning fra vertsadministratoren: hallingdal.no, gol.kommune.no");

        var host = await NewPageInFreshContextAsync();
        await SignInAsync(Demo.HostAdmin, "/vert", host);
        var requests = host.GetByRole(AriaRole.Region, new() { Name = "Microsoft-innlogging som venter på godkjenning (1)" });
        await Expect(requests.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Regionrådet for Hallingdal");
        await Expect(requests).ToContainTextAsync(tid);
        await ClickAndCheckAsync(requests.GetByRole(AriaRole.Button, new() { Name = "Godkjenn Regionrådet for Hallingdal" }), "/vert", host);
        await Expect(host.GetByRole(AriaRole.Status)).ToContainTextAsync("Koblingen til Entra ID er godkjent.");
        await Expect(host.GetByRole(AriaRole.Region, new() { Name = "Microsoft-innlogging som venter på godkjenning (1)" })).ToHaveCountAsync(0);

        await GotoAsync("/rad/hallingdal/admin/entra");
        await Expect(Page.Locator("[data-testid=entra-state]")).ToContainTextAsync("Koblet til Entra ID.");
        await Expect(Page.Locator("[data-testid=entra-pending]")).ToHaveCountAsync(0);
    }

    private async Task SignInWithMicrosoftAsync(IPage on, EntraPerson person, string landing, string button = MicrosoftSignInPage.ContinueButton)
    {
        await MicrosoftSignInPage.SignsInAsync(on, Portal.IdentityProvider, person);
        await GotoAsync("/logg-inn", on);
        await Expect(on).ToHaveTitleAsync("Logg inn – BioSirk-portalen");
        var atMicrosoft = await NavigateAsync(on, () => on.GetByRole(AriaRole.Button, new() { Name = "Logg inn med Microsoft" }).ClickAsync());
        Assert.StartsWith("https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?", atMicrosoft.Url);
        // Microsoft posts back from its own site: only Secure, SameSite=None cookies go along. Chromium keeps Secure
        // cookies from http://127.0.0.1 (a "potentially trustworthy" origin), so the tests need no https.
        var correlation = (await on.Context.CookiesAsync()).Where(c => c.Name.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(correlation);
        Assert.All(correlation, c => Assert.True(c.Secure && c.SameSite == SameSiteAttribute.None, $"{c.Name}: Secure={c.Secure}, SameSite={c.SameSite}"));
        await ClickAndCheckAsync(on.GetByRole(AriaRole.Button, new() { Name = button }), landing, on);
    }
}
