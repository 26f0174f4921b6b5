using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace BioSirk.Portal.BrowserTests;

public sealed class CouncilSwitchingTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    [Fact]
    public async Task SwitchCouncil_WithThePlaceSwitcher_OpensTheOtherCouncil()
    {
        await SignInAsync(Demo.TwoCouncilMember, "/");
        await ClickAndCheckAsync(Page.Locator("main").GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Hadeland" }), "/rad/hadeland");
        await Expect(Page.Locator("[data-testid=current-place]")).ToContainTextAsync("Hadeland");

        // Keyboard only: focus the switcher's summary and open it with Enter.
        var switcher = Page.Locator("details.place-switcher");
        var gjovik = switcher.Locator(".place-list a[href='/rad/gjovik']");
        await Expect(gjovik).ToBeHiddenAsync();
        await switcher.Locator("summary").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(switcher).ToHaveAttributeAsync("open", "");
        await Expect(gjovik).ToBeVisibleAsync();
        await Expect(switcher.Locator(".place-list a[href='/rad/hadeland']")).ToHaveAttributeAsync("aria-current", "page");
        await CheckAsync(); // the open list too

        await gjovik.FocusAsync();
        await NavigateAsync(Page, () => Page.Keyboard.PressAsync("Enter"));
        Assert.Equal("/rad/gjovik", new Uri(Page.Url).AbsolutePath);
        await CheckAsync();
        await Expect(Page.Locator("[data-testid=current-place]")).ToHaveTextAsync("Du er i: Gjøvikregionen");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Gjøvikregionen");
    }
}
