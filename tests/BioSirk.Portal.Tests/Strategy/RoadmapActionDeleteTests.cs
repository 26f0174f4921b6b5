using System.Net;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Strategy.RoadmapSteps;

namespace BioSirk.Portal.Tests.Strategy;

/// <summary>Deleting an action: the owner's secretary confirms, the change is logged, and the next version shows it removed.</summary>
public sealed class RoadmapActionDeleteTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task TheOwnersSecretary_DeletesAnAction_AndTheNextVersionShowsItRemoved_AndTheLogHasIt()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        var actionPath = await AddActionAsync(jon, basePath, "Befaring på Follum");
        await AddActionAsync(jon, basePath, "Forsøk med biokull");
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Freeze]", new() { ["Freeze.Label"] = "V1" }));

        var action = await jon.GetPageAsync(actionPath);
        var confirm = action.QuerySelector("details[data-testid=delete-action]")!;
        Assert.Equal("Slett tiltaket", confirm.QuerySelector("summary")!.TextContent);
        Assert.Equal("Ja, slett tiltaket Befaring på Follum", confirm.QuerySelector("button")!.TextContent);

        var deleted = await jon.SubmitAsync(actionPath, "form[action*=Delete]", new());
        await ExpectRedirectAsync(deleted);
        Assert.Equal(basePath + "/tiltak", deleted.Headers.Location!.OriginalString);
        var list = await jon.GetPageAsync(basePath + "/tiltak");
        Assert.Equal("Tiltaket «Befaring på Follum» er slettet.", list.QuerySelector("[role=status]")!.TextContent);
        Assert.DoesNotContain("Befaring på Follum", list.QuerySelector("table")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await jon.GetAsync(actionPath)).StatusCode);

        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Freeze]", new() { ["Freeze.Label"] = "V2" }));
        var versions = await jon.GetPageAsync(basePath + "/versjoner");
        var fromPrevious = versions.QuerySelectorAll("a").First(a => a.TextContent == "Endringer fra versjon 1").GetAttribute("href")!;
        var changes = await jon.GetPageAsync(fromPrevious);
        Assert.Equal("Endringer fra versjon 1 til versjon 2", changes.QuerySelector("h1")!.TextContent);
        var removed = Assert.Single(changes.QuerySelectorAll("li.change"));
        Assert.Equal("Removed", removed.GetAttribute("data-kind"));
        Assert.Equal("Fjernet tiltaket Befaring på Follum", System.Text.RegularExpressions.Regex.Replace(removed.TextContent.Trim(), @"\s+", " "));

        var audited = await Portal.WithScopeAsync(async sp => await sp.GetRequiredService<PlatformDbContext>().AuditEntries
            .Where(e => e.UserName == "Jon Aasen" && e.EntityType == "RoadmapAction").Select(e => e.Action.ToString()).ToListAsync());
        Assert.Contains("Deleted", audited);
    }

    [Fact]
    public async Task AnotherCouncilsSecretary_IsOfferedNoDelete_AndHerPostIsRefused()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        var basePath = await StartRoadmapAsync(jon);
        var actionPath = await AddActionAsync(jon, basePath, "Befaring på Follum");
        var asHadeland = actionPath.Replace("/rad/ringerike/", "/rad/hadeland/", StringComparison.Ordinal);

        Assert.Null((await marte.GetPageAsync(asHadeland)).QuerySelector("form[action*=Delete]"));
        var stamp = (await jon.FormValuesAsync(actionPath, "form[action*=Delete]"))["DeleteStamp"];
        var refused = await marte.PostWithTokenAsync(asHadeland + "?handler=Delete", new() { ["DeleteStamp"] = stamp });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await jon.GetAsync(actionPath)).StatusCode);
    }

    [Fact]
    public async Task DeletingAnActionChangedSinceThePageWasLoaded_IsRefused_AndTheSecondTryDeletesIt()
    {
        using var first = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var second = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(first);
        var actionPath = await AddActionAsync(first, basePath, "Befaring på Follum");
        var seen = await first.FormValuesAsync(actionPath, "form[action*=Delete]");

        var edit = await second.FormValuesAsync(actionPath + "/rediger", "main form");
        edit["Input.Title"] = "Befaring og råstofftester på Follum";
        await ExpectRedirectAsync(await second.PostFormAsync(actionPath + "/rediger", edit));
        var stale = await first.PostFormAsync(actionPath + "?handler=Delete", seen);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await PortalClient.ReadAsync(stale);
        Assert.StartsWith("Noen andre har endret tiltaket mens du så på det, så det er ikke slettet.", page.QuerySelector("#error-summary li")!.TextContent);
        Assert.Equal("Befaring og råstofftester på Follum", page.QuerySelector("h1")!.TextContent);

        await ExpectRedirectAsync(await first.SubmitAsync(actionPath, "form[action*=Delete]", new()));
        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync(actionPath)).StatusCode);
    }

    [Fact]
    public async Task AnActionLinkedToAnIndicator_IsKept_UntilTheLinkIsRemoved()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        var actionPath = await AddActionAsync(jon, basePath, "Forsøk med biokull");
        var indicator = await Indicators.IndicatorSteps.CreateAsync(jon, url: "/rad/ringerike/indikatorer/ny");
        await ExpectRedirectAsync(await jon.SubmitAsync(actionPath, "form[action*=Link]", new() { ["LinkTarget"] = $"Indicator:{indicator}" }));
        var action = await jon.GetPageAsync(actionPath);
        var stamp = action.QuerySelector("input[name='Progress.ConcurrencyStamp']")!.GetAttribute("value")!;
        Assert.Null(action.QuerySelector("form[action*=Delete]"));
        Assert.Equal("Tiltaket er koblet til indikatoren «Tonn biokull produsert». Fjern koblingen under «Koblinger» først, så tiltaket kan slettes.",
            action.QuerySelector("[data-testid=not-deletable]")!.TextContent);
        var refused = await PortalClient.ReadAsync(await jon.PostWithTokenAsync(actionPath + "?handler=Delete", new() { ["DeleteStamp"] = stamp }));
        Assert.Contains("Fjern koblingen under «Koblinger» først", refused.GetElementById("error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await jon.GetAsync(Indicators.IndicatorSteps.Url(indicator).Replace("hallingdal", "ringerike", StringComparison.Ordinal))).StatusCode);

        await ExpectRedirectAsync(await jon.SubmitAsync(actionPath, "form[action*=Unlink]", new()));
        await ExpectRedirectAsync(await jon.SubmitAsync(actionPath, "form[action*=Delete]", new()));
        Assert.Equal(HttpStatusCode.NotFound, (await jon.GetAsync(actionPath)).StatusCode);
    }
}
