using System.Net;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Email;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Tests.Meetings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Platform;

/// <summary>The portal with an SMTP server configured, and that server down, then back.</summary>
public sealed class EmailDeliveryTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Members = "/rad/hallingdal/admin/medlemmer";

    [Fact]
    public async Task MailServerDown_TheInvitationIsMadeWithItsLink_AndTheMailGoesOutOnce_WhenTheServerIsBack()
    {
        var port = SmtpSink.ReservePort();
        await using var smtp = WithMailServer(port);
        using var admin = await SignedInAsync(smtp, Demo.HallingdalAdmin);

        var sent = await admin.PageAfterAsync(await admin.SubmitAsync(Members, "form[action*=Invite]",
            new() { ["Input.FullName"] = "Liv Øyen", ["Input.Email"] = "liv@hallingdal.no", ["Input.Roles"] = "Member" }));

        var status = sent.QuerySelector("[role=status]")!.TextContent;
        Assert.Contains("Invitasjonen er laget til", status);
        Assert.Contains("E-posttjeneren tok ikke imot e-posten nå", status);
        var link = sent.QuerySelector("[data-testid=invitation-link]")!.TextContent;
        Assert.StartsWith("https://portal.example.no/invitasjon/", link); // Email:PortalUrl, not the request's host
        var waiting = Assert.Single(await EmailsAsync());
        Assert.Equal((1, null), (waiting.Attempts, waiting.SentAtUtc));
        Assert.NotNull(waiting.LastError);

        // Not due yet: the job leaves it. The server comes back; five minutes later the job sends it, once.
        await using var server = SmtpSink.Listen(port);
        Assert.Equal(0, await DeliverAsync(smtp));
        Portal.Clock.Advance(OutgoingEmail.RetryDelays[0]);
        Assert.Equal(1, await DeliverAsync(smtp));
        Assert.Equal(0, await DeliverAsync(smtp));
        var mail = Assert.Single(server.Received);
        Assert.Equal("liv@hallingdal.no", mail.To.Mailboxes.Single().Address);
        Assert.Equal("Invitasjon til Regionrådet for Hallingdal i BioSirk-portalen", mail.Subject);
        Assert.Contains(link, mail.TextBody);
        var stored = Assert.Single(await EmailsAsync());
        Assert.NotNull(stored.SentAtUtc);
        Assert.Empty(stored.Body); // the link is not kept once it has gone

        Portal.Clock.Advance(OutgoingEmail.KeptFor + TimeSpan.FromMinutes(1));
        await DeliverAsync(smtp);
        Assert.Empty(await EmailsAsync());
    }

    [Fact]
    public async Task MailServerDown_PublishingAnAgenda_Succeeds_TheNoticesAreInThePortal_AndTheHostAdminSeesWhatWaits()
    {
        var port = SmtpSink.ReservePort();
        await using var smtp = WithMailServer(port);
        using var kari = await SignedInAsync(smtp, Demo.HallingdalSecretary);
        var meeting = await MeetingSteps.CreateMeetingAsync(kari, "hallingdal", "Rådsmøte i april", "2026-04-21");
        await MeetingSteps.AddItemAsync(kari, meeting, "Budsjett 2027");

        await MeetingSteps.PublishAsync(kari, meeting);

        using var ola = await SignedInAsync(smtp, Demo.HallingdalMember);
        var notices = await ola.GetPageAsync("/varsler");
        Assert.Contains("Du er innkalt til «Rådsmøte i april»", notices.QuerySelector("main")!.TextContent);
        var emails = await EmailsAsync();
        Assert.NotEmpty(emails);
        Assert.All(emails, e => Assert.Null(e.SentAtUtc));
        Assert.Single(emails, e => e.Attempts == 1); // the first failure stops the attempts of this publication

        using var host = await SignedInAsync(smtp, Demo.HostAdmin);
        var rows = (await host.GetPageAsync("/vert")).QuerySelectorAll("[data-testid=unsent-emails] tbody tr");
        var row = Assert.Single(rows);
        Assert.Contains("Innkalling", row.TextContent, StringComparison.OrdinalIgnoreCase);

        // The server is back: "Prøv nå" sends that one at once, and the job the rest when they are due.
        await using var server = SmtpSink.Listen(port);
        var retried = await host.SubmitAsync("/vert", "[data-testid=unsent-emails] form", []);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Contains("E-posten er sendt.", (await host.GetPageAsync("/vert")).QuerySelector("[role=status]")!.TextContent);
        Assert.Single(server.Received);
        Portal.Clock.Advance(EmailOutbox.Lease);
        Assert.Equal(emails.Count - 1, await DeliverAsync(smtp));
        Assert.Equal(emails.Count, server.Received.Count);
        var meetingLink = "https://portal.example.no" + meeting;
        Assert.All(server.Received, m => Assert.EndsWith(meetingLink, m.TextBody!.TrimEnd()));
        Assert.Empty((await host.GetPageAsync("/vert")).QuerySelectorAll("[data-testid=unsent-emails]"));
    }

    [Fact]
    public async Task AnE_mailThatKeepsFailing_IsGivenUpAfterTheLastAttempt_AndShownSo()
    {
        var port = SmtpSink.ReservePort();
        await using var smtp = WithMailServer(port);
        using var admin = await SignedInAsync(smtp, Demo.HallingdalAdmin);
        await admin.SubmitAsync(Members, "form[action*=Invite]",
            new() { ["Input.FullName"] = "Liv Øyen", ["Input.Email"] = "liv@hallingdal.no", ["Input.Roles"] = "Member" });

        foreach (var delay in OutgoingEmail.RetryDelays)
        {
            Portal.Clock.Advance(delay);
            Assert.Equal(0, await DeliverAsync(smtp));
        }

        var given = Assert.Single(await EmailsAsync());
        Assert.Equal((OutgoingEmail.MaxAttempts, true), (given.Attempts, given.IsGivenUp));
        Portal.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(0, await DeliverAsync(smtp));
        using var host = await SignedInAsync(smtp, Demo.HostAdmin);
        var row = (await host.GetPageAsync("/vert")).QuerySelector("[data-testid=unsent-emails] tbody tr")!;
        Assert.Contains("Gitt opp", row.TextContent);

        Portal.Clock.Advance(OutgoingEmail.KeptFor);
        await DeliverAsync(smtp);
        Assert.Empty(await EmailsAsync());
    }

    [Fact]
    public void AMailServerWithoutThePortalsAddress_StopsTheStart_WithAMessageThatNamesTheSetting()
    {
        using var factory = Portal.WithWebHostBuilder(b => b.UseSetting("Email:SmtpHost", "smtp.example.no"));

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        for (; error.InnerException is not null && !error.Message.Contains("Email:PortalUrl", StringComparison.Ordinal); error = error.InnerException)
        {
        }

        Assert.Contains("Email:PortalUrl must be set", error.Message);
    }

    private WebApplicationFactory<Program> WithMailServer(int port) =>
        Portal.WithWebHostBuilder(b => b
            .UseSetting("Email:PortalUrl", "https://portal.example.no/")
            .UseSetting("Email:SmtpHost", "127.0.0.1")
            .UseSetting("Email:SmtpPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static async Task<PortalClient> SignedInAsync(WebApplicationFactory<Program> node, string email)
    {
        var client = new PortalClient(node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        await client.SignInAsync(email, BioSirk.Portal.Platform.Seeding.DemoDataSeeder.Password);
        return client;
    }

    private static async Task<int> DeliverAsync(WebApplicationFactory<Program> node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliverQueuedEmails>().RunAsync();
    }

    private Task<List<OutgoingEmail>> EmailsAsync() =>
        Portal.WithScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().OutgoingEmails.AsNoTracking().ToListAsync());
}
