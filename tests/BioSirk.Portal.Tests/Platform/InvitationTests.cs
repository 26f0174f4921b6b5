using System.Net;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Invitations;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Platform;

public sealed class InvitationTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Members = "/rad/hallingdal/admin/medlemmer";

    [Fact]
    public async Task Invite_WithMalformedAddress_ShowsMessageBesideTheFieldAndKeepsTheInput()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);

        var response = await admin.SubmitAsync(Members, "form[action*=Invite]",
            new() { ["Input.FullName"] = "Liv Øyen", ["Input.Email"] = "liv.oyen@@hallingdal", ["Input.Roles"] = "Secretary" });

        var page = await PortalClient.ReadAsync(response);
        Assert.Equal("E-postadressen er ikke gyldig. Skriv den slik: navn@kommune.no.", page.FieldError("Input.Email"));
        Assert.Equal("liv.oyen@@hallingdal", page.FieldValue("Input.Email"));
        Assert.Equal("Liv Øyen", page.FieldValue("Input.FullName"));
        Assert.True(page.QuerySelector("#role-Secretary")!.HasAttribute("checked"));
        Assert.Equal("true", page.GetElementById("Input_Email")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Invite_WithoutRole_AsksForOne()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);

        var response = await admin.SubmitAsync(Members, "form[action*=Invite]",
            new() { ["Input.FullName"] = "Liv Øyen", ["Input.Email"] = "liv@hallingdal.no" });

        var page = await PortalClient.ReadAsync(response);
        Assert.Equal("Velg minst én rolle.", page.GetElementById("Input_Roles-error")!.TextContent);
    }

    [Fact]
    public async Task Invite_WithANameLongerThanAnAccountHolds_IsRefusedBesideTheField()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var name = string.Concat(Enumerable.Repeat("Liv Øyen ", 25)).Trim(); // 224 characters

        var page = await admin.PageAfterAsync(await admin.SubmitAsync(Members, "form[action*=Invite]",
            new() { ["Input.FullName"] = name, ["Input.Email"] = "liv@hallingdal.no", ["Input.Roles"] = "Member" }));

        Assert.Equal("Navnet kan være på høyst 200 tegn (nå 224).", page.FieldError("Input.FullName"));
        Assert.Equal(name, page.FieldValue("Input.FullName"));
    }

    [Fact]
    public async Task Invite_OfSomeoneAlreadyInTheCouncil_IsRefusedWithAMessage()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);

        var response = await admin.SubmitAsync(Members, "form[action*=Invite]",
            new() { ["Input.FullName"] = "Kari Nordby", ["Input.Email"] = Demo.HallingdalSecretary.ToUpperInvariant(), ["Input.Roles"] = "Member" });

        var page = await PortalClient.ReadAsync(response);
        Assert.Contains("er allerede medlem av Regionrådet for Hallingdal", page.FieldError("Input.Email"));
    }

    [Fact]
    public async Task Invite_Twice_RefusesTheSecondWhileTheFirstIsPending()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        Dictionary<string, string> form = new() { ["Input.FullName"] = "Liv Øyen", ["Input.Email"] = "liv@hallingdal.no", ["Input.Roles"] = "Member" };
        await admin.SubmitAsync(Members, "form[action*=Invite]", form);

        var page = await admin.PageAfterAsync(await admin.SubmitAsync(Members, "form[action*=Invite]", form));

        Assert.Contains("har allerede en invitasjon som ikke er besvart", page.FieldError("Input.Email"));
    }

    [Fact]
    public async Task TheInvitationLink_LeadsToThePortalsOwnAddress_WhateverHostTheRequestNamed()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        admin.Http.DefaultRequestHeaders.Host = "evil.example"; // a client, or a proxy passing the header on, chooses it

        var sent = await admin.PageAfterAsync(await admin.SubmitAsync(Members, "form[action*=Invite]",
            new() { ["Input.FullName"] = "Liv Øyen", ["Input.Email"] = "liv@hallingdal.no", ["Input.Roles"] = "Member" }));

        var link = sent.QuerySelector("[data-testid=invitation-link]")!.TextContent;
        Assert.StartsWith("http://localhost:5080/invitasjon/", link);
        var mails = await Task.WhenAll(Directory.GetFiles(Portal.MailFolder, "*.eml").Select(f => File.ReadAllTextAsync(f)));
        var mail = Assert.Single(mails, m => m.Contains(new Uri(link).AbsolutePath, StringComparison.Ordinal));
        Assert.Contains(link, mail, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_ThenAccept_GivesTheNewPersonTheCouncilWithTheRolesAndLogsIt()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var response = await admin.SubmitAsync(Members, "form[action*=Invite]",
            new() { ["Input.FullName"] = "Liv Øyen", ["Input.Email"] = "liv@hallingdal.no", ["Input.Roles"] = "Secretary" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode); // reloading the page afterwards does not send the form again
        var sent = await admin.PageAfterAsync(response);
        var link = sent.QuerySelector("[data-testid=invitation-link]")!.TextContent;
        Assert.StartsWith("http://localhost:5080/invitasjon/", link); // Email:PortalUrl (its fallback here), not the request's host
        Assert.Null((await admin.GetPageAsync(Members)).QuerySelector("[data-testid=invitation-link]")); // the link is shown once
        var mails = await Task.WhenAll(Directory.GetFiles(Portal.MailFolder, "*.eml").Select(f => File.ReadAllTextAsync(f)));
        Assert.Single(mails, m => m.Contains(link, StringComparison.Ordinal) && m.Contains("To: liv@hallingdal.no", StringComparison.Ordinal));

        using var newcomer = Portal.CreatePortalClient();
        var path = new Uri(link).AbsolutePath;
        var weak = await PortalClient.ReadAsync(await newcomer.SubmitAsync(path, "main form",
            new() { ["Input.FullName"] = "", ["Input.Password"] = "kort", ["Input.ConfirmPassword"] = "kurt" }));
        // Every mistake at once, not one per try.
        Assert.Equal("Skriv inn navnet ditt.", weak.FieldError("Input.FullName"));
        Assert.Contains("Passordet må ha minst 10 tegn.", weak.FieldError("Input.Password"));
        Assert.Equal("Passordene er ikke like. Skriv det samme passordet to ganger.", weak.FieldError("Input.ConfirmPassword"));

        var created = await newcomer.SubmitAsync(path, "main form",
            new() { ["Input.FullName"] = "Liv Øyen", ["Input.Password"] = "godt-passord-42", ["Input.ConfirmPassword"] = "godt-passord-42" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var home = await newcomer.GetPageAsync("/rad/hallingdal");
        Assert.Contains("sekretariat", home.QuerySelector("main p")!.TextContent);

        var audit = await admin.GetPageAsync("/rad/hallingdal/admin/logg?type=TenantMembership");
        var newest = audit.QuerySelector("[data-testid=audit-table] > tbody > tr")!;
        Assert.Contains("opprettet", newest.TextContent);
        Assert.Contains("sekretariat", newest.TextContent);

        var reused = await PortalClient.ReadAsync(await Portal.CreatePortalClient().GetAsync(path));
        Assert.Equal("Invitasjonen kan ikke brukes", reused.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Invitation_OlderThanSevenDays_IsExpiredByTheNightlyJobAndCannotBeUsed()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var sent = await admin.PageAfterAsync(await admin.SubmitAsync(Members, "form[action*=Invite]",
            new() { ["Input.FullName"] = "Liv Øyen", ["Input.Email"] = "liv@hallingdal.no", ["Input.Roles"] = "Member" }));
        var path = new Uri(sent.QuerySelector("[data-testid=invitation-link]")!.TextContent).AbsolutePath;

        Portal.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var expired = await Portal.WithScopeAsync(sp => sp.GetRequiredService<ExpireStaleInvitations>().RunAsync());

        Assert.Equal(1, expired);
        var state = await Portal.WithScopeAsync(async sp =>
        {
            var tenant = sp.GetRequiredService<ICurrentTenant>();
            var db = sp.GetRequiredService<PlatformDbContext>();
            return await db.Invitations.IgnoreQueryFilters().Where(i => i.Email == "liv@hallingdal.no").Select(i => i.State).SingleAsync();
        });
        Assert.Equal(InvitationState.Expired, state);
        var page = await PortalClient.ReadAsync(await Portal.CreatePortalClient().GetAsync(path));
        Assert.Equal("Invitasjonen kan ikke brukes", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task ExistingAccount_AcceptsAnInvitationToASecondCouncilWhenSignedIn()
    {
        using var admin = await Portal.SignedInAsync(Demo.HadelandSecretary);
        var sent = await admin.PageAfterAsync(await admin.SubmitAsync("/rad/hadeland/admin/medlemmer", "form[action*=Invite]",
            new() { ["Input.FullName"] = "Kari Nordby", ["Input.Email"] = Demo.HallingdalSecretary, ["Input.Roles"] = "Member" }));
        var path = new Uri(sent.QuerySelector("[data-testid=invitation-link]")!.TextContent).AbsolutePath;

        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync("/rad/hadeland")).StatusCode);
        // She has an account, so the invitation waits for her in the portal too.
        var notice = (await kari.NoticesAsync()).Single(n => n.TextContent.Contains("invitert", StringComparison.Ordinal));
        Assert.Contains("Du er invitert til Hadeland. Åpne invitasjonen for å takke ja", notice.TextContent);
        Assert.Equal(path, await kari.NoticeTargetAsync(notice));
        var accepted = await kari.SubmitAsync(path, "main form", []);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await kari.GetAsync("/rad/hadeland")).StatusCode);
    }

    [Fact]
    public async Task AcceptingTwice_TheSecondPostIsToldTheInvitationIsUsed_AndToSignIn()
    {
        var path = await InviteLivAsync();
        using var tab1 = Portal.CreatePortalClient();
        using var tab2 = Portal.CreatePortalClient();
        var form = await tab2.GetPageAsync(path); // opened before the first tab sends it
        Dictionary<string, string> account = new() { ["Input.FullName"] = "Liv Øyen", ["Input.Password"] = "godt-passord-42", ["Input.ConfirmPassword"] = "godt-passord-42" };
        Assert.Equal(HttpStatusCode.Redirect, (await tab1.SubmitAsync(path, "main form", account)).StatusCode);

        var second = await tab2.SubmitAsync(form, path, "main form", account);

        var page = await PortalClient.ReadAsync(second);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("Invitasjonen er allerede brukt, og kontoen for liv@hallingdal.no er laget. Logg inn med e-postadressen og passordet du valgte.",
            page.QuerySelector("[data-testid=invitation-used]")!.TextContent.Trim());
        Assert.Equal("/logg-inn", page.QuerySelector("main a.btn")!.GetAttribute("href"));
        Assert.DoesNotContain("brukernavnet", page.Body!.TextContent);
        Assert.Null(page.FieldError("Input.Password"));
    }

    [Fact]
    public async Task AcceptingTwiceAtTheSameMoment_MakesOneAccount_AndTheOtherIsToldToSignIn()
    {
        var path = await InviteLivAsync();
        using var tab1 = Portal.CreatePortalClient();
        using var tab2 = Portal.CreatePortalClient();
        var (form1, form2) = (await tab1.GetPageAsync(path), await tab2.GetPageAsync(path));
        Dictionary<string, string> account = new() { ["Input.FullName"] = "Liv Øyen", ["Input.Password"] = "godt-passord-42", ["Input.ConfirmPassword"] = "godt-passord-42" };

        var answers = await Task.WhenAll(tab1.SubmitAsync(form1, path, "main form", account), tab2.SubmitAsync(form2, path, "main form", account));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        var loser = await PortalClient.ReadAsync(answers.Single(a => a.StatusCode != HttpStatusCode.Redirect));
        Assert.DoesNotContain("brukernavnet", loser.Body!.TextContent);
        Assert.Contains("Logg inn", loser.QuerySelector("main")!.TextContent);
        Assert.Null(loser.FieldError("Input.Password"));
    }

    private async Task<string> InviteLivAsync()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var sent = await admin.PageAfterAsync(await admin.SubmitAsync(Members, "form[action*=Invite]",
            new() { ["Input.FullName"] = "Liv Øyen", ["Input.Email"] = "liv@hallingdal.no", ["Input.Roles"] = "Member" }));
        return new Uri(sent.QuerySelector("[data-testid=invitation-link]")!.TextContent).AbsolutePath;
    }
}
