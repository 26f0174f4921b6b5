using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace BioSirk.Portal.BrowserTests;

public sealed class KeyboardTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    [Fact]
    public async Task KeyboardOnly_SkipLinkMovesFocusToMain()
    {
        await SignInAsync(Demo.HallingdalAdmin, "/rad/hallingdal");
        var skipLink = Page.Locator("a.skip-link");
        await Expect(skipLink).ToHaveTextAsync("Hopp til hovedinnholdet");
        Assert.True(await IsOnScreenAsync(skipLink) is false, "The skip link should be out of sight until it gets the focus.");

        await Page.Keyboard.PressAsync("Tab");

        await Expect(skipLink).ToBeFocusedAsync();
        Assert.True(await IsOnScreenAsync(skipLink), "The focused skip link should be on screen.");
        await CheckAsync(); // with the skip link shown

        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page).ToHaveURLAsync(Portal.BaseUrl + "/rad/hallingdal#main");
        await Expect(Page.Locator("main#main")).ToBeFocusedAsync();

        // The next Tab goes on inside the main content, past the header's links.
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.Locator("main").Locator("a[href], button, input, select, textarea").First).ToBeFocusedAsync();
    }

    private static async Task<bool> IsOnScreenAsync(Microsoft.Playwright.ILocator element)
    {
        var box = await element.BoundingBoxAsync();
        return box is { Width: > 0, Height: > 0 } && box.X >= 0 && box.Y >= 0 && box.X + box.Width <= 1280 && box.Y + box.Height <= 900;
    }
}
