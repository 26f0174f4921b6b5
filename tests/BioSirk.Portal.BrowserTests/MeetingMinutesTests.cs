using System.Text.RegularExpressions;
using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Meetings.Data;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BioSirk.Portal.BrowserTests;

/// <summary>The secretary keeps the minutes in the browser: every state of the protokoll page passes axe.</summary>
public sealed class MeetingMinutesTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    [Fact]
    public async Task Secretary_RecordsTheResolution_AndMakesTheMinutes_EveryStateAccessible()
    {
        var meetingId = await HeldMeetingAsync();
        var url = $"/rad/hallingdal/moter/{meetingId}/protokoll";
        await SignInAsync(Demo.HallingdalSecretary, "/rad/hallingdal");
        await GotoAsync($"/rad/hallingdal/moter/{meetingId}");
        await ClickAndCheckAsync(Page.GetByTestId("minutes-link"), url);

        // Asked for too early: the message sits beside the field, which still holds the proposal.
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Lag protokoll (PDF)" }), url + "?handler=Pdf");
        var field = Page.GetByLabel("Vedtak i SAK 1/26");
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByTestId("resolution-error")).ToHaveTextAsync("SAK 1/26: skriv vedtaket og lagre det, eller velg «Ingen vedtak» og lagre hvis møtet ikke vedtok noe i saken.");
        await Expect(field).ToHaveValueAsync("Budsjettet vedtas som foreslått.");

        await field.FillAsync("Budsjettet vedtas med endringene fra møtet.");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Lagre i SAK 1/26" }), url);
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Vedtaket er lagret.");

        var hold = Portal.Pdfs.Hold();
        try
        {
            await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Lag protokoll (PDF)" }), url);
            await Expect(Page.GetByTestId("minutes-status")).ToHaveTextAsync(new Regex("^Protokoll 1 (står i kø\\.|lages nå …)$"));
        }
        finally
        {
            hold.Dispose();
        }

        // Without JavaScript the page is reloaded to follow the job, as its hint says.
        var until = DateTime.UtcNow.AddSeconds(60);
        while (await Page.GetByTestId("minutes-download").CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < until, "The minutes were not ready within 60 s.");
            await Task.Delay(500);
            await Page.ReloadAsync();
            await CheckAsync();
        }

        await Expect(Page.GetByTestId("minutes-status")).ToHaveCountAsync(0); // nothing left to say once the PDF is ready
        await Expect(Page.GetByTestId("minutes-version")).ToContainTextAsync("Klar");
    }

    private Task<Guid> HeldMeetingAsync() => Portal.WithScopeAsync(async sp =>
    {
        var platform = sp.GetRequiredService<PlatformDbContext>();
        var hallingdal = await platform.Tenants.SingleAsync(t => t.Slug == "hallingdal");
        var ola = await platform.Users.SingleAsync(u => u.Email == Demo.HallingdalMember);
        var db = sp.GetRequiredService<MeetingsDbContext>();
        var meeting = new Meeting(hallingdal.Id, Guid.Empty);
        meeting.Schedule(new MeetingDetails("Rådsmøte februar", new DateOnly(2026, 2, 24), new TimeOnly(10, 0), new TimeOnly(12, 0), "Gol", null));
        meeting.Invite([new Invitee(ola.Id, "Ola Bakken", hallingdal.Id)]);
        meeting.AddItem(new AgendaItemText("Budsjett 2027", "Bakgrunn", null, "Budsjettet vedtas som foreslått.", null));
        var counter = new CaseNumberCounter(meeting);
        meeting.Publish(counter, DateTime.UtcNow);
        db.Meetings.Add(meeting);
        db.CaseNumberCounters.Add(counter);
        await db.SaveChangesAsync();
        return meeting.Id;
    });
}
