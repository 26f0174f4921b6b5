using System.Net;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Platform;

public sealed class EntraConnectionPageTests(PortalFactory portal) : PortalTest(portal)
{
    private const string HallingdalPage = "/rad/hallingdal/admin/entra";
    private const string Tid = "3b1e6a52-57a4-4c5e-9d0b-1f4a2a9e7c11";

    private Task<EntraOwner?> FindAsync(string tid) =>
        Portal.WithScopeAsync(sp => sp.GetRequiredService<IEntraDirectory>().FindAsync(Guid.Parse(tid)));

    private Task<Guid> CountyIdAsync(string slug) =>
        Portal.WithScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().Counties.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());

    private static Dictionary<string, string> Fields(string tid, string domains) =>
        new() { ["Input.EntraTenantId"] = tid, ["Input.AllowedDomains"] = domains };

    [Fact]
    public async Task TenantAdmin_ConnectsTheCouncil_TheDirectoryFindsItByTid_AndTheAuditLogHasIt()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        Assert.Contains("Ikke koblet", (await admin.GetPageAsync(HallingdalPage)).QuerySelector("[data-testid=entra-state]")!.TextContent);

        var saved = await admin.SubmitAsync(HallingdalPage, "[data-testid=entra-form]", Fields(Tid.ToUpperInvariant(), "Hallingdal.no, gol.kommune.no"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await admin.GetPageAsync(HallingdalPage);
        Assert.Contains("Koblet til Entra ID", page.QuerySelector("[data-testid=entra-state]")!.TextContent);
        Assert.Equal(Tid, page.FieldValue("Input.EntraTenantId"));
        Assert.Equal("hallingdal.no, gol.kommune.no", page.FieldValue("Input.AllowedDomains"));
        var owner = await FindAsync(Tid);
        Assert.NotNull(owner);
        Assert.Equal(("hallingdal", false), (owner.Slug, owner.IsCounty));
        Assert.Equal(["hallingdal.no", "gol.kommune.no"], owner.AllowedDomains);
        var audit = await admin.GetPageAsync("/rad/hallingdal/admin/logg?type=EntraConnection");
        var newest = audit.QuerySelector("[data-testid=audit-table] > tbody > tr")!;
        Assert.Contains(Tid, newest.TextContent);
        Assert.Contains("Ingrid Haugen", newest.TextContent);
    }

    [Fact]
    public async Task BadInput_ShowsNorwegianMessagesBesideTheFields_AndKeepsWhatWasTyped()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);

        var response = await admin.SubmitAsync(HallingdalPage, "[data-testid=entra-form]", Fields("ikke-en-guid", "hallingdal"));

        var page = await PortalClient.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Skriv Entra-leietakerens ID", page.FieldError("Input.EntraTenantId"));
        Assert.Contains("«hallingdal» er ikke et e-postdomene", page.FieldError("Input.AllowedDomains"));
        Assert.Equal("ikke-en-guid", page.FieldValue("Input.EntraTenantId"));
        Assert.Equal("hallingdal", page.FieldValue("Input.AllowedDomains"));
        Assert.NotNull(page.GetElementById("error-summary"));
        Assert.Null(await FindAsync(Tid));
    }

    [Fact]
    public async Task ATidConnectedByAnotherCouncilOrCounty_IsRefused_WithoutSayingWhoHasIt()
    {
        using var hadeland = await Portal.SignedInAsync(Demo.HadelandSecretary); // admin of Hadeland
        await hadeland.SubmitAsync("/rad/hadeland/admin/entra", "[data-testid=entra-form]", Fields(Tid, "hadeland.no"));
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        var buskerudPage = $"/vert/fylker/{await CountyIdAsync("buskerud")}/entra";

        var council = await PortalClient.ReadAsync(
            await admin.SubmitAsync(HallingdalPage, "[data-testid=entra-form]", Fields(Tid, "hallingdal.no")));
        var county = await PortalClient.ReadAsync(
            await host.SubmitAsync(buskerudPage, "[data-testid=entra-form]", Fields(Tid, "bfk.no")));

        foreach (var page in new[] { council, county })
        {
            var error = page.FieldError("Input.EntraTenantId");
            Assert.Contains("allerede koblet til et annet råd eller fylke", error);
            Assert.DoesNotContain("hadeland", page.GetElementById("error-summary")!.TextContent + error, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(Tid, page.FieldValue("Input.EntraTenantId"));
        }

        Assert.Equal("hadeland", (await FindAsync(Tid))!.Slug);
    }

    [Fact]
    public async Task Disconnect_RemovesTheConnection_AndTheTidCanThenBeUsedElsewhere()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        await admin.SubmitAsync(HallingdalPage, "[data-testid=entra-form]", Fields(Tid, "hallingdal.no"));

        var removed = await admin.SubmitAsync(HallingdalPage, "[data-testid=entra-disconnect]", []);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(await FindAsync(Tid));
        Assert.Contains("Koblingen til Entra ID er fjernet", (await admin.GetPageAsync(HallingdalPage)).Body!.TextContent);
        var audit = await admin.GetPageAsync("/rad/hallingdal/admin/logg?type=EntraConnection");
        Assert.Equal(2, audit.QuerySelectorAll("[data-testid=audit-table] > tbody > tr").Length);
        using var hadeland = await Portal.SignedInAsync(Demo.HadelandSecretary);
        await hadeland.SubmitAsync("/rad/hadeland/admin/entra", "[data-testid=entra-form]", Fields(Tid, "hadeland.no"));
        Assert.Equal("hadeland", (await FindAsync(Tid))!.Slug);
    }

    [Fact]
    public async Task TwoAdminsConnectingAtOnce_TheSecondGetsAConflictMessageAndKeepsHerInput()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var stale = await admin.FormValuesAsync(HallingdalPage, "[data-testid=entra-form]");
        await admin.SubmitAsync(HallingdalPage, "[data-testid=entra-form]", Fields(Tid, "hallingdal.no"));

        var second = await admin.PostWithTokenAsync(HallingdalPage + "?handler=Save", new()
        {
            ["Input.EntraTenantId"] = "9c2f4d1e-0b7a-4e55-8a61-2f3c4d5e6f70",
            ["Input.AllowedDomains"] = "gol.kommune.no",
            ["Input.ConcurrencyStamp"] = stale.GetValueOrDefault("Input.ConcurrencyStamp", ""),
        });

        var page = await PortalClient.ReadAsync(second);
        Assert.Contains("Noen andre har lagret endringer i koblingen til Entra ID mens du arbeidet", page.GetElementById("error-summary")!.TextContent);
        Assert.Equal("gol.kommune.no", page.FieldValue("Input.AllowedDomains"));
        Assert.NotNull(await FindAsync(Tid));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(HallingdalPage + "?handler=Save", PortalClient.FormValues(page, "[data-testid=entra-form]"))).StatusCode);
        Assert.Equal("gol.kommune.no", (await admin.FormValuesAsync(HallingdalPage, "[data-testid=entra-form]"))["Input.AllowedDomains"]);
    }

    [Fact]
    public async Task HostAdmin_ConnectsACounty_ForItsOfficers()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        var hostPage = await host.GetPageAsync("/vert");
        var link = hostPage.QuerySelectorAll("a").First(a => a.TextContent.Contains("Buskerud fylkeskommune") && a.GetAttribute("href")!.EndsWith("/entra"));

        var saved = await host.SubmitAsync(link.GetAttribute("href")!, "[data-testid=entra-form]", Fields(Tid, "bfk.no"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var owner = await FindAsync(Tid);
        Assert.Equal(("buskerud", true), (owner!.Slug, owner.IsCounty));
        Assert.Contains(Tid, (await host.GetPageAsync("/vert/logg")).Body!.TextContent);
    }

    [Theory]
    [InlineData(Demo.HallingdalSecretary)]
    [InlineData(Demo.HallingdalMember)]
    public async Task OnlyTheTenantAdmin_MayOpenOrChangeTheCouncilsConnection(string email)
    {
        using var person = await Portal.SignedInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync(HallingdalPage)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.PostWithTokenAsync(HallingdalPage + "?handler=Save", Fields(Tid, "hallingdal.no"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.PostWithTokenAsync(HallingdalPage + "?handler=Disconnect")).StatusCode);
        Assert.Null(await FindAsync(Tid));
    }

    [Theory]
    [InlineData(Demo.BuskerudOfficer)]
    [InlineData(Demo.HallingdalAdmin)]
    public async Task OnlyTheHostAdmin_MayConnectACounty(string email)
    {
        using var person = await Portal.SignedInAsync(email);
        var page = $"/vert/fylker/{await CountyIdAsync("buskerud")}/entra";

        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.PostWithTokenAsync(page + "?handler=Save", Fields(Tid, "bfk.no"))).StatusCode);
        Assert.Null(await FindAsync(Tid));
    }

    [Fact]
    public async Task AnUnknownCounty_Answers404ToTheHostAdmin()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);

        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync($"/vert/fylker/{Guid.NewGuid()}/entra")).StatusCode);
    }
}
