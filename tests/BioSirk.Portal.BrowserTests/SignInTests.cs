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
}
