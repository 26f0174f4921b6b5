using AngleSharp.Html.Dom;
using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Tests.Reporting;
using BioSirk.Portal.Tests.Strategy;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

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
        await AgreementWithEveryMoneyTableAsync(kari, sigrid, id);
        await AgreementSteps.ExpectRedirectAsync(await FinalReportSteps.SubmitReportAsync(kari, id));
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

        // The agreement's money tables fit the screen: every amount is whole, on one line, and in sight (not beyond the
        // edge of the screen or of a box that scrolls sideways: «Ramme … kr 150» was the first half of kr 150 000,00).
        await GotoAsync($"/rad/hallingdal/avtaler/{id}");
        var clipped = (await ClippedAmountsAsync($"/rad/hallingdal/avtaler/{id}", Page)).ToList();
        // Stacked on the phone, the tables are still tables to a screen reader: a row's name and its column's name are read with a cell.
        await Expect(Page.Locator("[data-testid=spend-table]").GetByRole(AriaRole.Row, new() { Name = "Ramme kr 170 000,00" })
            .GetByRole(AriaRole.Rowheader, new() { Name = "Ramme" })).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=milestones]").GetByRole(AriaRole.Columnheader, new() { Name = "Beløp" })).ToHaveCountAsync(1);
        await Expect(Page.Locator("[data-testid=milestones]").GetByRole(AriaRole.Cell, new() { Name = "kr 112 500,00", Exact = true })).ToBeVisibleAsync();

        var officer = await NewPageInFreshContextAsync();
        await officer.SetViewportSizeAsync(320, 720);
        await SignInAsync(Demo.BuskerudOfficer, "/fylke/buskerud", officer);
        wide.AddRange(await SidewaysAsync("/fylke/buskerud", officer));
        await GotoAsync($"/fylke/buskerud/avtaler/{id}", officer);
        wide.AddRange(await SidewaysAsync($"/fylke/buskerud/avtaler/{id}", officer));
        clipped.AddRange(await ClippedAmountsAsync($"/fylke/buskerud/avtaler/{id}", officer));
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
        Assert.True(clipped.Count == 0, "Amounts cut or out of sight at 320 px: " + string.Join("; ", clipped));
    }

    [Fact]
    public async Task AtPhoneWidth_TheCoordinatorsRoadmapPages_DoNotScrollSideways()
    {
        await RoadmapSteps.SeedDemoRoadmapAsync(Portal);
        await Page.SetViewportSizeAsync(320, 720);
        await SignInAsync(Demo.RingerikeSecretary, "/rad/ringerike");
        await GotoAsync("/rad/ringerike/veikart");
        var roadmap = new Uri(Page.Url).AbsolutePath;
        var wide = new List<string>();
        foreach (var path in new[] { roadmap, roadmap + "/oversikt", roadmap + "/versjoner", roadmap + "/struktur", roadmap + "/tiltak/ny" })
        {
            await GotoAsync(path);
            wide.AddRange(await SidewaysAsync(path, Page));
        }

        Assert.True(wide.Count == 0, "Pages wider than a 320 px screen: " + string.Join("; ", wide));
    }

    [Fact]
    public async Task AtPhoneWidth_ThePdfVersions_StackWithEachValueNamed_AlsoInARowTheScriptAdds()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        sigrid.Dispose();
        var url = FinalReportSteps.CouncilUrl(id);
        await FinalReportSteps.ExpectRedirectAsync(await FinalReportSteps.PostReportFormAsync(kari, id, "Pdf")); // PDF 1: a row the server writes
        await Page.SetViewportSizeAsync(320, 720);
        await SignInAsync(Demo.HallingdalSecretary, "/rad/hallingdal");
        await GotoAsync(url);
        await Expect(Page.Locator("[data-live=on]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });

        // PDF 2, ordered from another computer after the page was loaded: a row the script writes.
        await FinalReportSteps.ExpectRedirectAsync(await FinalReportSteps.PostReportFormAsync(kari, id, "Pdf"));
        kari.Dispose();
        var table = Page.Locator("[data-testid=pdf-versions]");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);

        var wide = (await SidewaysAsync(url, Page)).ToList();
        if (await table.EvaluateAsync<bool>("t => t.parentElement.scrollWidth > t.parentElement.clientWidth"))
        {
            wide.Add($"{url}: the PDF versions scroll sideways inside their box");
        }

        var unnamed = await table.EvaluateAsync<string[]>(@"t => {
            const names = [...t.tHead.rows[0].cells].map(c => c.textContent.trim());
            return [...t.tBodies[0].rows].flatMap(r => [...r.cells]
                .filter(c => c.getAttribute('data-label') !== names[c.cellIndex])
                .map(c => `PDF ${r.cells[0].textContent.trim()}: «${names[c.cellIndex]}»`));
        }");
        Assert.True(wide.Count == 0, "Wider than a 320 px screen: " + string.Join("; ", wide));
        Assert.True(unnamed.Length == 0, "Cells without their column's name in front on a phone: " + string.Join("; ", unnamed));
        await CheckAsync(); // axe on the table as the script left it
    }

    /// <summary>
    /// Gives the agreement a row in each of the page's money tables: 15 hours, a direct cost, a payment request that is
    /// approved and paid, an amendment of the frame that is accepted (the version log) and one that waits (the proposal).
    /// </summary>
    private static async Task AgreementWithEveryMoneyTableAsync(PortalClient kari, PortalClient sigrid, Guid id)
    {
        await AgreementSteps.ExpectRedirectAsync(await kari.SubmitAsync(AgreementSteps.CouncilUrl(id), "form[action*=Hours]", new()
        {
            ["Hours.Date"] = "2026-01-20", ["Hours.Person"] = "Kari Nordby", ["Hours.Activity"] = "Rapportskriving", ["Hours.Hours"] = "15",
        }));
        var costForm = (IHtmlFormElement)(await kari.GetPageAsync(AgreementSteps.CouncilUrl(id))).QuerySelector("form[action*=Cost]")!;
        using (var cost = new MultipartFormDataContent
               {
                   { new StringContent(((IHtmlInputElement)costForm.QuerySelector("input[name=__RequestVerificationToken]")!).Value), "__RequestVerificationToken" },
                   { new StringContent("2026-01-20"), "Cost.Date" }, { new StringContent("Hallingdal Hotell AS"), "Cost.Supplier" },
                   { new StringContent("Møteleie"), "Cost.Description" }, { new StringContent("12 345,67"), "Cost.Amount" },
               })
        {
            var voucher = new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
            voucher.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            cost.Add(voucher, "voucher", "faktura-hallingdal-hotell-januar.pdf");
            await AgreementSteps.ExpectRedirectAsync(await kari.Http.PostAsync(costForm.GetAttribute("action"), cost));
        }

        await AgreementSteps.ExpectRedirectAsync(await kari.SubmitAsync(AgreementSteps.CouncilUrl(id), "form[action*=Request]",
            new() { ["RequestForm.StatusText"] = "Oppstart gjennomført." }));
        await AgreementSteps.ExpectRedirectAsync(await sigrid.SubmitAsync(AgreementSteps.CountyUrl(id), "form[action*=Decide]", new() { ["Decision.Approve"] = "true" }));
        await AgreementSteps.ExpectRedirectAsync(await sigrid.SubmitAsync(AgreementSteps.CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-01-20", ["Payment.Amount"] = "112 500", ["Payment.Reference"] = "BFK-2026-0117" }));
        foreach (var (frame, accept) in new[] { ("170 000", true), ("180 000", false) })
        {
            var form = await sigrid.FormValuesAsync(AgreementSteps.CountyUrl(id) + "/rediger", "main form");
            form["Input.FrameAmount"] = frame;
            form["Reason"] = "Utvidet oppdrag.";
            await AgreementSteps.ExpectRedirectAsync(await sigrid.PostFormAsync(AgreementSteps.CountyUrl(id) + "/rediger", form));
            if (accept)
            {
                await AgreementSteps.ExpectRedirectAsync(await kari.SubmitAsync(AgreementSteps.CouncilUrl(id), "form[action*=AcceptAmendment]", []));
            }
        }
    }

    /// <summary>
    /// Every amount («kr 150 000,00») in the page's main part that is shown: on one line, and inside the screen and
    /// inside every box around it that scrolls or clips, as the page is first shown. Text a screen reader reads alone
    /// (.visually-hidden) and closed parts (&lt;details&gt;, options) are not shown.
    /// </summary>
    private static async Task<IEnumerable<string>> ClippedAmountsAsync(string path, Microsoft.Playwright.IPage on)
    {
        var found = await on.EvaluateAsync<string[]>(@"() => {
            const amount = /kr[  ]-?\d{1,3}(?:[  ]\d{3})*,\d\d/g;
            const out = [];
            const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const parent = node.parentElement;
                if (parent.closest('.visually-hidden, option, script')) continue;
                for (const m of node.data.matchAll(amount)) {
                    const range = document.createRange();
                    range.setStart(node, m.index);
                    range.setEnd(node, m.index + m[0].length);
                    const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
                    if (rects.length === 0) continue; // not rendered
                    const where = `«${m[0]}» in ${(parent.closest('[data-testid]') || parent).dataset.testid || parent.tagName.toLowerCase()}`;
                    if (new Set(rects.map(r => Math.round(r.top))).size > 1) { out.push(where + ' is broken over two lines'); continue; }
                    const r = rects[0];
                    const boxes = [{ left: 0, right: document.documentElement.clientWidth, name: 'the screen' }];
                    for (let e = parent; e && e !== document.body; e = e.parentElement) {
                        if (getComputedStyle(e).overflowX !== 'visible') {
                            const b = e.getBoundingClientRect();
                            boxes.push({ left: b.left + e.clientLeft, right: b.left + e.clientLeft + e.clientWidth, name: e.className ? '.' + e.className.split(' ').join('.') : e.tagName.toLowerCase() });
                        }
                    }
                    const outside = boxes.find(b => r.left < b.left - 0.5 || r.right > b.right + 0.5);
                    if (outside) out.push(`${where} reaches ${Math.round(r.right)} px, beyond ${outside.name} (${Math.round(outside.left)}–${Math.round(outside.right)} px)`);
                }
            }
            return out;
        }");
        return found.Select(f => $"{path}: {f}");
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
