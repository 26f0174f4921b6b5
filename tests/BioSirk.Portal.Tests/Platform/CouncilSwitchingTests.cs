using System.Net;
using BioSirk.Portal.Tests.Infrastructure;

namespace BioSirk.Portal.Tests.Platform;

public sealed class CouncilSwitchingTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task PersonInTwoCouncils_SeesBothInTheSwitcherAndOpensEither()
    {
        using var client = await Portal.SignedInAsync(Demo.TwoCouncilMember);

        var chooser = await client.GetPageAsync("/");
        var links = chooser.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/rad/hadeland", links);
        Assert.Contains("/rad/gjovik", links);

        var hadeland = await client.GetPageAsync("/rad/hadeland");
        Assert.Contains("Hadeland", hadeland.QuerySelector("[data-testid=current-place]")!.TextContent);
        var switcher = hadeland.QuerySelectorAll(".place-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/rad/gjovik", "/rad/hadeland"], switcher.Order().ToList());

        var gjovik = await client.GetPageAsync("/rad/gjovik");
        Assert.Contains("Gjøvikregionen", gjovik.QuerySelector("[data-testid=current-place]")!.TextContent);
    }

    [Fact]
    public async Task StartPage_SaysHerRolesAsASentence()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        using var secretary = await Portal.SignedInAsync(Demo.RingerikeSecretary);

        Assert.Equal("Du er administrator og medlem i rådet.", (await admin.GetPageAsync("/rad/hallingdal")).QuerySelector("[data-testid=my-roles]")!.TextContent);
        Assert.Equal("Du er administrator og sekretariat i rådet.", (await secretary.GetPageAsync("/rad/ringerike")).QuerySelector("[data-testid=my-roles]")!.TextContent);
    }

    [Fact]
    public async Task FrontDoor_RemembersTheLastCouncil()
    {
        using var client = await Portal.SignedInAsync(Demo.TwoCouncilMember);
        await client.GetPageAsync("/rad/gjovik");

        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/rad/gjovik", home.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task PastedLink_OpensTheSameCouncilPageForAColleague()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        using var colleague = await Portal.SignedInAsync(Demo.HallingdalSecretary);

        var page = await colleague.GetPageAsync("/rad/hallingdal");

        Assert.Contains("Regionrådet for Hallingdal", page.QuerySelector("[data-testid=current-place]")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/rad/hallingdal/admin/medlemmer")).StatusCode);
    }

    [Theory]
    [InlineData(Demo.HadelandSecretary, "/rad/hallingdal")]
    [InlineData(Demo.HallingdalSecretary, "/rad/hadeland/admin/medlemmer")]
    [InlineData(Demo.HallingdalSecretary, "/fylke/buskerud")]
    [InlineData(Demo.InnlandetOfficer, "/fylke/buskerud")]
    [InlineData(Demo.BuskerudOfficer, "/rad/hallingdal")]
    [InlineData(Demo.HallingdalSecretary, "/rad/finnes-ikke")]
    public async Task PlaceThePersonDoesNotBelongTo_Answers404(string email, string url)
    {
        using var client = await Portal.SignedInAsync(email);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await PortalClient.ReadAsync(response);
        Assert.Equal("Vi finner ikke siden", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Member_OnAnAdminPage_IsToldSheHasNoAccess()
    {
        using var client = await Portal.SignedInAsync(Demo.HallingdalMember);

        var response = await client.GetAsync("/rad/hallingdal/admin/medlemmer");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await PortalClient.ReadAsync(response);
        Assert.Equal("Du har ikke tilgang til denne siden", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task LanguageSwitch_ShowsTheInterfaceInEnglishAndBack()
    {
        using var client = await Portal.SignedInAsync(Demo.HallingdalSecretary);

        var switched = await client.SubmitAsync("/rad/hallingdal", "form[data-testid=language-switch]", new() { ["culture"] = "en-GB", ["returnUrl"] = "/rad/hallingdal" });
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);

        var page = await client.GetPageAsync("/rad/hallingdal");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Skip to main content", page.QuerySelector(".skip-link")!.TextContent);
        Assert.Contains("Log out", page.QuerySelector("header form button")!.TextContent);
    }
}
