using System.Net;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Platform;

/// <summary>
/// Rules that must hold however the forms are used: no two councils or counties share a name or an org.nr, a closed
/// council takes no newcomers, an expired invitation looks expired, and a council always keeps an administrator.
/// </summary>
public sealed class OrganisationAndMembershipIntegrityTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Members = "/rad/hallingdal/admin/medlemmer";

    [Fact]
    public async Task HostEditingACouncil_ToAnotherCouncilsNameOrNumber_IsRefusedBesideTheFields()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        var url = (await host.GetPageAsync("/vert")).QuerySelectorAll("a").Single(a => a.TextContent == "Hadeland").GetAttribute("href")!;

        var response = await host.SubmitAsync(url, "main form",
            new() { ["Input.Name"] = "regionrådet for hallingdal", ["Input.OrganisationNumber"] = "975 576 469", ["Input.IsActive"] = "true" });

        var page = await PortalClient.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Et råd med navnet «regionrådet for hallingdal» finnes allerede i portalen.", page.FieldError("Input.Name"));
        Assert.Equal("Organisasjonsnummeret er allerede registrert på Regionrådet for Hallingdal.", page.FieldError("Input.OrganisationNumber"));
        Assert.Equal("975 576 469", page.FieldValue("Input.OrganisationNumber"));
    }

    [Fact]
    public async Task HostEditingACounty_ToAnotherCountysName_IsRefused()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        var url = (await host.GetPageAsync("/vert")).QuerySelectorAll("a").Single(a => a.TextContent == "Innlandet fylkeskommune").GetAttribute("href")!;

        var page = await PortalClient.ReadAsync(await host.SubmitAsync(url, "main form", new() { ["Input.Name"] = "Buskerud fylkeskommune" }));

        Assert.Equal("Et fylke med navnet «Buskerud fylkeskommune» finnes allerede i portalen.", page.FieldError("Input.Name"));
    }

    [Fact]
    public async Task CouncilAdmin_SettingAnotherCouncilsNumber_IsRefused()
    {
        using var admin = await Portal.SignedInAsync(Demo.HadelandSecretary);

        var page = await PortalClient.ReadAsync(await admin.SubmitAsync("/rad/hadeland/admin/opplysninger", "main form",
            new() { ["Input.Name"] = "Hadeland", ["Input.OrganisationNumber"] = "975576469" }));

        Assert.Equal("Organisasjonsnummeret er allerede registrert på Regionrådet for Hallingdal.", page.FieldError("Input.OrganisationNumber"));
    }

    [Fact]
    public async Task AnInvitationToACouncilTheHostHasClosed_CannotBeUsed()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var sent = await admin.PageAfterAsync(await admin.SubmitAsync(Members, "form[action*=Invite]",
            new() { ["Input.FullName"] = "Liv Øyen", ["Input.Email"] = "liv@hallingdal.no", ["Input.Roles"] = "Member" }));
        var path = new Uri(sent.QuerySelector("[data-testid=invitation-link]")!.TextContent).AbsolutePath;
        using var liv = Portal.CreatePortalClient();
        var form = await liv.GetPageAsync(path); // opened before the host closed the council
        await Portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var council = await db.Tenants.SingleAsync(t => t.Slug == "hallingdal");
            council.IsActive = false;
            return await db.SaveChangesAsync();
        });

        var opened = await liv.GetPageAsync(path);
        var created = await liv.SubmitAsync(form, path, "main form",
            new() { ["Input.FullName"] = "Liv Øyen", ["Input.Password"] = "godt-passord-42", ["Input.ConfirmPassword"] = "godt-passord-42" });

        Assert.Equal("Invitasjonen kan ikke brukes", opened.QuerySelector("h1")!.TextContent);
        Assert.Contains("er stengt i portalen", opened.QuerySelector("[data-testid=invitation-council-closed]")!.TextContent);
        Assert.NotEqual(HttpStatusCode.Redirect, created.StatusCode);
        Assert.False(await Portal.WithScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().Users.AnyAsync(u => u.Email == "liv@hallingdal.no")));
    }

    [Fact]
    public async Task AnInvitationPastItsSevenDays_IsShownAsExpiredToTheCouncilAdmin_EvenBeforeTheNightlyJob()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        await admin.SubmitAsync(Members, "form[action*=Invite]",
            new() { ["Input.FullName"] = "Liv Øyen", ["Input.Email"] = "liv@hallingdal.no", ["Input.Roles"] = "Member" });

        Portal.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var page = await admin.GetPageAsync(Members);

        var row = page.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("liv@hallingdal.no", StringComparison.Ordinal));
        Assert.Contains("Utløpt", row.TextContent);
        Assert.Null(row.QuerySelector("form[action*=Revoke]"));
    }

    [Theory]
    [InlineData(false)] // each takes away her own role
    [InlineData(true)]  // each takes away the other's
    public async Task TwoAdminsRemovingTheAdminRoleAtOnce_LeaveTheCouncilWithAnAdmin(bool eachOther)
    {
        using var ingrid = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        // Kari (secretary) becomes an administrator too.
        var list = await ingrid.GetPageAsync(Members);
        string Url(string name) => list.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains(name, StringComparison.Ordinal)).QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.Redirect, (await ingrid.SubmitAsync(Url("Kari Nordby"), "main form",
            new() { ["Input.Roles"] = "TenantAdmin", ["Input.Roles#2"] = "Secretary", ["Input.IsActive"] = "true" })).StatusCode);
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var ingridForm = await ingrid.GetPageAsync(Url("Ingrid Haugen"));
        var kariForm = await kari.GetPageAsync(Url("Kari Nordby"));

        var (ingridTarget, kariTarget, kariPage) = eachOther
            ? (Url("Kari Nordby"), Url("Ingrid Haugen"), await kari.GetPageAsync(Url("Ingrid Haugen")))
            : (Url("Ingrid Haugen"), Url("Kari Nordby"), kariForm);
        var ingridPage = eachOther ? await ingrid.GetPageAsync(ingridTarget) : ingridForm;

        await Task.WhenAll(
            ingrid.SubmitAsync(ingridPage, ingridTarget, "main form", new() { ["Input.Roles"] = "Secretary", ["Input.IsActive"] = "true" }),
            kari.SubmitAsync(kariPage, kariTarget, "main form", new() { ["Input.Roles"] = "Secretary", ["Input.IsActive"] = "true" }));

        var admins = await Portal.WithScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().TenantMemberships.IgnoreQueryFilters()
            .Join(sp.GetRequiredService<PlatformDbContext>().Tenants.Where(t => t.Slug == "hallingdal"), m => m.TenantId, t => t.Id, (m, t) => m)
            .CountAsync(m => m.IsActive && (m.Roles & TenantRoles.TenantAdmin) == TenantRoles.TenantAdmin));
        Assert.True(admins >= 1, "no administrator left");
    }
}
