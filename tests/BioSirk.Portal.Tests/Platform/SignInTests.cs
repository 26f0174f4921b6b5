using System.Net;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Platform;

public sealed class SignInTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task SignIn_AsSecretary_OpensHerCouncilWithItsNameInTheHeader()
    {
        using var client = await Portal.SignedInAsync(Demo.HallingdalSecretary);

        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/rad/hallingdal", home.Headers.Location!.OriginalString);

        var page = await client.GetPageAsync("/rad/hallingdal");
        Assert.Equal("Regionrådet for Hallingdal", page.QuerySelector("[data-testid=current-place]")!.TextContent.Replace("Du er i:", "").Trim());
        Assert.Equal("nb", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsNorwegianMessageAndKeepsTheEmail()
    {
        using var client = Portal.CreatePortalClient();

        var response = await client.SubmitAsync("/logg-inn", "main form",
            new() { ["Input.Email"] = Demo.HallingdalSecretary, ["Input.Password"] = "feil-passord-1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ReadAsync(response);
        Assert.Contains("Feil e-postadresse eller passord", page.FieldError("Input.Password"));
        Assert.Equal(Demo.HallingdalSecretary, page.FieldValue("Input.Email"));
        Assert.Equal("", page.FieldValue("Input.Password"));
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        using var client = Portal.CreatePortalClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SubmitAsync("/logg-inn", "main form",
                new() { ["Input.Email"] = Demo.HallingdalMember, ["Input.Password"] = "feil-passord-" + attempt });
        }

        var response = await client.SubmitAsync("/logg-inn", "main form",
            new() { ["Input.Email"] = Demo.HallingdalMember, ["Input.Password"] = BioSirk.Portal.Platform.Seeding.DemoDataSeeder.Password });

        var page = await PortalClient.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kontoen er låst", page.FieldError("Input.Password"));
        Assert.Equal(Demo.HallingdalMember, page.FieldValue("Input.Email"));
    }

    [Fact]
    public async Task WrongPasswords_ForAnAddressWithNoAccount_AreAnsweredAsForARealOne_SoTheLockoutTellsNothing()
    {
        using var client = Portal.CreatePortalClient();
        string Said(AngleSharp.Html.Dom.IHtmlDocument page) => page.FieldError("Input.Password")!;
        var answers = new List<string>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            answers.Add(Said(await PortalClient.ReadAsync(await client.SubmitAsync("/logg-inn", "main form",
                new() { ["Input.Email"] = "finnes.ikke@hallingdal.no", ["Input.Password"] = "feil-passord-" + attempt }))));
        }

        Assert.All(answers[..4], a => Assert.Equal("Feil e-postadresse eller passord. Sjekk begge og prøv igjen.", a));
        Assert.StartsWith("Kontoen er låst etter for mange feil passord. Prøv igjen etter", answers[4]);
    }

    [Fact]
    public async Task ALockedAccount_StillOpensWithTheRightPassword_InTheBrowserSheSignedInFromBefore_ButNowhereElse()
    {
        var right = new Dictionary<string, string> { ["Input.Email"] = Demo.HallingdalMember, ["Input.Password"] = BioSirk.Portal.Platform.Seeding.DemoDataSeeder.Password };
        var wrong = new Dictionary<string, string> { ["Input.Email"] = Demo.HallingdalMember, ["Input.Password"] = "feil-passord-1" };
        using var hers = Portal.CreatePortalClient();
        await hers.SignInAsync(Demo.HallingdalMember, BioSirk.Portal.Platform.Seeding.DemoDataSeeder.Password);
        await hers.PostWithTokenAsync("/logg-ut");
        using var stranger = Portal.CreatePortalClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await stranger.SubmitAsync("/logg-inn", "main form", wrong);
        }

        var strangerWithTheRightOne = await PortalClient.ReadAsync(await stranger.SubmitAsync("/logg-inn", "main form", right));
        Assert.Contains("Kontoen er låst", strangerWithTheRightOne.FieldError("Input.Password"));
        using var anotherPersonsBrowser = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        Assert.Contains("Kontoen er låst", (await PortalClient.ReadAsync(await anotherPersonsBrowser.SubmitAsync("/logg-inn", "main form", right))).FieldError("Input.Password"));

        var inHerOwn = await hers.SubmitAsync("/logg-inn", "main form", right);
        Assert.Equal(HttpStatusCode.Redirect, inHerOwn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hers.GetAsync("/rad/hallingdal")).StatusCode);

        // One wrong password in her browser while the account is locked, and it is a stranger's too: one guess, no more.
        await hers.PostWithTokenAsync("/logg-ut");
        Assert.Contains("Kontoen er låst", (await PortalClient.ReadAsync(await hers.SubmitAsync("/logg-inn", "main form", wrong))).FieldError("Input.Password"));
        Assert.Contains("Kontoen er låst", (await PortalClient.ReadAsync(await hers.SubmitAsync("/logg-inn", "main form", right))).FieldError("Input.Password"));
    }

    [Fact]
    public async Task AnAddressWithNoAccount_CostsAPasswordCheck_AsARealOneDoes_SoTheTimeOfTheAnswerTellsNothing()
    {
        var hasher = new CountingPasswordHasher();
        await using var portal = Portal.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<IPasswordHasher<PortalUser>>(_ => hasher)));
        using var client = new PortalClient(portal.CreateClient(new() { AllowAutoRedirect = false }));

        await client.SubmitAsync("/logg-inn", "main form", new() { ["Input.Email"] = Demo.HallingdalSecretary, ["Input.Password"] = "feil-passord-1" });
        var forAnAccount = hasher.Verified;
        await client.SubmitAsync("/logg-inn", "main form", new() { ["Input.Email"] = "finnes.ikke@hallingdal.no", ["Input.Password"] = "feil-passord-1" });

        Assert.Equal(1, forAnAccount);
        Assert.Equal(2, hasher.Verified);
    }

    [Fact]
    public async Task ManyAttemptsFromOneNetworkInAMinute_AreStopped_WithAMessageInNorwegian_WhileReadingPagesGoesOn()
    {
        await using var portal = Portal.WithWebHostBuilder(b => b.UseSetting("Security:SignInAttemptsPerMinute", "3"));
        using var client = new PortalClient(portal.CreateClient(new() { AllowAutoRedirect = false }));
        var wrong = new Dictionary<string, string> { ["Input.Email"] = Demo.HallingdalMember, ["Input.Password"] = "feil-passord-1" };
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync("/logg-inn", "main form", wrong)).StatusCode);
        }

        var stopped = await client.SubmitAsync("/logg-inn", "main form", wrong);
        var reset = await client.SubmitAsync("/glemt-passord", "main form", new() { ["Input.Email"] = "finnes.ikke@hallingdal.no" });

        Assert.Equal(HttpStatusCode.TooManyRequests, stopped.StatusCode);
        Assert.True(stopped.Headers.RetryAfter is not null, "no Retry-After");
        var page = await PortalClient.ReadAsync(stopped);
        Assert.Equal("For mange innloggingsforsøk", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Vent ett minutt, og prøv igjen.", page.Body!.TextContent);
        Assert.Equal(HttpStatusCode.TooManyRequests, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/logg-inn")).StatusCode);
    }

    /// <summary>Identity's hasher, counting the passwords it checks.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<PortalUser>
    {
        private readonly PasswordHasher<PortalUser> inner = new();
        private int verified;

        public int Verified => verified;

        public string HashPassword(PortalUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verified);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task SignIn_WithEmptyFields_SaysWhatIsMissingBesideEachField()
    {
        using var client = Portal.CreatePortalClient();

        var response = await client.SubmitAsync("/logg-inn", "main form", new() { ["Input.Email"] = "", ["Input.Password"] = "" });

        var page = await PortalClient.ReadAsync(response);
        Assert.Equal("Skriv inn e-postadressen din.", page.FieldError("Input.Email"));
        Assert.Equal("Skriv inn passordet ditt.", page.FieldError("Input.Password"));
        Assert.NotNull(page.GetElementById("error-summary"));
    }

    [Fact]
    public async Task CouncilPage_WhenNotSignedIn_SendsToSignIn()
    {
        using var client = Portal.CreatePortalClient();

        var response = await client.GetAsync("/rad/hallingdal");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/logg-inn", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTheSessionOnOtherDevicesToo()
    {
        using var laptop = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var phone = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/rad/hallingdal")).StatusCode);

        var signOut = await laptop.SubmitAsync("/logg-ut", "form[action*=Everywhere]", []);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Portal.Clock.Advance(TimeSpan.FromSeconds(1)); // the stamp is checked once the cookie is older than the interval (0 in tests)

        var afterwards = await phone.GetAsync("/rad/hallingdal");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/logg-inn", afterwards.Headers.Location!.ToString());
    }
}
