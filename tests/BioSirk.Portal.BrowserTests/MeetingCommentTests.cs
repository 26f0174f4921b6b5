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

/// <summary>Two participants at two computers: a comment one of them sends appears at the other's without reload.</summary>
public sealed class MeetingCommentTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    [Fact]
    public async Task Comment_AppearsForTheOtherParticipantWithoutReload_IsAnnounced_AndHerTypingIsKept()
    {
        var (meetingId, itemId) = await PublishedMeetingAsync();
        var url = $"/rad/hallingdal/moter/{meetingId}";
        var kari = Page;
        var ola = await NewPageInFreshContextAsync();
        await SignInAsync(Demo.HallingdalSecretary, "/rad/hallingdal", kari);
        await SignInAsync(Demo.HallingdalMember, "/rad/hallingdal", ola);
        await GotoAsync(url, kari);
        await GotoAsync(url, ola);
        await Expect(kari.Locator("[data-live=on]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(ola.Locator("[data-live=on]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await kari.EvaluateAsync("() => { window.sameDocument = true; }");

        // Kari is typing when Ola's comment arrives: her text and her focus stay.
        var kariField = kari.Locator($"#comment-{itemId}");
        await kariField.FillAsync("Jeg skriver fortsatt");
        var olaField = ola.Locator($"#comment-{itemId}");
        await olaField.FillAsync("Se https://biosirk.no/plan <b>nå</b>");
        await ola.Locator($"[data-item=\"{itemId}\"] form[data-testid=comment-form] button[type=submit]").ClickAsync();

        var arrived = kari.Locator($"[data-comments-for=\"{itemId}\"] [data-testid=comment]");
        await Expect(arrived).ToHaveCountAsync(1, new() { Timeout = 5_000 });
        await Expect(arrived.Locator("a")).ToHaveAttributeAsync("href", "https://biosirk.no/plan");
        await Expect(arrived.Locator("[data-testid=comment-text]")).ToHaveTextAsync("Se https://biosirk.no/plan <b>nå</b>");
        await Expect(kari.Locator("#comment-announcer")).ToContainTextAsync("Ny kommentar fra");
        await Expect(kariField).ToHaveValueAsync("Jeg skriver fortsatt");
        await Expect(kariField).ToBeFocusedAsync();
        Assert.True(await kari.EvaluateAsync<bool>("() => window.sameDocument === true"));

        // Ola's own comment is in her list too, with her field emptied, and she can change it.
        await Expect(ola.Locator($"[data-comments-for=\"{itemId}\"] [data-testid=comment]")).ToHaveCountAsync(1);
        await Expect(olaField).ToHaveValueAsync("");
        await Expect(ola.Locator($"[data-comments-for=\"{itemId}\"] details summary")).ToHaveCountAsync(1);
        await CheckAsync(kari);
        await CheckAsync(ola);

        // Read again from the server (the page as it works without JavaScript): the same comment, with its line breaks kept.
        await GotoAsync(url, kari);
        var stored = kari.Locator($"[data-comments-for=\"{itemId}\"] [data-testid=comment-text]");
        await Expect(stored).ToHaveTextAsync("Se https://biosirk.no/plan <b>nå</b>");
        Assert.Equal("pre-line", await stored.EvaluateAsync<string>("e => getComputedStyle(e).whiteSpace"));
    }

    private Task<(Guid MeetingId, Guid ItemId)> PublishedMeetingAsync() => Portal.WithScopeAsync(async sp =>
    {
        var platform = sp.GetRequiredService<PlatformDbContext>();
        var hallingdal = await platform.Tenants.SingleAsync(t => t.Slug == "hallingdal");
        var people = await platform.Users.Where(u => u.Email == Demo.HallingdalMember || u.Email == Demo.HallingdalSecretary).ToListAsync();
        var db = sp.GetRequiredService<MeetingsDbContext>();
        var meeting = new Meeting(hallingdal.Id, Guid.Empty);
        meeting.Schedule(new MeetingDetails("Rådsmøte", new DateOnly(2026, 4, 14), new TimeOnly(10, 0), new TimeOnly(12, 0), "Gol", null));
        meeting.Invite(people.Select(p => new Invitee(p.Id, p.Email == Demo.HallingdalMember ? "Ola Bakken" : "Kari Sekretær", hallingdal.Id)));
        var item = meeting.AddItem(new AgendaItemText("Budsjett 2027", "Bakgrunn", null, "Forslag", null)).Value!;
        var counter = new CaseNumberCounter(meeting);
        meeting.Publish(counter, DateTime.UtcNow);
        db.Meetings.Add(meeting);
        db.CaseNumberCounters.Add(counter);
        await db.SaveChangesAsync();
        return (meeting.Id, item.Id);
    });
}
