using System.Net;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Features.Accounts;
using BioSirk.Portal.Platform.Seeding;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;

namespace BioSirk.Portal.Tests.Platform;

public sealed class PasswordTests(PortalFactory portal) : PortalTest(portal)
{
    private const string NewPassword = "nytt-passord-2026";

    [Fact]
    public async Task ForgottenPassword_TheLinkByEmailSetsANewOne_OpensALockedAccount_AndWorksOnce()
    {
        using var stranger = Portal.CreatePortalClient();
        for (var i = 0; i < 5; i++)
        {
            await stranger.SubmitAsync("/logg-inn", "main form", new() { ["Input.Email"] = Demo.HallingdalMember, ["Input.Password"] = "feil-passord-1" });
        }

        using var ola = Portal.CreatePortalClient();
        var login = await ola.GetPageAsync("/logg-inn");
        Assert.Equal("/glemt-passord", login.QuerySelector("main a[href='/glemt-passord']")!.GetAttribute("href"));
        var asked = await PortalClient.ReadAsync(await ola.SubmitAsync("/glemt-passord", "main form", new() { ["Input.Email"] = Demo.HallingdalMember }));
        Assert.Contains($"Hvis det finnes en konto for {Demo.HallingdalMember}", Squash(asked.QuerySelector("[data-testid=reset-requested]")!.TextContent));
        await ResetsSentAsync();
        var mail = MailTo(Demo.HallingdalMember);
        Assert.Contains("http://localhost:5080/nytt-passord?", mail.TextBody); // Email:PortalUrl's fallback, not the request's host
        var link = ResetLinkIn(mail);

        var weak = await PortalClient.ReadAsync(await ola.SubmitAsync(link, "main form", new() { ["Input.Password"] = "kort", ["Input.ConfirmPassword"] = "kort" }));
        Assert.Contains("Passordet må ha minst 10 tegn.", weak.FieldError("Input.Password"));
        var unlike = await PortalClient.ReadAsync(await ola.SubmitAsync(link, "main form", new() { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = "noe-annet-2026" }));
        Assert.Equal("Passordene er ikke like. Skriv det samme passordet to ganger.", unlike.FieldError("Input.ConfirmPassword"));

        var saved = await ola.SubmitAsync(link, "main form", new() { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/logg-inn", saved.Headers.Location!.OriginalString);
        Assert.Equal("Passordet er endret. Logg inn med det nye passordet.", (await ola.GetPageAsync("/logg-inn")).QuerySelector("[role=status]")!.TextContent);

        await ola.SignInAsync(Demo.HallingdalMember, NewPassword); // was locked out: proving the address opens it
        var old = await PortalClient.ReadAsync(await Portal.CreatePortalClient().SubmitAsync("/logg-inn", "main form",
            new() { ["Input.Email"] = Demo.HallingdalMember, ["Input.Password"] = DemoDataSeeder.Password }));
        Assert.Contains("Feil e-postadresse eller passord", old.FieldError("Input.Password"));

        var again = await Portal.CreatePortalClient().GetPageAsync(link);
        Assert.Contains("Lenken er brukt, utløpt eller ikke hel", again.QuerySelector("[data-testid=reset-link-unusable]")!.TextContent);
        Assert.Null(again.GetElementById("Input_Password"));
    }

    [Fact]
    public async Task ResetLink_ThatCannotBeUsed_IsSaidOnOpening_WithALinkToAskForANewOne_InsteadOfTheForm()
    {
        using var ola = Portal.CreatePortalClient();
        await ola.SubmitAsync("/glemt-passord", "main form", new() { ["Input.Email"] = Demo.BuskerudOfficer });
        await ResetsSentAsync();
        var link = ResetLinkIn(MailTo(Demo.BuskerudOfficer));
        Assert.NotNull((await ola.GetPageAsync(link)).GetElementById("Input_Password")); // a good link shows the form

        var userId = link.Split("bruker=")[1].Split('&')[0];
        await ExpectRedirectAsync(await ola.SubmitAsync(link, "main form", new() { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword }));
        foreach (var bad in new[] { "/nytt-passord", $"/nytt-passord?bruker={userId}&kode=ikke-hel", $"/nytt-passord?bruker={Guid.NewGuid()}&kode=abc", link })
        {
            var page = await ola.GetPageAsync(bad);
            var notice = page.QuerySelector("[data-testid=reset-link-unusable]");
            Assert.True(notice is not null, $"{bad} showed no notice");
            Assert.Contains("Lenken er brukt, utløpt eller ikke hel.", notice!.TextContent);
            Assert.Equal("/glemt-passord", notice.QuerySelector("a")!.GetAttribute("href"));
            Assert.Equal("Be om en ny lenke", notice.QuerySelector("a")!.TextContent);
            Assert.Null(page.QuerySelector("main form"));
        }
    }

    [Fact]
    public async Task ForgottenPassword_SaysTheSameForAnUnknownAddress_SendsNothing_AndSendsOneLinkPerFiveMinutes()
    {
        using var someone = Portal.CreatePortalClient();
        var unknown = await PortalClient.ReadAsync(await someone.SubmitAsync("/glemt-passord", "main form", new() { ["Input.Email"] = "ukjent@kommune.no" }));
        Assert.Contains("Hvis det finnes en konto for ukjent@kommune.no", Squash(unknown.QuerySelector("[data-testid=reset-requested]")!.TextContent));
        await ResetsSentAsync();
        Assert.Empty(MailsTo("ukjent@kommune.no"));

        var bad = await PortalClient.ReadAsync(await someone.SubmitAsync("/glemt-passord", "main form", new() { ["Input.Email"] = "kari@" }));
        Assert.Equal("E-postadressen er ikke gyldig. Skriv den slik: navn@kommune.no.", bad.FieldError("Input.Email"));
        Assert.Equal("kari@", bad.FieldValue("Input.Email"));

        for (var i = 0; i < 3; i++)
        {
            await someone.SubmitAsync("/glemt-passord", "main form", new() { ["Input.Email"] = Demo.HallingdalSecretary });
        }

        await ResetsSentAsync();
        Assert.Single(MailsTo(Demo.HallingdalSecretary));
        Portal.Clock.Advance(Passwords.OneLinkPer);
        await someone.SubmitAsync("/glemt-passord", "main form", new() { ["Input.Email"] = Demo.HallingdalSecretary });
        await ResetsSentAsync();
        Assert.Equal(2, MailsTo(Demo.HallingdalSecretary).Count);
    }

    [Fact]
    public async Task ForgottenPassword_AnswersAtOnce_EvenWhileTheMailServerHangs_AndTheLinkGoesOutAfter()
    {
        var mailServer = new HangingMailServer();
        await using var portal = Portal.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IEmailSender>(mailServer)));
        using var someone = new PortalClient(portal.CreateClient(new() { AllowAutoRedirect = false }));
        someone.Http.Timeout = TimeSpan.FromSeconds(15);

        var asked = await someone.SubmitAsync("/glemt-passord", "main form", new() { ["Input.Email"] = Demo.HallingdalMember });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.NotNull((await PortalClient.ReadAsync(asked)).QuerySelector("[data-testid=reset-requested]"));
        Assert.Empty(mailServer.Sent);
        mailServer.Answer();
        await portal.Services.GetRequiredService<PasswordResetQueue>().HandledAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        Assert.Equal((Demo.HallingdalMember, Passwords.ResetSubject), Assert.Single(mailServer.Sent));
    }

