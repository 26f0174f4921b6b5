using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BioSirk.Portal.BrowserTests;

public sealed class InvitationTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    [Fact]
    public async Task InviteMember_ThenTheAuditLogShowsIt()
    {
        await SignInAsync(Demo.HallingdalAdmin, "/rad/hallingdal");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = "Administrasjon" }),
            "/rad/hallingdal/admin/medlemmer");
        var adminMenu = Page.GetByRole(AriaRole.Navigation, new() { Name = "Administrasjon av rådet" });
        await Expect(adminMenu.GetByRole(AriaRole.Link, new() { Name = "Medlemmer" })).ToHaveAttributeAsync("aria-current", "page");

        await Page.GetByLabel("Navn").FillAsync("Liv Øyen");
        await Page.GetByLabel("E-postadresse").FillAsync("liv@hallingdal.no");
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "Sekretariat" }).CheckAsync();
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Send invitasjon" }),
            "/rad/hallingdal/admin/medlemmer"); // redirected: reloading the page does not invite again

        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Invitasjonen er sendt til liv@hallingdal.no");
        var link = (await Page.Locator("[data-testid=invitation-link]").TextContentAsync())!.Trim();
        Assert.StartsWith(Portal.BaseUrl + "/invitasjon/", link);
        // Shown once, so it can be copied with one press.
        await Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Kopier lenken" }).ClickAsync();
        await Expect(Page.Locator("[data-copy-status]")).ToHaveTextAsync("Lenken er kopiert.");
        Assert.Equal(link, await Page.EvaluateAsync<string>("navigator.clipboard.readText()"));

        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Endringslogg" }),
            "/rad/hallingdal/admin/logg");
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = "Administrasjon" }))
            .ToHaveAttributeAsync("aria-current", "true"); // the section the page is in
        var newest = Page.Locator("[data-testid=audit-table] > tbody > tr").First;
        await Expect(newest).ToContainTextAsync("Invitasjon: Liv Øyen (liv@hallingdal.no) (opprettet)");
        await Expect(newest).ToContainTextAsync("Ingrid Haugen");
        await Expect(newest).ToContainTextAsync("liv@hallingdal.no");

        // Liv, at her own computer, follows the link and makes her account.
        var liv = await NewPageInFreshContextAsync();
        await GotoAsync(link, liv);
        await Expect(liv.Locator("h1")).ToHaveTextAsync("Invitasjon til Regionrådet for Hallingdal");
        await liv.GetByLabel("Navn").FillAsync("Liv Øyen");
        await liv.GetByLabel("Velg passord").FillAsync("godt-passord-42");
        await liv.GetByLabel("Gjenta passordet").FillAsync("godt-passord-42");
        await ClickAndCheckAsync(liv.GetByRole(AriaRole.Button, new() { Name = "Lag konto og godta" }), "/rad/hallingdal", liv);

        await Expect(liv.Locator("[data-testid=current-place]")).ToHaveTextAsync("Du er i: Regionrådet for Hallingdal");
        await Expect(liv.Locator(".user-name")).ToHaveTextAsync("Liv Øyen");
        await Expect(liv.Locator("main p").First).ToContainTextAsync("sekretariat");
    }
}
