using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BioSirk.Portal.BrowserTests;

/// <summary>A form is sent once, however often the button is clicked while the server answers.</summary>
public sealed class SendingOnceTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    [Fact]
    public async Task Hours_ClickedAgainWhileTheServerIsAnswering_AreRegisteredOnce()
    {
        var (id, button) = await HoursFormFilledInAsync();

        // The mouse, not the locator's click, which would wait for the page it leads to.
        var before = Portal.FormPosts.Arrivals;
        var response = await NavigateAsync(Page, async () =>
        {
            using (Portal.FormPosts.Hold())
            {
                await Page.Mouse.ClickAsync(button.X + button.Width / 2, button.Y + button.Height / 2);
                await WaitForAsync(() => Portal.FormPosts.Arrivals == before + 1);
                await Page.Mouse.ClickAsync(button.X + button.Width / 2, button.Y + button.Height / 2); // the page is still there: the server has not answered yet
                await Page.Mouse.ClickAsync(button.X + button.Width / 2, button.Y + button.Height / 2);
                await Task.Delay(500); // time for a second post to reach the server, were one sent
            }
        });

        Assert.Equal(200, response.Status);
        Assert.Equal(before + 1, Portal.FormPosts.Arrivals);
        await CheckAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Timene er registrert.");
        await Expect(Page.Locator("[data-testid=hour-rows] tbody tr")).ToHaveCountAsync(1);
        var stored = await Portal.WithScopeAsync(sp => sp.GetRequiredService<AgreementsDbContext>().Hours.IgnoreQueryFilters().CountAsync(h => h.AgreementId == id));
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task Hours_DoubleClickedWithoutTheSiteScript_AreRegisteredOnce()
    {
        // As in a browser that did not get the script (blocked, or JavaScript off): nothing in the page stops a second post.
        await Page.RouteAsync("**/js/site.js*", route => route.AbortAsync());
        var (id, button) = await HoursFormFilledInAsync();
        var page = Page;

        // The portal has registered the hours, but its answer is slow to come: the browser sends the form again, and
        // shows the answer to that.
        var before = Portal.FormAnswers.Arrivals;
        var response = await NavigateAsync(page, async () =>
        {
            using (Portal.FormAnswers.Hold())
            {
                await page.Mouse.ClickAsync(button.X + button.Width / 2, button.Y + button.Height / 2);
                await WaitForAsync(() => Portal.FormAnswers.Arrivals == before + 1);
                await page.Mouse.ClickAsync(button.X + button.Width / 2, button.Y + button.Height / 2);
                await WaitForAsync(() => Portal.FormAnswers.Arrivals == before + 2);
            }
        });

        Assert.Equal(200, response.Status);
        await CheckAsync(page);
        await Expect(page.GetByTestId("sent-twice")).ToHaveTextAsync("Skjemaet ble sendt to ganger, men er lagret bare én gang.");
        await Expect(page.Locator("[data-testid=hour-rows] tbody tr")).ToHaveCountAsync(1);
        var stored = await Portal.WithScopeAsync(sp => sp.GetRequiredService<AgreementsDbContext>().Hours.IgnoreQueryFilters().CountAsync(h => h.AgreementId == id));
        Assert.Equal(1, stored);
    }

    /// <summary>Kari on a signed agreement's page with the hours form filled in: the agreement, and where «Registrer timer» is.</summary>
    private async Task<(Guid Id, LocatorBoundingBoxResult Button)> HoursFormFilledInAsync()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        kari.Dispose();
        sigrid.Dispose();
        await SignInAsync(Demo.HallingdalSecretary, "/rad/hallingdal");
        await GotoAsync(AgreementSteps.CouncilUrl(id));

        var hours = Page.Locator("form").Filter(new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = "Registrer timer" }) });
        await hours.GetByLabel("Dato").FillAsync("2026-01-20");
        await hours.GetByLabel("Person").FillAsync("Kari Nordby");
        await hours.GetByLabel("Aktivitet").FillAsync("Mobilisering av bedrifter");
        await hours.GetByLabel("Timer").FillAsync("7,5");
        var register = hours.GetByRole(AriaRole.Button, new() { Name = "Registrer timer" });
        await register.ScrollIntoViewIfNeededAsync();
        var button = await register.BoundingBoxAsync();
        Assert.NotNull(button);
        return (id, button);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 10_000, "The form post did not reach the server within 10 s.");
            await Task.Delay(20);
        }
    }
}
