using System.Net;
using AngleSharp.Html.Dom;
using BioSirk.Portal.Tests.Infrastructure;

namespace BioSirk.Portal.Tests.Platform;

/// <summary>The host admin sees, sends again, revokes and makes the invitations of a council's administrators and a county's officers.</summary>
public sealed class HostInvitationTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task SendAgain_GivesANewLink_TheOldLinkStopsWorking_AndTheNewOneMakesTheAdmin()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        var (councilUrl, oldLink) = await CreateNumedalAsync(host);
        var council = await host.GetPageAsync(councilUrl);
        Assert.Contains("Åse Ødegård", InvitationRow(council, "ase@numedal.no"));
        Assert.NotNull(council.QuerySelector("[data-testid=no-active-administrator]")); // she has not answered yet
        var renewed = await host.SubmitAsync(councilUrl, "form[action*=Renew]", []);

        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        var receipt = await host.PageAfterAsync(renewed);
        Assert.StartsWith("Invitasjonen er sendt på nytt til ase@numedal.no. Den gamle lenken virker ikke lenger.",
            receipt.QuerySelector("[data-testid=invitation-sent] p")!.TextContent.Trim());
        var newLink = new Uri(receipt.QuerySelector("[data-testid=invitation-link]")!.TextContent).AbsolutePath;
        Assert.NotEqual(oldLink, newLink);
        Assert.Single(receipt.QuerySelectorAll("[data-testid=host-invitations] tbody tr")); // the same invitation, not a second one

        using var ase = Portal.CreatePortalClient();
        Assert.Equal("Invitasjonen kan ikke brukes", (await ase.GetPageAsync(oldLink)).QuerySelector("h1")!.TextContent);
        Assert.Equal("Invitasjon til Regionrådet for Numedal", (await ase.GetPageAsync(newLink)).QuerySelector("h1")!.TextContent);
        await ase.SubmitAsync(newLink, "main form",
            new() { ["Input.FullName"] = "Åse Ødegård", ["Input.Password"] = "numedal-passord-1", ["Input.ConfirmPassword"] = "numedal-passord-1" });
        Assert.Equal(HttpStatusCode.OK, (await ase.GetAsync("/rad/numedal/admin/medlemmer")).StatusCode);

        var after = await host.GetPageAsync(councilUrl);
        Assert.Null(after.QuerySelector("[data-testid=no-active-administrator]"));
        Assert.Contains("Ingen invitasjoner venter på svar.", after.QuerySelector("[data-testid=host-invitations]")!.TextContent);
    }

    [Fact]
    public async Task ACouncilWhoseAdminNeverAccepted_GetsOneFromTheHost_WithTheMessagesBesideTheFields()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        var (councilUrl, oldLink) = await CreateNumedalAsync(host);

        var revoked = await host.PageAfterAsync(await host.SubmitAsync(councilUrl, "form[action*=Revoke]", []));
        Assert.Contains("Invitasjonen er trukket tilbake.", revoked.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("Ingen invitasjoner venter på svar.", revoked.QuerySelector("[data-testid=host-invitations]")!.TextContent);
        var withdrawn = await Portal.CreatePortalClient().GetPageAsync(oldLink);
        Assert.Equal("Invitasjonen kan ikke brukes", withdrawn.QuerySelector("h1")!.TextContent);
        // The council has no administrator yet: the way to a new link is whoever invited her (here the host).
        Assert.Contains("Be den som inviterte deg, om en ny invitasjon.", withdrawn.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);

        var refused = await host.PageAfterAsync(await host.SubmitAsync(councilUrl, "[data-testid=invite-administrator]",
            new() { ["Invite.FullName"] = "Per Berg", ["Invite.Email"] = "per.berg@@numedal" }));
        Assert.Equal("E-postadressen er ikke gyldig. Skriv den slik: navn@kommune.no.", refused.FieldError("Invite.Email"));
        Assert.Equal(("Per Berg", "per.berg@@numedal"), (refused.FieldValue("Invite.FullName"), refused.FieldValue("Invite.Email")));
        Assert.Equal("Regionrådet for Numedal", refused.FieldValue("Input.Name")); // the council's own form is still filled in
        var empty = await PortalClient.ReadAsync(await host.SubmitAsync(councilUrl, "[data-testid=invite-administrator]", new() { ["Invite.FullName"] = "" }));
        Assert.Equal("Skriv inn navnet til personen.", empty.FieldError("Invite.FullName"));
        Assert.Equal("Skriv inn e-postadressen.", empty.FieldError("Invite.Email"));

        var invited = await host.SubmitAsync(councilUrl, "[data-testid=invite-administrator]",
            new() { ["Invite.FullName"] = "Per Berg", ["Invite.Email"] = "per.berg@numedal.no" });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var receipt = await host.PageAfterAsync(invited);
        Assert.StartsWith("Invitasjonen er sendt til per.berg@numedal.no", receipt.QuerySelector("[data-testid=invitation-sent] p")!.TextContent.Trim());
        Assert.Contains("Per Berg", InvitationRow(receipt, "per.berg@numedal.no"));
        var link = new Uri(receipt.QuerySelector("[data-testid=invitation-link]")!.TextContent).AbsolutePath;

        using var per = Portal.CreatePortalClient();
        var invitation = await per.GetPageAsync(link);
        Assert.Contains("administrator", invitation.QuerySelector("main p")!.TextContent);
        await per.SubmitAsync(link, "main form",
            new() { ["Input.FullName"] = "Per Berg", ["Input.Password"] = "numedal-passord-2", ["Input.ConfirmPassword"] = "numedal-passord-2" });
        Assert.Equal(HttpStatusCode.OK, (await per.GetAsync("/rad/numedal/admin/medlemmer")).StatusCode);

        var twice = await host.PageAfterAsync(await host.SubmitAsync(councilUrl, "[data-testid=invite-administrator]",
            new() { ["Invite.FullName"] = "Per Berg", ["Invite.Email"] = "per.berg@numedal.no" }));
        Assert.Equal("Per Berg (per.berg@numedal.no) er allerede administrator i rådet.", twice.FieldError("Invite.Email"));
    }

    [Fact]
    public async Task InvitingSomeoneAlreadyInTheCouncilAsAdministrator_GivesHerTheRolesAtOnce_AndTellsHer()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        Assert.Equal(HttpStatusCode.Forbidden, (await ola.GetAsync("/rad/hallingdal/admin/medlemmer")).StatusCode);
        var councilUrl = (await host.GetPageAsync("/vert")).QuerySelectorAll("a[href^='/vert/rad/']")
            .First(a => a.TextContent.Contains("Regionrådet for Hallingdal", StringComparison.Ordinal)).GetAttribute("href")!;

        var done = await host.PageAfterAsync(await host.SubmitAsync(councilUrl, "[data-testid=invite-administrator]",
            new() { ["Invite.FullName"] = "Ola Bakken", ["Invite.Email"] = Demo.HallingdalMember.ToUpperInvariant() }));

        Assert.Contains("Ola Bakken var allerede med i rådet og har nå fått rollene administrator og sekretær.",
            done.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(done.QuerySelector("[data-testid=invitation-link]")); // no invitation to pass on
        Assert.Equal(HttpStatusCode.OK, (await ola.GetAsync("/rad/hallingdal/admin/medlemmer")).StatusCode);
        var notice = Assert.Single(await ola.NoticesAsync(), n => n.TextContent.Contains("administrator", StringComparison.Ordinal));
        Assert.Contains("Du er nå administrator i Regionrådet for Hallingdal.", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal("/rad/hallingdal/admin/medlemmer", await ola.NoticeTargetAsync(notice));
    }

    [Fact]
    public async Task ACountysOfficerInvitation_IsListed_SentAgain_Revoked_AndANewOfficerInvited()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        var created = await host.SubmitAsync("/vert/fylker/nytt", "main form", new()
        {
            ["Input.Name"] = "Østfold fylkeskommune",
            ["Input.Slug"] = "ostfold",
            ["Input.OfficerName"] = "Tor Ås",
            ["Input.OfficerEmail"] = "tor@ostfold.no",
        });
        var countyUrl = created.Headers.Location!.OriginalString;
        Assert.Matches("^/vert/fylker/[0-9a-f-]{36}$", countyUrl);
        var county = await host.GetPageAsync(countyUrl);
        Assert.StartsWith("Opprettet. Invitasjonen til den første fylkesrådgiveren er", county.QuerySelector("[data-testid=invitation-sent] p")!.TextContent.Trim());
        var oldLink = new Uri(county.QuerySelector("[data-testid=invitation-link]")!.TextContent).AbsolutePath;
        Assert.Contains("Tor Ås", InvitationRow(county, "tor@ostfold.no"));

        var renewed = await host.PageAfterAsync(await host.SubmitAsync(countyUrl, "form[action*=Renew]", []));
        var newLink = new Uri(renewed.QuerySelector("[data-testid=invitation-link]")!.TextContent).AbsolutePath;
        Assert.Equal("Invitasjonen kan ikke brukes", (await Portal.CreatePortalClient().GetPageAsync(oldLink)).QuerySelector("h1")!.TextContent);
        Assert.Equal("Invitasjon til Østfold fylkeskommune", (await Portal.CreatePortalClient().GetPageAsync(newLink)).QuerySelector("h1")!.TextContent);

        var revoked = await host.PageAfterAsync(await host.SubmitAsync(countyUrl, "form[action*=Revoke]", []));
        Assert.Contains("Ingen invitasjoner venter på svar.", revoked.QuerySelector("[data-testid=host-invitations]")!.TextContent);
        Assert.Equal("Invitasjonen kan ikke brukes", (await Portal.CreatePortalClient().GetPageAsync(newLink)).QuerySelector("h1")!.TextContent);

        var invited = await host.PageAfterAsync(await host.SubmitAsync(countyUrl, "[data-testid=invite-administrator]",
            new() { ["Invite.FullName"] = "Siri Moe", ["Invite.Email"] = "siri@ostfold.no" }));
        var link = new Uri(invited.QuerySelector("[data-testid=invitation-link]")!.TextContent).AbsolutePath;
        using var siri = Portal.CreatePortalClient();
        await siri.SubmitAsync(link, "main form",
            new() { ["Input.FullName"] = "Siri Moe", ["Input.Password"] = "ostfold-passord-2", ["Input.ConfirmPassword"] = "ostfold-passord-2" });
        Assert.Contains("Østfold fylkeskommune", (await siri.GetPageAsync("/fylke/ostfold")).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task AnInvitationOfOneCouncil_CannotBeSentAgainOrRevokedFromAnotherCouncilsPage_AndNoOneButTheHostMayTry()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        var (councilUrl, _) = await CreateNumedalAsync(host);
        var numedal = await host.GetPageAsync(councilUrl);
        var renew = numedal.QuerySelector("form[action*=Renew]")!.GetAttribute("action")!;
        var revoke = numedal.QuerySelector("form[action*=Revoke]")!.GetAttribute("action")!;
        var hadelandUrl = (await host.GetPageAsync("/vert")).QuerySelectorAll("a").Single(a => a.TextContent == "Hadeland").GetAttribute("href")!;

        Assert.Equal(HttpStatusCode.NotFound, (await host.PostWithTokenAsync(renew.Replace(councilUrl, hadelandUrl, StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.PostWithTokenAsync(revoke.Replace(councilUrl, hadelandUrl, StringComparison.Ordinal))).StatusCode);
        var countyUrl = (await host.GetPageAsync("/vert")).QuerySelectorAll("a").Single(a => a.TextContent == "Buskerud fylkeskommune").GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.NotFound, (await host.PostWithTokenAsync(renew.Replace(councilUrl, countyUrl, StringComparison.Ordinal))).StatusCode);

        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostWithTokenAsync(renew)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostWithTokenAsync(revoke)).StatusCode);
        Assert.Contains("ase@numedal.no", InvitationRow(await host.GetPageAsync(councilUrl), "ase@numedal.no"));
    }

    /// <summary>Creates Regionrådet for Numedal with Åse as its first admin: the council's host page and Åse's link.</summary>
    private static async Task<(string CouncilUrl, string Link)> CreateNumedalAsync(PortalClient host)
    {
        var response = await host.SubmitAsync("/vert/rad/nytt", "main form", new()
        {
            ["Input.Name"] = "Regionrådet for Numedal",
            ["Input.Slug"] = "numedal",
            ["Input.AdminName"] = "Åse Ødegård",
            ["Input.AdminEmail"] = "ase@numedal.no",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await host.PageAfterAsync(response);
        return (response.Headers.Location!.OriginalString, new Uri(page.QuerySelector("[data-testid=invitation-link]")!.TextContent).AbsolutePath);
    }

    private static string InvitationRow(IHtmlDocument page, string email) =>
        page.QuerySelectorAll("[data-testid=host-invitations] tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal)).TextContent;
}
