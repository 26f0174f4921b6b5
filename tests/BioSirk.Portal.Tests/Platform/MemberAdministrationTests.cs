using System.Net;
using AngleSharp.Html.Dom;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Platform;

public sealed class MemberAdministrationTests(PortalFactory portal) : PortalTest(portal)
{
    private async Task<string> MemberUrl(PortalClient admin, string fullName)
    {
        var list = await admin.GetPageAsync("/rad/hallingdal/admin/medlemmer");
        var row = list.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains(fullName, StringComparison.Ordinal));
        return row.QuerySelector("a")!.GetAttribute("href")!;
    }

    [Fact]
    public async Task Deactivate_TakesAwayAccessToTheCouncilAtOnce()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        using var member = await Portal.SignedInAsync(Demo.HallingdalMember);
        var url = await MemberUrl(admin, "Ola Bakken");

        var saved = await admin.SubmitAsync(url, "main form", new() { ["Input.Roles"] = "Member" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/rad/hallingdal")).StatusCode);
        var list = await admin.GetPageAsync("/rad/hallingdal/admin/medlemmer");
        Assert.Contains("Deaktivert", list.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("Ola Bakken")).TextContent);

        // Signing in again, he is told why he has nowhere to go, not invited to ask for an invitation.
        using var again = await Portal.SignedInAsync(Demo.HallingdalMember);
        var frontDoor = await again.GetPageAsync("/");
        Assert.Equal("Tilgangen din er slått av: Regionrådet for Hallingdal", frontDoor.QuerySelector("[data-testid=deactivated-in] h2")!.TextContent);
        Assert.DoesNotContain("ikke medlem av noe råd", frontDoor.Body!.TextContent, StringComparison.Ordinal);

        // A link from an old notice into the council says the same, still as 404: nothing of the page is shown.
        var fromNotice = await again.GetAsync($"/rad/hallingdal/moter/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, fromNotice.StatusCode);
        var page = await PortalClient.ReadAsync(fromNotice);
        Assert.Equal("Tilgangen din er slått av", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("Administratoren i Regionrådet for Hallingdal har deaktivert deg som medlem.", page.QuerySelector("main")!.TextContent);
        Assert.Equal("Vi finner ikke siden", (await PortalClient.ReadAsync(await again.GetAsync("/rad/ringerike/avtaler"))).QuerySelector("main h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task ChangeRoles_MakesAMemberSecretaryAndTheAuditLogShowsOldAndNew()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var url = await MemberUrl(admin, "Ola Bakken");

        await admin.SubmitAsync(url, "main form", new() { ["Input.Roles"] = "Secretary", ["Input.IsActive"] = "true" });

        var audit = await admin.GetPageAsync("/rad/hallingdal/admin/logg?type=TenantMembership");
        var newest = audit.QuerySelector("[data-testid=audit-table] > tbody > tr")!;
        var change = newest.QuerySelectorAll(".audit-changes tbody tr").Single();
        Assert.Equal(["Roller", "medlem", "sekretariat"], change.QuerySelectorAll("td").Select(td => td.TextContent).ToArray());
        Assert.Contains("Ingrid Haugen", newest.TextContent);
        Assert.Contains("endret", newest.TextContent);
    }

    [Fact]
    public async Task AnInvitationSentAgain_HasANewLink_AndTheOldOneStopsWorking()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var sent = await admin.PageAfterAsync(await admin.SubmitAsync("/rad/hallingdal/admin/medlemmer", "form[action*=Invite]",
            new() { ["Input.FullName"] = "Liv Øyen", ["Input.Email"] = "liv@hallingdal.no", ["Input.Roles"] = "Member" }));
        var oldLink = sent.QuerySelector("[data-testid=invitation-link]")!.TextContent.Trim();

        var again = await admin.PageAfterAsync(await admin.SubmitAsync("/rad/hallingdal/admin/medlemmer", "form[action*=Renew]", []));
        var newLink = again.QuerySelector("[data-testid=invitation-link]")!.TextContent.Trim();

        Assert.NotEqual(oldLink, newLink);
        using var liv = Portal.CreatePortalClient();
        Assert.Equal("Invitasjonen kan ikke brukes", (await liv.GetPageAsync(oldLink)).QuerySelector("h1")!.TextContent);
        Assert.NotEqual("Invitasjonen kan ikke brukes", (await liv.GetPageAsync(newLink)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task AWithdrawnInvitation_IsLoggedWithWhoWasInvited_InWords()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        await admin.SubmitAsync("/rad/hallingdal/admin/medlemmer", "form[action*=Invite]",
            new() { ["Input.FullName"] = "Liv Øyen", ["Input.Email"] = "liv@hallingdal.no", ["Input.Roles"] = "Member" });
        await admin.SubmitAsync("/rad/hallingdal/admin/medlemmer", "form[action*=Revoke]", []);

        var newest = (await admin.GetPageAsync("/rad/hallingdal/admin/logg?type=Invitation")).QuerySelector("[data-testid=audit-table] > tbody > tr")!;
        Assert.Contains("Liv Øyen (liv@hallingdal.no)", newest.TextContent);
        var state = newest.QuerySelectorAll(".audit-changes tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent)));
        Assert.Contains("Tilstand | venter | trukket tilbake", state);
    }

    [Fact]
    public async Task TheChangeLog_NamesWhoseMembershipChanged_WritesNumbersTheNorwegianWay_AndSaysWhenTheDatesAreReversed()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        await admin.SubmitAsync(await MemberUrl(admin, "Ola Bakken"), "main form", new() { ["Input.Roles"] = "Member" });

        var membership = (await admin.GetPageAsync("/rad/hallingdal/admin/logg?type=TenantMembership")).QuerySelector("[data-testid=audit-table] > tbody > tr")!;
        Assert.Contains("Medlemskap: Ola Bakken", membership.TextContent, StringComparison.Ordinal);

        // A measurement keeps every decimal and its thousands in the log, as on the indicator's page.
        var indicator = await Indicators.IndicatorSteps.CreateAsync(kari);
        await Agreements.AgreementSteps.ExpectRedirectAsync(await Indicators.IndicatorSteps.MeasureAsync(kari, Indicators.IndicatorSteps.Url(indicator), "2026-02-20", "1 500,2345"));
        var measured = (await admin.GetPageAsync("/rad/hallingdal/admin/logg?type=Measurement")).QuerySelector("[data-testid=audit-table] > tbody > tr")!;
        Assert.Contains(["Verdi", "–", "1 500,2345"], measured.QuerySelectorAll(".audit-changes tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()));

        var reversed = await admin.GetPageAsync("/rad/hallingdal/admin/logg?from=2026-12-31&to=2026-01-01");
        Assert.Equal("Til-datoen er før fra-datoen. Bytt dem om.", reversed.GetElementById("to-error")!.TextContent.Trim());
        Assert.Equal("to-format to-error", reversed.GetElementById("to")!.GetAttribute("aria-describedby"));
        Assert.Equal("31.12.2026", reversed.GetElementById("from")!.GetAttribute("value"));

        // Dates are written the Norwegian way; one that is no date is said beside its field, as typed, not dropped in silence.
        var typedWrong = await admin.GetPageAsync("/rad/hallingdal/admin/logg?from=31.02.2026&to=1.3.2026");
        Assert.Equal("«31.02.2026» er ikke en gyldig dato. Skriv datoen som dd.mm.åååå.", typedWrong.GetElementById("from-error")!.TextContent.Trim());
        Assert.Equal("31.02.2026", typedWrong.GetElementById("from")!.GetAttribute("value"));
        Assert.Equal("01.03.2026", typedWrong.GetElementById("to")!.GetAttribute("value"));
        Assert.Null(typedWrong.GetElementById("to-error"));
    }

    [Fact]
    public async Task TwoAdminsEditingTheSameMember_SecondGetsAConflictMessageAndKeepsHerChoice()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var url = await MemberUrl(admin, "Ola Bakken");
        var staleForm = await admin.GetPageAsync(url);
        var staleStamp = ((IHtmlInputElement)staleForm.QuerySelector("input[name='Input.ConcurrencyStamp']")!).Value;

        await admin.SubmitAsync(url, "main form", new() { ["Input.Roles"] = "Secretary", ["Input.IsActive"] = "true" });
        var second = await admin.PostWithTokenAsync(url, new()
        {
            ["Input.Roles"] = "TenantAdmin",
            ["Input.IsActive"] = "true",
            ["Input.ConcurrencyStamp"] = staleStamp,
        });

        var page = await PortalClient.ReadAsync(second);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Noen andre har lagret endringer i rollene til Ola Bakken mens du arbeidet", page.GetElementById("error-summary")!.TextContent);
        Assert.True(page.QuerySelector("#role-TenantAdmin")!.HasAttribute("checked"));
        Assert.False(page.QuerySelector("#role-Secretary")!.HasAttribute("checked"));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, PortalClient.FormValues(page, "main form"))).StatusCode);
        var saved = await admin.GetPageAsync(url);
        Assert.True(saved.QuerySelector("#role-TenantAdmin")!.HasAttribute("checked"));
        Assert.False(saved.QuerySelector("#role-Secretary")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task LastAdmin_CannotRemoveHerOwnAdminRole()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var url = await MemberUrl(admin, "Ingrid Haugen");

        var response = await admin.SubmitAsync(url, "main form", new() { ["Input.Roles"] = "Member", ["Input.IsActive"] = "true" });

        var page = await PortalClient.ReadAsync(response);
        Assert.Contains("Rådet må ha minst én aktiv administrator", page.GetElementById("error-summary")!.TextContent);
    }

    [Fact]
    public async Task TheChangeLogsPageLinks_KeepTheFilterAsTyped_EvenWithAnAmpersandInIt()
    {
        var hallingdal = await Portal.WithScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().Tenants.Where(t => t.Slug == "hallingdal").Select(t => t.Id).SingleAsync());
        await Portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            AuditEntry Entry(string by, int n) => new()
            {
                AtUtc = Portal.Clock.GetUtcNow().UtcDateTime.AddMinutes(-n), TenantId = hallingdal, UserName = by,
                EntityType = "Agreement", EntityId = Guid.NewGuid().ToString(), Action = AuditAction.Updated, Changes = "{}",
            };
            db.AuditEntries.AddRange(Enumerable.Range(1, 60).Select(n => Entry("Berg & Dal Rådgivning", n)));
            db.AuditEntries.AddRange(Enumerable.Range(1, 30).Select(n => Entry("Bergsland", n)));
            return await db.SaveChangesAsync();
        });
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);

        var first = await admin.GetPageAsync("/rad/hallingdal/admin/logg?user=" + Uri.EscapeDataString("Berg & Dal"));
        var next = first.QuerySelectorAll("a.page-link").Single(a => a.TextContent == "2").GetAttribute("href")!;
        var second = await admin.GetPageAsync("/rad/hallingdal/admin/logg" + next);

        Assert.Equal(50, first.QuerySelectorAll("[data-testid=audit-table] > tbody > tr").Length);
        Assert.Equal(10, second.QuerySelectorAll("[data-testid=audit-table] > tbody > tr").Length);
        Assert.Equal("Berg & Dal", second.QuerySelector("#user")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AuditLog_OfACouncil_ShowsNoEntriesOfAnotherCouncil()
    {
        using var hadeland = await Portal.SignedInAsync(Demo.HadelandSecretary);
        await hadeland.SubmitAsync("/rad/hadeland/admin/medlemmer", "form[action*=Invite]",
            new() { ["Input.FullName"] = "Hemmelig Person", ["Input.Email"] = "hemmelig@hadeland.no", ["Input.Roles"] = "Member" });
        using var hallingdal = await Portal.SignedInAsync(Demo.HallingdalAdmin);

        var audit = await hallingdal.GetPageAsync("/rad/hallingdal/admin/logg");

        Assert.DoesNotContain("hemmelig@hadeland.no", audit.Body!.TextContent);
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        Assert.Contains("hemmelig@hadeland.no", (await host.GetPageAsync("/vert/logg")).Body!.TextContent);
    }

    [Fact]
    public async Task MemberPage_RoleErrors_StandBesideTheRoles_AndTheSummaryLinksToTheGroup()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var olaUrl = await MemberUrl(admin, "Ola Bakken");
        var ownUrl = await MemberUrl(admin, "Ingrid Haugen");

        var none = await PortalClient.ReadAsync(await admin.SubmitAsync(olaUrl, "main form", new() { ["Input.IsActive"] = "true" }));
        var ownAdmin = await PortalClient.ReadAsync(await admin.SubmitAsync(ownUrl, "main form", new() { ["Input.Roles"] = "Member", ["Input.IsActive"] = "true" }));

        foreach (var (page, message) in new[] { (none, "Velg minst én rolle, eller deaktiver kontoen."), (ownAdmin, "Rådet må ha minst én aktiv administrator. Gi en annen person administratorrollen først.") })
        {
            Assert.Equal(message, page.GetElementById("Input_Roles-error")!.TextContent.Trim());
            var group = page.GetElementById("Input_Roles")!;
            Assert.Equal("FIELDSET", group.TagName);
            Assert.Equal("Input_Roles-error", group.GetAttribute("aria-describedby"));
            Assert.Equal("Roller", group.QuerySelector("legend")!.TextContent);
            Assert.Equal("-1", group.GetAttribute("tabindex")); // the summary's link can move the focus to it
            Assert.Equal("#Input_Roles", page.QuerySelector("#error-summary a")!.GetAttribute("href"));
            Assert.All(group.QuerySelectorAll("input[type=checkbox]"), box => Assert.Equal("true", box.GetAttribute("aria-invalid")));
        }

        Assert.True(ownAdmin.QuerySelector("#role-Member")!.HasAttribute("checked")); // what she ticked is kept
        Assert.False(ownAdmin.QuerySelector("#role-TenantAdmin")!.HasAttribute("checked"));
        Assert.Null((await admin.GetPageAsync(olaUrl)).GetElementById("Input_Roles")!.GetAttribute("aria-describedby"));
    }
}
