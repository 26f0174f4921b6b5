using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Tests.Strategy;

namespace BioSirk.Portal.BrowserTests;

/// <summary>
/// WCAG 2.1 reflow (1.4.10): at 320 CSS pixels wide the pages people use every week scroll only up and down. A table
/// wider than that scrolls inside its own box, which the keyboard can reach (axe checks that on every page).
/// </summary>
public sealed class PhoneLayoutTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    [Fact]
    public async Task AtPhoneWidth_TheWeeklyPages_DoNotScrollSideways()
    {
        await RoadmapSteps.SeedDemoRoadmapAsync(Portal);
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        await AgreementSteps.ExpectRedirectAsync(await kari.SubmitAsync(AgreementSteps.CouncilUrl(id), "form[action*=Hours]", new()
        {
            ["Hours.Date"] = "2026-01-20", ["Hours.Person"] = "Kari Nordby", ["Hours.Activity"] = "Mobilisering av bedrifter", ["Hours.Hours"] = "7,5",
        }));
        await AgreementSteps.ExpectRedirectAsync(await BioSirk.Portal.Tests.Reporting.FinalReportSteps.SubmitReportAsync(kari, id));
        kari.Dispose();
        sigrid.Dispose();
        await Page.SetViewportSizeAsync(320, 720);

        await SignInAsync(Demo.HallingdalAdmin, "/rad/hallingdal");
        var wide = new List<string>();
        foreach (var path in new[]
                 {
                     "/rad/hallingdal", "/rad/hallingdal/avtaler", $"/rad/hallingdal/avtaler/{id}", $"/rad/hallingdal/avtaler/{id}/sluttrapport",
                     "/rad/hallingdal/indikatorer", "/rad/hallingdal/moter", "/rad/hallingdal/admin/medlemmer", "/rad/hallingdal/admin/logg",
                     "/varsler", "/konto",
                 })
        {
            await GotoAsync(path);
            wide.AddRange(await SidewaysAsync(path, Page));
        }

        var officer = await NewPageInFreshContextAsync();
        await officer.SetViewportSizeAsync(320, 720);
        await SignInAsync(Demo.BuskerudOfficer, "/fylke/buskerud", officer);
        wide.AddRange(await SidewaysAsync("/fylke/buskerud", officer));
        await GotoAsync($"/fylke/buskerud/avtaler/{id}", officer);
        wide.AddRange(await SidewaysAsync($"/fylke/buskerud/avtaler/{id}", officer));
        await GotoAsync($"/fylke/buskerud/avtaler/{id}/sluttrapport", officer); // the delivered report, its long e-mail addresses too
        wide.AddRange(await SidewaysAsync($"/fylke/buskerud/avtaler/{id}/sluttrapport", officer));

        // The roadmap's timeline is wider than a phone: it scrolls inside its own box, which the keyboard reaches and moves.
        var marte = await NewPageInFreshContextAsync();
        await marte.SetViewportSizeAsync(320, 720);
        await SignInAsync(Demo.HadelandSecretary, "/rad/hadeland", marte);
        await GotoAsync("/rad/hadeland/veikart", marte);
        await GotoAsync(new Uri(marte.Url).AbsolutePath + "/tidslinje", marte);
        wide.AddRange(await SidewaysAsync("the timeline", marte));
        var box = marte.Locator(".timeline-scroll");
        Assert.True(await box.EvaluateAsync<bool>("b => b.scrollWidth > b.clientWidth"), "the timeline should be wider than its box at 320 px");
        await box.FocusAsync();
        await marte.Keyboard.PressAsync("ArrowRight");
        await marte.WaitForFunctionAsync("() => document.querySelector('.timeline-scroll').scrollLeft > 0"); // scrolling may be smooth

        Assert.True(wide.Count == 0, "Pages wider than a 320 px screen: " + string.Join("; ", wide));
    }

    private static async Task<IEnumerable<string>> SidewaysAsync(string path, Microsoft.Playwright.IPage on)
    {
        var width = await on.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (width <= 320)
        {
            return [];
        }

        // Names the outermost element that sticks out, so that the failure says where to look.
        var culprit = await on.EvaluateAsync<string>(@"() => {
            const out = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 321);
            const top = out.find(e => !out.includes(e.parentElement)) || out[0];
            return top ? `${top.tagName.toLowerCase()}${top.id ? '#' + top.id : ''}.${[...top.classList].join('.')}: ${top.textContent.trim().slice(0, 60)}` : '?';
        }");
        return [$"{path} is {width} px ({culprit})"];
    }
}
