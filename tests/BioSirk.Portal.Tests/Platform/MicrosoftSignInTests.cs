using System.Net;
using AngleSharp.Html.Dom;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Seeding;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Platform;

/// <summary>
/// "Logg inn med Microsoft" against a local identity provider, through the real OpenID Connect handler of
/// Microsoft.Identity.Web: the tid picks the council or county; an account or an invitation is linked by address; an
/// unknown person waits for approval; an unconnected tid, another domain, a cancel and a forged token get nothing.
/// </summary>
public sealed class MicrosoftSignInTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly TestIdentityProvider idp = new();

    [Fact]
    public async Task TheButton_IsOfferedOnlyWithTheAppRegistration()
    {
        await using var microsoft = WithMicrosoft();
        using var without = Portal.CreatePortalClient();
        using var with = Client(microsoft);

        Assert.Null(MicrosoftForm(await without.GetPageAsync("/logg-inn")));
        Assert.Equal("Logg inn med Microsoft", MicrosoftForm(await with.GetPageAsync("/logg-inn"))?.QuerySelector("button")?.TextContent.Trim());
    }

    [Fact]
    public async Task TheSignInPagesPolicy_LetsItsFormLeadToMicrosoft_AndNoOtherPageDoes()
    {
        await using var microsoft = WithMicrosoft();
        using var without = Portal.CreatePortalClient();
        using var with = Client(microsoft);

        // Browsers apply form-action to where the form's answer redirects: without Microsoft in it, the button does nothing.
        Assert.Contains("form-action 'self' https://login.microsoftonline.com;", await PolicyAsync(with, "/logg-inn"));
        Assert.Contains("form-action 'self';", await PolicyAsync(with, "/logg-inn/microsoft"));
        Assert.Contains("form-action 'self';", await PolicyAsync(with, "/"));
        Assert.Contains("form-action 'self';", await PolicyAsync(without, "/logg-inn"));
    }

    private static async Task<string> PolicyAsync(PortalClient client, string path) =>
        (await client.Http.GetAsync(path)).Headers.GetValues("Content-Security-Policy").Single();

    [Fact]
    public async Task AnExistingAccount_IsLinkedByItsAddress_OnceItsPasswordIsGiven_AndLandsInTheCouncilTheTidPicks_AndTheAuditLogSaysMicrosoft()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        await using var microsoft = WithMicrosoft();
        using var kari = Client(microsoft);
        var person = new EntraPerson(tid, Demo.HallingdalSecretary, "Kari Sekretær");

        var asked = await SignInAsync(kari, person);

        Assert.Equal("/logg-inn/microsoft", asked.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await PortalClient.ReadAsync(asked);
        Assert.Equal("Koble Microsoft-kontoen til portalkontoen", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains($"Det finnes allerede en konto i portalen for {Demo.HallingdalSecretary}", page.Body!.TextContent);
        Assert.Empty(await MicrosoftLoginsAsync());
        Assert.NotEqual(HttpStatusCode.OK, (await kari.GetAsync("/rad/hallingdal")).StatusCode);

        var wrong = await PortalClient.ReadAsync(await kari.SubmitAsync(page, "/logg-inn/microsoft", "[data-testid=link-account]", new() { ["Password"] = "feil-passord" }));
        Assert.Contains("Passordet er ikke riktig for kontoen", wrong.FieldError("Password"));
        Assert.Empty(await MicrosoftLoginsAsync());

        var landing = await FollowAsync(kari, await kari.SubmitAsync(wrong, "/logg-inn/microsoft", "[data-testid=link-account]", new() { ["Password"] = DemoDataSeeder.Password }));

        Assert.Equal("/rad/hallingdal", landing.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        Assert.Equal($"{tid}/{person.ObjectId}", Assert.Single(await MicrosoftLoginsAsync()));

        // The second time the link is found by the Microsoft identity, even with another address in the token.
        using var again = Client(microsoft);
        Assert.Equal("/rad/hallingdal", (await SignInAsync(again, person with { Email = "kari.ny@demo.biosirk.no" })).RequestMessage!.RequestUri!.AbsolutePath);

        using var localToo = Portal.CreatePortalClient();
        await localToo.SignInAsync(Demo.HallingdalSecretary, DemoDataSeeder.Password);
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var audit = await admin.GetPageAsync("/rad/hallingdal/admin/logg?type=Innlogging");
        var methods = audit.QuerySelectorAll("[data-testid=audit-table] > tbody > tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, methods.Count(m => m.Contains("Microsoft", StringComparison.Ordinal)));
        Assert.Contains(methods, m => m.Contains("E-post og passord", StringComparison.Ordinal) && m.Contains("logget inn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheHostAdminsAccount_IsNeverLinked_EvenFromAConnectedTenantWithItsDomain()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        await using var microsoft = WithMicrosoft();
        using var intruder = Client(microsoft);

        var refused = await PortalClient.ReadAsync(await SignInAsync(intruder, new EntraPerson(tid, Demo.HostAdmin, "Vert")));

        Assert.Contains("er en vertsadministrators konto", refused.QuerySelector("[role=status]")?.TextContent);
        Assert.Null(refused.QuerySelector("[data-testid=link-account]"));
        Assert.Empty(await MicrosoftLoginsAsync());
        Assert.NotEqual(HttpStatusCode.OK, (await intruder.GetAsync("/vert")).StatusCode);
    }

    [Fact]
    public async Task AnAccountLinkedToOneMicrosoftIdentity_IsNotLinkedToAnotherByItsAddress()
    {
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var hadeland = await ApiTokens.ConnectAsync(Portal, "hadeland");
        await using var microsoft = WithMicrosoft();
        using (var kari = Client(microsoft))
        {
            var asked = await PortalClient.ReadAsync(await SignInAsync(kari, new EntraPerson(hallingdal, Demo.HallingdalSecretary, "Kari")));
            await kari.SubmitAsync(asked, "/logg-inn/microsoft", "[data-testid=link-account]", new() { ["Password"] = DemoDataSeeder.Password });
        }

        using var other = Client(microsoft);
        var refused = await PortalClient.ReadAsync(await SignInAsync(other, new EntraPerson(hadeland, Demo.HallingdalSecretary, "Kari")));

        Assert.Contains("allerede koblet til en annen Microsoft-konto", refused.QuerySelector("[role=status]")?.TextContent);
        Assert.Single(await MicrosoftLoginsAsync());
    }

    private Task<List<string>> MicrosoftLoginsAsync() =>
        Portal.WithScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().Set<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>()
            .Where(l => l.LoginProvider == "Microsoft").Select(l => l.ProviderKey).ToListAsync());

    [Fact]
    public async Task AnInvitedPerson_WithoutAccount_GetsOneAndTheInvitedRoles_WithoutTheLink()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        using (var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin))
        {
            var invited = await admin.SubmitAsync("/rad/hallingdal/admin/medlemmer", "form[action*='handler=Invite']", new()
            {
                ["Input.FullName"] = "Nora Ny",
                ["Input.Email"] = "nora.ny@demo.biosirk.no",
                ["Input.Roles"] = "Secretary",
            });
            Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode); // made: the page shows the link after the redirect
        }

        await using var microsoft = WithMicrosoft();
        using var nora = Client(microsoft);
        var landing = await SignInAsync(nora, new EntraPerson(tid, "Nora.Ny@demo.biosirk.no", "Nora Ny"));

        Assert.Equal("/rad/hallingdal", landing.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await nora.GetAsync("/rad/hallingdal/avtaler/ny")).StatusCode); // a secretary's page
        var state = await Portal.WithScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().Invitations.IgnoreQueryFilters()
            .Where(i => i.Email == "nora.ny@demo.biosirk.no").Select(i => i.State).SingleAsync());
        Assert.Equal(InvitationState.Accepted, state);
    }

    [Fact]
    public async Task AnUnknownPerson_WaitsForTheAdmin_WhoApprovesHer_AndThenSheIsIn()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        await using var microsoft = WithMicrosoft();
        var person = new EntraPerson(tid, "per.ukjent@demo.biosirk.no", "Per Ukjent");
        using var per = Client(microsoft);

        var waiting = await SignInAsync(per, person);

        Assert.Equal("/logg-inn/microsoft", waiting.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await PortalClient.ReadAsync(waiting);
        Assert.Equal("Venter på godkjenning", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("Regionrådet for Hallingdal", page.QuerySelector("[role=status]")?.TextContent);
        Assert.NotEqual(HttpStatusCode.OK, (await per.GetAsync("/rad/hallingdal")).StatusCode);

        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var members = await admin.GetPageAsync("/rad/hallingdal/admin/medlemmer");
        var request = Assert.Single(members.QuerySelectorAll("[data-testid=membership-requests] tbody tr"));
        Assert.Contains("per.ukjent@demo.biosirk.no", request.TextContent);
        Assert.Contains("Per Ukjent (per.ukjent@demo.biosirk.no) har logget inn med Microsoft og ber om tilgang", (await admin.GetPageAsync("/varsler")).Body!.TextContent);
        var approve = request.QuerySelector("form[action*='handler=Approve']")!.GetAttribute("action")!;

        using var otherAdmin = await Portal.SignedInAsync(Demo.HadelandSecretary);
        var foreign = await otherAdmin.PostWithTokenAsync(approve.Replace("/hallingdal/", "/hadeland/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostWithTokenAsync(approve)).StatusCode);
        using var perAgain = Client(microsoft);
        Assert.Equal("/rad/hallingdal", (await SignInAsync(perAgain, person)).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task ARejectedPerson_IsToldTheAccountIsDeactivated_AndAsksNoOneAgain()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        await using var microsoft = WithMicrosoft();
        var person = new EntraPerson(tid, "ola.avvist@demo.biosirk.no", "Ola Avvist");
        using (var first = Client(microsoft))
        {
            await SignInAsync(first, person);
        }

        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var reject = (await admin.GetPageAsync("/rad/hallingdal/admin/medlemmer")).QuerySelector("[data-testid=membership-requests] form[action*='handler=Reject']")!;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostWithTokenAsync(reject.GetAttribute("action")!)).StatusCode);

        using var second = Client(microsoft);
        var refused = await PortalClient.ReadAsync(await SignInAsync(second, person));
        Assert.Contains("deaktivert i Regionrådet for Hallingdal", refused.QuerySelector("[role=status]")?.TextContent);
        Assert.Null((await admin.GetPageAsync("/rad/hallingdal/admin/medlemmer")).QuerySelector("[data-testid=membership-requests]"));
    }

    [Fact]
    public async Task ACountyOfficer_IsPickedByTheCountysTid_AndTheHostAdminApprovesAnUnknownOne()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "innlandet", county: true);
        await using var microsoft = WithMicrosoft();
        using var known = Client(microsoft);
        var asked = await PortalClient.ReadAsync(await SignInAsync(known, new EntraPerson(tid, Demo.InnlandetOfficer, "Rådgiver")));
        await known.SubmitAsync(asked, "/logg-inn/microsoft", "[data-testid=link-account]", new() { ["Password"] = DemoDataSeeder.Password });
        Assert.Equal(HttpStatusCode.OK, (await known.GetAsync("/fylke/innlandet")).StatusCode);

        var person = new EntraPerson(tid, "ny.radgiver@demo.biosirk.no", "Ny Rådgiver");
        using var unknown = Client(microsoft);
        Assert.Contains("Innlandet", (await PortalClient.ReadAsync(await SignInAsync(unknown, person))).QuerySelector("[role=status]")?.TextContent);

        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        var request = Assert.Single((await host.GetPageAsync("/vert")).QuerySelectorAll("[data-testid=officer-requests] tbody tr"));
        Assert.Equal(HttpStatusCode.Redirect,
            (await host.PostWithTokenAsync(request.QuerySelector("form[action*='handler=ApproveOfficer']")!.GetAttribute("action")!)).StatusCode);
        using var approved = Client(microsoft);
        await SignInAsync(approved, person);
        Assert.Equal(HttpStatusCode.OK, (await approved.GetAsync("/fylke/innlandet")).StatusCode);
    }

    [Fact]
    public async Task ATidNoCouncilHasConnected_IsRefusedWithAMessage_AndNoAccountIsMade()
    {
        await ApiTokens.ConnectAsync(Portal, "hallingdal");
        await using var microsoft = WithMicrosoft();
        using var stranger = Client(microsoft);

        var refused = await PortalClient.ReadAsync(await SignInAsync(stranger, new EntraPerson(Guid.NewGuid(), Demo.HallingdalSecretary, "Kari")));

        Assert.Equal("Du er ikke logget inn", refused.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("ikke er koblet til BioSirk-portalen", refused.QuerySelector("[role=status]")?.TextContent);
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync("/rad/hallingdal")).StatusCode);
        Assert.Equal(0, await Portal.WithScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>()
            .Set<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().CountAsync()));
    }

    [Fact]
    public async Task AnAddressOutsideTheCouncilsDomains_IsRefused()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal", domains: "hallingdal.no");
        await using var microsoft = WithMicrosoft();
        using var kari = Client(microsoft);

        var refused = await PortalClient.ReadAsync(await SignInAsync(kari, new EntraPerson(tid, Demo.HallingdalSecretary, "Kari")));

        Assert.Contains("er ikke i noen av e-postdomenene", refused.QuerySelector("[role=status]")?.TextContent);
        Assert.NotEqual(HttpStatusCode.OK, (await kari.GetAsync("/rad/hallingdal")).StatusCode);
    }

    [Fact]
    public async Task ACancelAtMicrosoft_AndAForgedToken_EndOnTheSignInPageWithAMessage_NotSignedIn()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        await using var microsoft = WithMicrosoft();
        using var cancelling = Client(microsoft);
        var cancelled = await FollowAsync(cancelling, await cancelling.Http.SendAsync(TestIdentityProvider.Cancel(await StartAsync(cancelling))));

        idp.SignWithWrongKey = true;
        using var forging = Client(microsoft);
        var forged = await SignInAsync(forging, new EntraPerson(tid, Demo.HallingdalSecretary, "Kari"));

        foreach (var (client, response) in new[] { (cancelling, cancelled), (forging, forged) })
        {
            Assert.Equal("/logg-inn", response.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains("Innloggingen med Microsoft ble avbrutt", (await PortalClient.ReadAsync(response)).QuerySelector("[role=alert]")?.TextContent);
            Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/rad/hallingdal")).StatusCode);
        }
    }

    [Fact]
    public async Task WhenMicrosoftCannotBeReached_TheButtonSaysSo_OnTheSignInPage()
    {
        idp.Unreachable = true;
        await using var microsoft = WithMicrosoft();
        using var client = Client(microsoft);

        var response = await client.SubmitAsync("/logg-inn", "form[action*='handler=Microsoft']", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Microsoft svarer ikke akkurat nå", (await PortalClient.ReadAsync(response)).QuerySelector("[role=alert]")?.TextContent);
    }

    private WebApplicationFactory<Program> WithMicrosoft() =>
        Portal.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Authentication:Entra:ClientId", TestIdentityProvider.ClientId);
            builder.UseSetting("Authentication:Entra:ClientSecret", TestIdentityProvider.ClientSecret);
            builder.ConfigureTestServices(idp.Configure);
        });

    // The correlation and nonce cookies are Secure, as in production: the browser talks https.
    private static PortalClient Client(WebApplicationFactory<Program> factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }));

    private static IHtmlFormElement? MicrosoftForm(IHtmlDocument page) => page.QuerySelector("form[action*='handler=Microsoft']") as IHtmlFormElement;

    /// <summary>Presses "Logg inn med Microsoft"; returns where the portal sends the browser.</summary>
    private static async Task<Uri> StartAsync(PortalClient client)
    {
        var challenge = await client.SubmitAsync("/logg-inn", "form[action*='handler=Microsoft']", []);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        return challenge.Headers.Location!;
    }

    private async Task<HttpResponseMessage> SignInAsync(PortalClient client, EntraPerson person) =>
        await FollowAsync(client, await client.Http.SendAsync(idp.SignIn(await StartAsync(client), person)));

    /// <summary>Follows the portal's own redirects, as the browser would.</summary>
    private static async Task<HttpResponseMessage> FollowAsync(PortalClient client, HttpResponseMessage response)
    {
        for (var hops = 0; response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && hops < 5; hops++)
        {
            response = await client.Http.GetAsync(response.Headers.Location!);
        }

        return response;
    }
}
