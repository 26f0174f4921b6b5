using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;

namespace BioSirk.Portal.Tests.Agreements;

/// <summary>
/// The county's start page and agreement page list 25 agreements to a page, with page links and a filter (words in the
/// title, council, status) in the query string; the tasks above the list still cover every agreement.
/// </summary>
public sealed class AgreementListPagingTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task CountyList_IsPaged_Filtered_AndKeepsTheTasksForEveryAgreement()
    {
        Portal.Clock.Set(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        var ids = new Dictionary<int, Guid>();
        for (var i = 1; i <= 27; i++)
        {
            ids[i] = await DraftFromTemplateAsync(kari, new() { ["Input.Title"] = $"Avtale {i:00}" });
        }

        await ExpectRedirectAsync(await SignAsync(kari, CouncilUrl(ids[5])));
        await ExpectRedirectAsync(await SignAsync(sigrid, CountyUrl(ids[5])));
        await ExpectRedirectAsync(await SignAsync(kari, CouncilUrl(ids[27])));

        // First page: 25 of 27, in title order (same period), page links, and the tasks of agreements on page 2 too.
        var home = await sigrid.GetPageAsync("/fylke/buskerud");
        Assert.Equal([.. Enumerable.Range(1, 25).Select(i => $"Avtale {i:00}")], Titles(home));
        Assert.Equal("Viser 1–25 av 27 avtaler.", Text(home, "agreement-count"));
        var pages = home.QuerySelector("[data-testid=agreement-pages]")!;
        Assert.Equal("Sider i avtalelisten", pages.GetAttribute("aria-label"));
        Assert.Equal("1", pages.QuerySelector("[aria-current=page]")!.TextContent);
        Assert.Equal("/fylke/buskerud?side=2#avtaler", pages.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Null(pages.QuerySelector("a[rel=prev]"));
        var tasks = home.QuerySelector("#todo-heading")!.ParentElement!.TextContent;
        Assert.Contains("Regionrådet for Hallingdal har signert «Avtale 27»: signer for fylket.", tasks);
        Assert.Contains("«Avtale 26» venter på signatur.", tasks);
        Assert.DoesNotContain("«Avtale 05»", tasks); // signed by both: nothing waits

        // The filter form: labelled fields, a GET form back to this page.
        var form = home.QuerySelector("[data-testid=agreement-filter]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        foreach (var field in form.QuerySelectorAll("input[type=search], select"))
        {
            Assert.NotNull(form.QuerySelector($"label[for={field.Id}]"));
        }

        // Page 2, and a page past the end shows the last page.
        var second = await sigrid.GetPageAsync("/fylke/buskerud?side=2");
        Assert.Equal(["Avtale 26", "Avtale 27"], Titles(second));
        Assert.Equal("Viser 26–27 av 27 avtaler.", Text(second, "agreement-count"));
        Assert.Equal("/fylke/buskerud#avtaler", second.QuerySelector("[data-testid=agreement-pages] a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal(["Avtale 26", "Avtale 27"], Titles(await sigrid.GetPageAsync("/fylke/buskerud?side=99")));

        // By words in the title (any case), by status, by council; the page links keep the filter.
        Assert.Equal([.. Enumerable.Range(10, 10).Select(i => $"Avtale {i}")], Titles(await sigrid.GetPageAsync("/fylke/buskerud?sok=AVTALE%201")));
        Assert.Equal(["Avtale 05"], Titles(await sigrid.GetPageAsync("/fylke/buskerud?status=Signed")));
        var drafts = await sigrid.GetPageAsync("/fylke/buskerud?status=Draft");
        Assert.Equal("Viser 1–25 av 26 avtaler.", Text(drafts, "agreement-count"));
        Assert.Equal("/fylke/buskerud?status=Draft&side=2#avtaler", drafts.QuerySelector("[data-testid=agreement-pages] a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("selected", drafts.QuerySelector("#agreement-status option[value=Draft]")!.GetAttribute("selected"));
        var hallingdal = home.QuerySelectorAll("#agreement-council option").Single(o => o.TextContent.Contains("Hallingdal")).GetAttribute("value");
        Assert.Equal(25, Titles(await sigrid.GetPageAsync($"/fylke/buskerud?rad={hallingdal}")).Count);
        var none = await sigrid.GetPageAsync($"/fylke/buskerud?rad={Guid.NewGuid()}&status=Draft");
        Assert.Empty(Titles(none));
        Assert.StartsWith("Ingen avtaler passer med filteret.", Text(none, "agreement-count"));
        Assert.Equal("Viser 1 avtale.", Text(await sigrid.GetPageAsync("/fylke/buskerud?sok=Avtale%2005"), "agreement-count"));

        // The county's agreement page has the same list; nonsense in the query string shows the list unfiltered.
        var list = await sigrid.GetPageAsync("/fylke/buskerud/avtaler?side=2");
        Assert.Equal(["Avtale 26", "Avtale 27"], Titles(list));
        Assert.Equal(25, Titles(await sigrid.GetPageAsync("/fylke/buskerud/avtaler?side=x&status=nonsense")).Count);
        Assert.Equal(HttpStatusCode.OK, (await sigrid.GetAsync("/fylke/buskerud?side=-3")).StatusCode);
    }

    [Fact]
    public async Task TwoAgreementsOfTheSameTitle_AreToldApartByTheirPeriod_InTheCouncilsAndTheCountysLists()
    {
        Portal.Clock.Set(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        using (var lastYear = await Portal.SignedInAsync(Demo.HallingdalSecretary))
        {
            await DraftFromTemplateAsync(lastYear);
        }

        Portal.Clock.Set(new DateTimeOffset(2027, 1, 20, 9, 0, 0, TimeSpan.Zero));
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        await DraftFromTemplateAsync(kari);

        foreach (var (client, url) in new[] { (kari, CouncilList), (sigrid, "/fylke/buskerud") })
        {
            var page = await client.GetPageAsync(url);
            Assert.Equal([MissionsTemplateTitle, MissionsTemplateTitle], Titles(page));
            Assert.Equal(["Periode: 15.01.2026–31.12.2026", "Periode: 15.01.2027–31.12.2027"],
                page.QuerySelectorAll("[data-testid=agreement-period]").Select(p => p.TextContent.Trim()));
        }
    }

    private const string MissionsTemplateTitle = BioSirk.Portal.Agreements.Features.MissionsTemplate.Title;

    private static List<string> Titles(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=agreement-list] tbody tr td:first-child a").Select(a => a.TextContent.Trim())];

    private static string Text(IHtmlDocument page, string testId) =>
        page.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim().ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal);
}
