using BioSirk.Portal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BioSirk.Portal.BrowserTests;

public sealed class ApiReferenceTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    [Fact]
    public async Task TheApiReference_FromTheFooter_HasNoAccessibilityViolations_AndItsContentsLeadToTheOperations()
    {
        await GotoAsync("/logg-inn");
        await ClickAndCheckAsync(Page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "API for rådenes og fylkenes egne systemer" }), "/api");

        await Expect(Page.Locator("h1")).ToHaveTextAsync("API-referanse");
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Svar fra POST /api/v1/agreements/{agreementId}/signatures" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Innhold" }).GetByRole(AriaRole.Link, new() { Name = "Slik får dere et tilgangstoken" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/api#token$"));
    }
}
