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

    /// <summary>The host admin approves, on her page, what the councils have asked for.</summary>
    private async Task ApproveAllAsync()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        var page = await host.GetPageAsync("/vert");
        foreach (var form in page.QuerySelectorAll("[data-testid=entra-requests] form[action*='handler=ApproveEntra']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await host.PostWithTokenAsync(form.GetAttribute("action")!)).StatusCode);
        }
    }

    /// <summary>Hallingdal connected with hallingdal.no, approved; then the admin adds <paramref name="domain"/>, which waits.</summary>
    private async Task ApprovedThenAddedAsync(PortalClient admin, string domain)
    {
        await admin.SubmitAsync(HallingdalPage, "[data-testid=entra-form]", Fields(Tid, "hallingdal.no"));
        await ApproveAllAsync();
        await admin.SubmitAsync(HallingdalPage, "[data-testid=entra-form]", Fields(Tid, $"hallingdal.no, {domain}"));
    }

    [Fact]
    public async Task TenantAdmin_ConnectsTheCouncil_TheHostAdminApproves_ThenTheDirectoryFindsItByTid_AndTheAuditLogHasIt()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        Assert.Contains("Ikke koblet", (await admin.GetPageAsync(HallingdalPage)).QuerySelector("[data-testid=entra-state]")!.TextContent);

        var saved = await admin.SubmitAsync(HallingdalPage, "[data-testid=entra-form]", Fields(Tid.ToUpperInvariant(), "Hallingdal.no, gol.kommune.no"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await admin.GetPageAsync(HallingdalPage);
        Assert.Contains("Vertsadministratoren har fått beskjed og må godkjenne den", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("Venter på godkjenning fra vertsadministratoren: hallingdal.no, gol.kommune.no", page.QuerySelector("[data-testid=entra-pending]")!.TextContent);
        Assert.Contains("kan ingen logge inn med Microsoft her", page.QuerySelector("[data-testid=entra-pending]")!.TextContent);
        Assert.Equal(Tid, page.FieldValue("Input.EntraTenantId"));
        Assert.Equal("hallingdal.no, gol.kommune.no", page.FieldValue("Input.AllowedDomains"));
        Assert.Null(await FindAsync(Tid));

        await ApproveAllAsync();

        page = await admin.GetPageAsync(HallingdalPage);
        Assert.Contains("Koblet til Entra ID", page.QuerySelector("[data-testid=entra-state]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=entra-pending]"));
        Assert.Contains("Vertsadministratoren har godkjent koblingen til Entra ID", (await admin.GetPageAsync("/varsler")).Body!.TextContent);
        var owner = await FindAsync(Tid);
        Assert.NotNull(owner);
        Assert.Equal(("hallingdal", false), (owner.Slug, owner.IsCounty));
        Assert.Equal(["hallingdal.no", "gol.kommune.no"], owner.AllowedDomains);
        var audit = await admin.GetPageAsync("/rad/hallingdal/admin/logg?type=EntraConnection");
        var rows = audit.QuerySelectorAll("[data-testid=audit-table] > tbody > tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count); // asked for by the council's admin, approved by the host admin
        Assert.Contains("Vera Vertsen", rows[0]);
        Assert.Contains("Godkjente domener", rows[0]);
        Assert.Contains(Tid, rows[1]);
        Assert.Contains("Ingrid Haugen", rows[1]);
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

        await ApproveAllAsync();
        Assert.Equal("hadeland", (await FindAsync(Tid))!.Slug);
    }

    [Fact]
    public async Task ADomainAddedLater_WaitsForTheHostAdmin_WhileTheApprovedOnesWork_AndARejectionKeepsWhatWasApproved()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);

        await ApprovedThenAddedAsync(admin, "buskerud.no");

        Assert.Equal(["hallingdal.no"], (await FindAsync(Tid))!.AllowedDomains);
        var pending = (await admin.GetPageAsync(HallingdalPage)).QuerySelector("[data-testid=entra-pending]")!.TextContent;
        Assert.Contains("Venter på godkjenning fra vertsadministratoren: buskerud.no", pending);
        Assert.Contains("kan bare personer med e-post i hallingdal.no logge inn", pending);

        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        var hostPage = await host.GetPageAsync("/vert");
        var row = Assert.Single(hostPage.QuerySelectorAll("[data-testid=entra-requests] tbody tr"));
        Assert.Contains("Regionrådet for Hallingdal", row.TextContent);
        Assert.Contains("buskerud.no", row.Children[2].TextContent);
        Assert.Contains("hallingdal.no", row.Children[3].TextContent);
        Assert.Contains("Regionrådet for Hallingdal har koblet til en Entra-leietaker eller lagt til e-postdomener", (await host.GetPageAsync("/varsler")).Body!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await host.PostWithTokenAsync(row.QuerySelector("form[action*='handler=RejectEntra']")!.GetAttribute("action")!)).StatusCode);

        Assert.Equal(["hallingdal.no"], (await FindAsync(Tid))!.AllowedDomains);
        var after = await admin.GetPageAsync(HallingdalPage);
        Assert.Equal("hallingdal.no", after.FieldValue("Input.AllowedDomains"));
        Assert.Null(after.QuerySelector("[data-testid=entra-pending]"));
        Assert.Null((await host.GetPageAsync("/vert")).QuerySelector("[data-testid=entra-requests]"));
    }

    [Fact]
    public async Task AnApprovalOfAConnectionTheCouncilChangedMeanwhile_IsNotTaken_AndTheHostAdminIsToldToLookAgain()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        await admin.SubmitAsync(HallingdalPage, "[data-testid=entra-form]", Fields(Tid, "hallingdal.no"));
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        var approve = (await host.GetPageAsync("/vert")).QuerySelector("[data-testid=entra-requests] form[action*='handler=ApproveEntra']")!.GetAttribute("action")!;

        await admin.SubmitAsync(HallingdalPage, "[data-testid=entra-form]", Fields(Tid, "hallingdal.no, buskerud.no"));
        var answer = await host.PostWithTokenAsync(approve);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Contains("Rådet har endret koblingen etter at du åpnet siden", (await host.GetPageAsync("/vert")).QuerySelector(".alert-warning")!.TextContent);
        Assert.Null(await FindAsync(Tid));
        Assert.Equal(HttpStatusCode.NotFound, (await host.PostWithTokenAsync($"/vert?handler=ApproveEntra&connectionId={Guid.NewGuid()}&stamp=x")).StatusCode);
    }

    [Fact]
    public async Task TheHostAdminsListOfCouncils_SaysWhichSignInWithMicrosoftAndFromWhichDomains()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        await ApprovedThenAddedAsync(admin, "gol.kommune.no");
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);

        var councils = (await host.GetPageAsync("/vert")).QuerySelectorAll("[data-testid=council-entra]")
            .ToDictionary(cell => cell.ParentElement!.QuerySelector("a")!.TextContent, cell => Squash(cell.TextContent));

        Assert.Equal("hallingdal.no Venter på godkjenning", councils["Regionrådet for Hallingdal"]);
        Assert.Equal("Ikke koblet", councils["Hadeland"]);
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    [Theory]
    [InlineData(Demo.HallingdalAdmin)]
    [InlineData(Demo.BuskerudOfficer)]
    public async Task OnlyTheHostAdmin_MayApproveACouncilsConnection(string email)
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        await admin.SubmitAsync(HallingdalPage, "[data-testid=entra-form]", Fields(Tid, "hallingdal.no"));
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        var approve = (await host.GetPageAsync("/vert")).QuerySelector("[data-testid=entra-requests] form[action*='handler=ApproveEntra']")!.GetAttribute("action")!;
        using var person = await Portal.SignedInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await person.PostWithTokenAsync(approve)).StatusCode);
        Assert.Null(await FindAsync(Tid));
    }

    [Fact]
    public async Task Disconnect_RemovesTheConnection_AndTheTidCanThenBeUsedElsewhere()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        await admin.SubmitAsync(HallingdalPage, "[data-testid=entra-form]", Fields(Tid, "hallingdal.no"));
        await ApproveAllAsync();
        Assert.NotNull(await FindAsync(Tid));

        var removed = await admin.SubmitAsync(HallingdalPage, "[data-testid=entra-disconnect]", []);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(await FindAsync(Tid));
        Assert.Contains("Koblingen til Entra ID er fjernet", (await admin.GetPageAsync(HallingdalPage)).Body!.TextContent);
        var audit = await admin.GetPageAsync("/rad/hallingdal/admin/logg?type=EntraConnection");
        var entries = audit.QuerySelectorAll("[data-testid=audit-table] > tbody > tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, entries.Count); // connected, approved by the host admin, removed
        Assert.Contains(entries, e => e.Contains("Vera Vertsen", StringComparison.Ordinal));
        using var hadeland = await Portal.SignedInAsync(Demo.HadelandSecretary);
        await hadeland.SubmitAsync("/rad/hadeland/admin/entra", "[data-testid=entra-form]", Fields(Tid, "hadeland.no"));
        await ApproveAllAsync();
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
        Assert.Equal(Tid, (await admin.FormValuesAsync(HallingdalPage, "[data-testid=entra-form]"))["Input.EntraTenantId"]);

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