    /// <summary>A mail server that takes the message only when the test lets it.</summary>
    private sealed class HangingMailServer : IEmailSender
    {
        private readonly TaskCompletionSource answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public System.Collections.Concurrent.ConcurrentQueue<(string To, string Subject)> Sent { get; } = new();

        public void Answer() => answered.TrySetResult();

        public async Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default)
        {
            await answered.Task.WaitAsync(cancellationToken);
            Sent.Enqueue((to, subject));
        }
    }

    [Fact]
    public async Task ChangingThePassword_OnMyAccount_AsksForTheCurrentOne_AndSignsOutTheOtherDevicesOnly()
    {
        using var laptop = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var phone = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var account = await laptop.GetPageAsync("/rad/hallingdal");
        Assert.Equal("/konto", account.QuerySelector("[data-testid=my-account]")!.GetAttribute("href"));

        var wrong = await PortalClient.ReadAsync(await laptop.SubmitAsync("/konto", "[data-testid=password-form]",
            new() { ["Input.CurrentPassword"] = "gjettet-feil-1", ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword }));
        Assert.Equal("Passordet du har nå, stemmer ikke. Prøv igjen.", wrong.FieldError("Input.CurrentPassword"));

        var changed = await laptop.SubmitAsync("/konto", "[data-testid=password-form]",
            new() { ["Input.CurrentPassword"] = DemoDataSeeder.Password, ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Portal.Clock.Advance(TimeSpan.FromSeconds(1)); // the stamp is checked once the cookie is older than the interval (0 in tests)

        Assert.Equal("Passordet er endret. Du er logget ut på andre enheter.", (await laptop.GetPageAsync("/konto")).QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/rad/hallingdal")).StatusCode);
        var phoneAfter = await phone.GetAsync("/rad/hallingdal");
        Assert.Equal(HttpStatusCode.Redirect, phoneAfter.StatusCode);
        Assert.Contains("/logg-inn", phoneAfter.Headers.Location!.ToString());
        using var withNew = Portal.CreatePortalClient();
        await withNew.SignInAsync(Demo.HallingdalSecretary, NewPassword);
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The page answers at once; the link is sent just after, by the portal's reset mailer.</summary>
    private Task ResetsSentAsync() =>
        Portal.Services.GetRequiredService<PasswordResetQueue>().HandledAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

    private List<MimeKit.MimeMessage> MailsTo(string address) => !Directory.Exists(Portal.MailFolder) ? [] :
        [.. Directory.GetFiles(Portal.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Where(m => m.Subject == Passwords.ResetSubject && m.To.Mailboxes.Single().Address == address)];

    private MimeKit.MimeMessage MailTo(string address) => Assert.Single(MailsTo(address));

    private static string ResetLinkIn(MimeKit.MimeMessage mail)
    {
        var line = mail.TextBody!.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/nytt-passord?", StringComparison.Ordinal));
        return new Uri(line).PathAndQuery;
    }
}
