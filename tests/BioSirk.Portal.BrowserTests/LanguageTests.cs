using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BioSirk.Portal.BrowserTests;

public sealed class LanguageTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    [Fact]
    public async Task English_FromTheHeader_ShowsEnglishTextsAndSetsTheLanguageOfThePage()
    {
        await SignInAsync(Demo.HallingdalSecretary, "/rad/hallingdal");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "nb");

        await ClickAndCheckAsync(Page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "English" }), "/rad/hallingdal");

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.Locator("a.skip-link")).ToHaveTextAsync("Skip to main content");
        await Expect(Page.Locator("#todo-heading")).ToHaveTextAsync("Waiting for you");
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" })).ToContainTextAsync("Overview");
        await Expect(Page.Locator("[data-testid=current-place]")).ToHaveTextAsync("You are in: Regionrådet for Hallingdal");
        await Expect(Page.Locator("[data-testid=my-roles]")).ToHaveTextAsync("Your roles in the council: Secretariat.");

        // A meeting set up in English: the form's button, and the time with its weekday in English.
        await GotoAsync("/rad/hallingdal/moter/nytt");
        await Page.Locator("#Input_Title").FillAsync("Council meeting");
        await Page.Locator("#Input_Date").FillAsync("2027-06-10");
        await Page.Locator("#Input_Place").FillAsync("Gol");
        await NavigateAsync(Page, () => Page.GetByRole(AriaRole.Button, new() { Name = "Create the meeting" }).ClickAsync());
        Assert.StartsWith("/rad/hallingdal/moter/", new Uri(Page.Url).AbsolutePath, StringComparison.Ordinal);
        await CheckAsync();
        await Expect(Page.Locator("[data-testid=meeting-time]")).ToHaveTextAsync("Thursday 10.06.2027 at 10:00–12:00");
        var back = Page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Norsk (bokmål)" });
        await Expect(back).ToHaveAttributeAsync("lang", "nb");

        // The choice is kept on the next pages: a form's required fields say so in English.
        await GotoAsync("/konto");
        await Expect(Page.Locator("label[for=Input_CurrentPassword]")).ToContainTextAsync("(required)");

        // Switching back works the same way.
        await GotoAsync("/logg-ut");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await ClickAndCheckAsync(Page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Norsk (bokmål)" }), "/logg-ut");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "nb");
    }
}
