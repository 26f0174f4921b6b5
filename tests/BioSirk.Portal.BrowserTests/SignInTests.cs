using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Platform.Seeding;
using BioSirk.Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace BioSirk.Portal.BrowserTests;

public sealed class SignInTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    [Fact]
    public async Task SignIn_ShowsTheCouncilInTheHeader()
    {
        await GotoAsync("/logg-inn");
        await Page.GetByLabel("E-postadresse").FillAsync(Demo.HallingdalSecretary);
        await Page.GetByLabel("Passord").FillAsync("feil-passord-1");

        await ClickAndCheckAsync(Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Logg inn", Exact = true }), "/logg-inn");

        // The message stands beside the password field, tied to it, and the e-mail is kept.
        var password = Page.Locator("#Input_Password");
        await Expect(Page.Locator("#Input_Password-error")).ToContainTextAsync("Feil e-postadresse eller passord");
        await Expect(password).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(password).ToHaveAttributeAsync("aria-describedby", "Input_Password-error");
        await Expect(password).ToHaveValueAsync("");
        await Expect(Page.Locator("#Input_Email")).ToHaveValueAsync(Demo.HallingdalSecretary);
        // site.js moves the focus to the error summary, so that a screen reader starts there.
        await Expect(Page.Locator("#error-summary")).ToBeFocusedAsync();
        await Expect(Page.Locator("#error-summary a[href='#Input_Password']")).ToContainTextAsync("Feil e-postadresse eller passord");

        await password.FillAsync(DemoDataSeeder.Password);
        await ClickAndCheckAsync(Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Logg inn", Exact = true }), "/rad/hallingdal");

        await Expect(Page.Locator("[data-testid=current-place]")).ToHaveTextAsync("Du er i: Regionrådet for Hallingdal");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "nb");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Regionrådet for Hallingdal");
    }

    [Fact]
    public async Task ForgottenPasswordAndMyAccount_AreReachable_ExplainBadInputBesideTheField_AndHaveNoAccessibilityViolations()
    {
        await GotoAsync("/logg-inn");
        await ClickAndCheckAsync(Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Glemt passordet?" }), "/glemt-passord");
        await Page.Locator("#Input_Email").FillAsync("kari@");
        await ClickAndCheckAsync(Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Send lenke" }), "/glemt-passord");
        await Expect(Page.Locator("#Input_Email-error")).ToHaveTextAsync("E-postadressen er ikke gyldig. Skriv den slik: navn@kommune.no.");
        await Expect(Page.Locator("#Input_Email")).ToHaveValueAsync("kari@");
        await Page.Locator("#Input_Email").FillAsync(Demo.HallingdalMember);
        await ClickAndCheckAsync(Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Send lenke" }), "/glemt-passord");
        await Expect(Page.Locator("[data-testid=reset-requested]")).ToContainTextAsync("Lenken virker i 2 timer.");

        await SignInAsync(Demo.HallingdalSecretary, "/rad/hallingdal");
        await ClickAndCheckAsync(Page.Locator("[data-testid=my-account]"), "/konto");
        await Page.Locator("#Input_CurrentPassword").FillAsync("gjettet-feil-1");
        await Page.Locator("#Input_Password").FillAsync("nytt-passord-2026");
        await Page.Locator("#Input_ConfirmPassword").FillAsync("nytt-passord-2026");
        await ClickAndCheckAsync(Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Endre passord" }), "/konto");
        await Expect(Page.Locator("#Input_CurrentPassword-error")).ToHaveTextAsync("Passordet du har nå, stemmer ikke. Prøv igjen.");
        await Expect(Page.Locator("#error-summary")).ToBeFocusedAsync();
    }
}
