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

    [Fact]
    public async Task FieldsAndCheckboxes_HaveBordersThatCanBeSeen_AtLeast3To1AgainstThePage()
    {
        // WCAG 1.4.11 (non-text contrast); axe does not measure borders. Bootstrap's default grey is about 1.3:1.
        await SignInAsync(Demo.HallingdalAdmin, "/rad/hallingdal");
        await GotoAsync("/rad/hallingdal/admin/medlemmer");
        var contrasts = await Page.EvaluateAsync<double[]>("""
            () => {
                const luminance = c => {
                    const [r, g, b] = c.match(/\d+/g).slice(0, 3).map(v => { v = v / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                };
                const ratio = (a, b) => { const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x); return (l1 + 0.05) / (l2 + 0.05); };
                const page = 'rgb(255, 255, 255)';
                return [...document.querySelectorAll('main input.form-control, main .form-check-input, main select.form-select')]
                    .map(el => ratio(getComputedStyle(el).borderTopColor, page));
            }
            """);
        Assert.NotEmpty(contrasts);
        Assert.All(contrasts, contrast => Assert.True(contrast >= 3, $"A field's border has contrast {contrast:0.00}:1, below 3:1."));
    }

    private static async Task<bool> IsOnScreenAsync(Microsoft.Playwright.ILocator element)
    {
        var box = await element.BoundingBoxAsync();
        return box is { Width: > 0, Height: > 0 } && box.X >= 0 && box.Y >= 0 && box.X + box.Width <= 1280 && box.Y + box.Height <= 900;
    }
}
