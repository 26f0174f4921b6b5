using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BioSirk.Portal.BrowserTests;

public sealed class CouncilDetailsTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    [Fact]
    public async Task AdminCorrectsAMistypedAddress_AndSavesTheCouncilsContact()
    {
        const string url = "/rad/hallingdal/admin/opplysninger";
        await SignInAsync(Demo.HallingdalAdmin, "/rad/hallingdal");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Administrasjon", Exact = true }), "/rad/hallingdal/admin/medlemmer");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Rådets opplysninger" }), url);
        await Expect(Page.GetByLabel("Rådets navn")).ToHaveValueAsync("Regionrådet for Hallingdal");

        var email = Page.GetByLabel("E-postadresse");
        await Page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Ola Bakken");
        await email.FillAsync("ola.bakken(at)hallingdal.no");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }), url);

        const string badAddress = "E-postadressen er ikke gyldig. Skriv den slik: navn@kommune.no.";
        await Expect(Page.Locator("#error-summary")).ToBeFocusedAsync();
        await Expect(Page.Locator("#Input_ContactEmail-error")).ToHaveTextAsync(badAddress);
        await Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(email).ToHaveValueAsync("ola.bakken(at)hallingdal.no");
        await Expect(Page.GetByLabel("Navn", new() { Exact = true })).ToHaveValueAsync("Ola Bakken");

        await email.FillAsync("ola.bakken@hallingdal.no");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }), url);
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Opplysningene om rådet er lagret.");
        await Expect(email).ToHaveValueAsync("ola.bakken@hallingdal.no");
    }
}
