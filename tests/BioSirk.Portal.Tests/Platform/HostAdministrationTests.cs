using System.Net;
using BioSirk.Portal.Tests.Infrastructure;

namespace BioSirk.Portal.Tests.Platform;

public sealed class HostAdministrationTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task CreateCouncil_WithBadOrganisationNumberAndTakenSlug_ExplainsBothAndKeepsTheInput()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);

        var response = await host.SubmitAsync("/vert/rad/nytt", "main form", new()
        {
            ["Input.Name"] = "Regionrådet for Numedal",
            ["Input.Slug"] = "hallingdal",
            ["Input.OrganisationNumber"] = "975 576 468",
            ["Input.AdminName"] = "Åse Ødegård",
            ["Input.AdminEmail"] = "ase@numedal.no",
        });

        var page = await PortalClient.ReadAsync(response);
        Assert.Contains("9 siffer og gyldig kontrollsiffer", page.FieldError("Input.OrganisationNumber"));
        Assert.Contains("«hallingdal» er allerede i bruk", page.FieldError("Input.Slug"));
        Assert.Equal("975 576 468", page.FieldValue("Input.OrganisationNumber"));
        Assert.Equal("Åse Ødegård", page.FieldValue("Input.AdminName"));
    }

    [Fact]
    public async Task CreateCouncil_InvitesItsFirstAdminWhoCanThenAdministerIt()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);

        var response = await host.SubmitAsync("/vert/rad/nytt", "main form", new()
        {
            ["Input.Name"] = "Regionrådet for Numedal",
            ["Input.Slug"] = "numedal",
            ["Input.OrganisationNumber"] = "975 576 469",
            ["Input.AdminName"] = "Åse Ødegård",
            ["Input.AdminEmail"] = "ase@numedal.no",
        });

        var page = await PortalClient.ReadAsync(response);
        var link = new Uri(page.QuerySelector("[data-testid=invitation-link]")!.TextContent).AbsolutePath;
        using var ase = Portal.CreatePortalClient();
        await ase.SubmitAsync(link, "main form",
            new() { ["Input.FullName"] = "Åse Ødegård", ["Input.Password"] = "numedal-passord-1", ["Input.ConfirmPassword"] = "numedal-passord-1" });
        Assert.Equal(HttpStatusCode.OK, (await ase.GetAsync("/rad/numedal/admin/medlemmer")).StatusCode);
        Assert.Contains("Regionrådet for Numedal", (await host.GetPageAsync("/vert")).Body!.TextContent);
    }

    [Fact]
    public async Task CreateCounty_InvitesAnOfficerWhoSeesTheCounty()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);

        var page = await PortalClient.ReadAsync(await host.SubmitAsync("/vert/fylker/nytt", "main form", new()
        {
            ["Input.Name"] = "Østfold fylkeskommune",
            ["Input.Slug"] = "ostfold",
            ["Input.OfficerName"] = "Tor Ås",
            ["Input.OfficerEmail"] = "tor@ostfold.no",
        }));

        var link = new Uri(page.QuerySelector("[data-testid=invitation-link]")!.TextContent).AbsolutePath;
        using var tor = Portal.CreatePortalClient();
        await tor.SubmitAsync(link, "main form",
            new() { ["Input.FullName"] = "Tor Ås", ["Input.Password"] = "ostfold-passord-1", ["Input.ConfirmPassword"] = "ostfold-passord-1" });
        var county = await tor.GetPageAsync("/fylke/ostfold");
        Assert.Contains("Østfold fylkeskommune", county.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task CreatePartnership_NeedsAtLeastTwoCouncils()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        var form = await host.GetPageAsync("/vert/partnerskap/nytt");
        var hallingdalId = form.QuerySelectorAll("input[name='Input.TenantIds']")
            .First(i => form.QuerySelector($"label[for='{i.Id}']")!.TextContent.Contains("Hallingdal")).GetAttribute("value")!;

        var refused = await PortalClient.ReadAsync(await host.SubmitAsync("/vert/partnerskap/nytt", "main form",
            new() { ["Input.Name"] = "Buskerud-samarbeidet", ["Input.Slug"] = "buskerud-samarbeid", ["Input.TenantIds"] = hallingdalId }));

        Assert.Contains("minst to råd", refused.GetElementById("Input_TenantIds-error")!.TextContent);
        Assert.Equal("Buskerud-samarbeidet", refused.FieldValue("Input.Name"));
    }

    [Theory]
    [InlineData(Demo.HallingdalAdmin)]
    [InlineData(Demo.BuskerudOfficer)]
    public async Task HostPages_AreClosedToEveryoneElse(string email)
    {
        using var client = await Portal.SignedInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/vert")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/jobs")).StatusCode);
    }

    [Fact]
    public async Task JobDashboard_OpensForTheHostAdmin()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);

        var response = await host.GetAsync("/jobs/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("platform:expire-stale-invitations", await response.Content.ReadAsStringAsync());
    }
}
