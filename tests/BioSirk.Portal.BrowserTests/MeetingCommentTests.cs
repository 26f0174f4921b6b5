using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Meetings.Data;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Web.Live;
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
        await JoinLiveAsync(url, kari, ola);
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
        await Expect(ola.Locator($"[data-comments-for=\"{itemId}\"] details summary")).ToHaveTextAsync("Endre eller slett kommentaren din"); // as when the page is read

        // An empty comment is refused where she is: the message above the field, and the focus back in it.
        await ola.Locator($"[data-item=\"{itemId}\"] form[data-testid=comment-form] button[type=submit]").ClickAsync();
        await Expect(ola.Locator($"#comment-{itemId}-live-error")).ToBeVisibleAsync();
        await Expect(olaField).ToBeFocusedAsync();
        await Expect(olaField).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckAsync(kari);
        await CheckAsync(ola);

        // Read again from the server (the page as it works without JavaScript): the same comment, with its line breaks kept.
        await GotoAsync(url, kari);
        var stored = kari.Locator($"[data-comments-for=\"{itemId}\"] [data-testid=comment-text]");
        await Expect(stored).ToHaveTextAsync("Se https://biosirk.no/plan <b>nå</b>");
        Assert.Equal("pre-line", await stored.EvaluateAsync<string>("e => getComputedStyle(e).whiteSpace"));
    }

    [Fact]
    public async Task Comment_DoubleClicked_IsPostedOnce()
    {
        var (meetingId, itemId) = await PublishedMeetingAsync();
        var url = $"/rad/hallingdal/moter/{meetingId}";
        var kari = Page;
        var ola = await NewPageInFreshContextAsync();
        await JoinLiveAsync(url, kari, ola);

        await ola.Locator($"#comment-{itemId}").FillAsync("Enig i forslaget.");
        await ola.Locator($"[data-item=\"{itemId}\"] form[data-testid=comment-form] button[type=submit]").DblClickAsync();

        await Expect(kari.Locator($"[data-comments-for=\"{itemId}\"] [data-testid=comment]")).ToHaveCountAsync(1, new() { Timeout = 5_000 });
        await GotoAsync(url, ola); // what the server kept, after any second comment would have arrived
        await Expect(ola.Locator($"[data-comments-for=\"{itemId}\"] [data-testid=comment-text]")).ToHaveTextAsync(["Enig i forslaget."]);
        await CheckAsync(kari);
    }

    [Fact]
    public async Task AfterALostConnection_ThePageSaysSo_WhatWasMissedArrives_AndACommentWrittenMeanwhileIsSentWhenItIsBack()
    {
        var (meetingId, itemId) = await PublishedMeetingAsync();
        var url = $"/rad/hallingdal/moter/{meetingId}";
        var kari = Page;
        var ola = await NewPageInFreshContextAsync();

        // Ola's network: his live connection can be cut, and new connections refused, until it "comes back".
        var cut = false;
        var sockets = new List<IWebSocketRoute>();
        await ola.RouteAsync("**/hubs/portal/negotiate**", route => cut ? route.AbortAsync() : route.ContinueAsync());
        await ola.RouteWebSocketAsync("**/hubs/portal**", socket =>
        {
            sockets.Add(socket);
            socket.ConnectToServer();
        });
        await JoinLiveAsync(url, kari, ola);
        await Expect(kari.Locator("[data-testid=present] li")).ToHaveCountAsync(2, new() { Timeout = 5_000 });

        var olaField = ola.Locator($"#comment-{itemId}");
        await olaField.FillAsync("Et innspill jeg skriver på");
        cut = true;
        await sockets[^1].CloseAsync();

        // Meanwhile Kari comments and marks the item as the one dealt with now.
        await kari.Locator($"#comment-{itemId}").FillAsync("Skrevet mens Ola var borte");
        await kari.Locator($"[data-item=\"{itemId}\"] form[data-testid=comment-form] button[type=submit]").ClickAsync();
        await Expect(kari.Locator($"[data-comments-for=\"{itemId}\"] [data-testid=comment]")).ToHaveCountAsync(1);
        await kari.Locator("[data-testid=current-button]").ClickAsync();
        await Expect(kari.Locator("[data-testid=current-item]")).ToContainTextAsync("Nå behandles: SAK 1/26 Budsjett 2027");
        Assert.Equal(0, await ola.Locator($"[data-comments-for=\"{itemId}\"] [data-testid=comment]").CountAsync());

        // His page says the connection is lost; sending his comment meanwhile keeps him on the page, with the text.
        await Expect(ola.Locator("[data-testid=live-status]")).ToContainTextAsync("Forbindelsen er brutt.");
        await ola.Locator($"[data-item=\"{itemId}\"] form[data-testid=comment-form] button[type=submit]").ClickAsync();
        await Expect(ola.Locator("[data-testid=live-status]")).ToContainTextAsync("Ikke sendt ennå: kommentaren sendes når forbindelsen er tilbake.");
        Assert.EndsWith(url, ola.Url, StringComparison.Ordinal);
        await Expect(olaField).ToHaveValueAsync("Et innspill jeg skriver på");

        // His connection comes back: what he missed arrives, and what he wrote is sent.
        cut = false;
        var missed = ola.Locator($"[data-comments-for=\"{itemId}\"] [data-testid=comment]");
        await Expect(missed).ToHaveCountAsync(2, new() { Timeout = 45_000 });
        await Expect(missed.First.Locator("[data-testid=comment-text]")).ToHaveTextAsync("Skrevet mens Ola var borte");
        await Expect(kari.Locator($"[data-comments-for=\"{itemId}\"] [data-testid=comment-text]").Last).ToHaveTextAsync("Et innspill jeg skriver på");
        await Expect(ola.Locator("[data-testid=live-status]")).ToContainTextAsync("Tilkoblet igjen");
        await Expect(ola.Locator("[data-testid=current-item]")).ToContainTextAsync("Nå behandles: SAK 1/26 Budsjett 2027");
        await Expect(ola.Locator("[data-testid=agenda-item][aria-current=true]")).ToHaveCountAsync(1);
        await Expect(ola.Locator("#comment-announcer")).Not.ToBeEmptyAsync();
        await Expect(olaField).ToHaveValueAsync("");
        await CheckAsync(ola);
        await CheckAsync(kari);
    }

    [Fact]
    public async Task WhatThePagePushes_IsInTheReadersLanguage()
    {
        var (meetingId, itemId) = await PublishedMeetingAsync();
        var url = $"/rad/hallingdal/moter/{meetingId}";
        var kari = Page;
        var ola = await NewPageInFreshContextAsync();
        await JoinLiveAsync(url, kari, ola, kariInEnglish: true);

        await ola.Locator($"#comment-{itemId}").FillAsync("Et innspill");
        await ola.Locator($"[data-item=\"{itemId}\"] form[data-testid=comment-form] button[type=submit]").ClickAsync();
        await Expect(kari.Locator("#comment-announcer")).ToHaveTextAsync("New comment from Ola Bakken on Budsjett 2027: Et innspill", new() { Timeout = 5_000 });
        var arrived = kari.Locator($"[data-comments-for=\"{itemId}\"] [data-testid=comment]");
        await Expect(arrived.GetByRole(AriaRole.Button)).ToHaveTextAsync("Hide the comment from Ola Bakken");
        await Expect(arrived.Locator("div").First).ToContainTextAsync(" at ");

        await kari.GetByRole(AriaRole.Button, new() { Name = "Discuss now" }).ClickAsync();
        await Expect(kari.Locator("[data-current-line]")).ToContainTextAsync("Now under discussion:");
        await Expect(kari.GetByRole(AriaRole.Button, new() { Name = "End the discussion" })).ToHaveCountAsync(1);
        await Expect(ola.Locator("[data-current-line]")).ToContainTextAsync("Nå behandles:"); // Ola reads Norwegian
        await CheckAsync(kari);
    }

    [Fact]
    public async Task EditOrDelete_LeavesAnOpenPage_WhenItsFiveMinutesAreUp()
    {
        var (meetingId, itemId) = await PublishedMeetingAsync();
        var url = $"/rad/hallingdal/moter/{meetingId}";
        var ola = Page;
        await SignInAsync(Demo.HallingdalMember, "/rad/hallingdal", ola);
        await GotoAsync(url, ola);
        await ola.Locator($"#comment-{itemId}").FillAsync("Snart for sent å endre");
        await ola.Locator($"[data-item=\"{itemId}\"] form[data-testid=comment-form] button[type=submit]").ClickAsync();
        var edit = ola.Locator("[data-testid=comment] details");
        await Expect(edit).ToHaveCountAsync(1);

        // The page is read 10 s before the window closes (on the portal's clock, whatever the device's clock says).
        Portal.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(10));
        await GotoAsync(url, ola);
        await Expect(edit).ToHaveCountAsync(1);
        await Expect(edit).ToHaveCountAsync(0, new() { Timeout = 40_000 });
    }

    [Fact]
    public async Task SignedOutInAnotherTab_TheMeetingPageSaysSo_KeepsTheText_AndSendsNothing()
    {
        var (meetingId, itemId) = await PublishedMeetingAsync();
        var url = $"/rad/hallingdal/moter/{meetingId}";
        var kari = Page;
        var ola = await NewPageInFreshContextAsync();
        await JoinLiveAsync(url, kari, ola);

        var otherTab = await ola.Context.NewPageAsync();
        await GotoAsync("/rad/hallingdal", otherTab);
        await NavigateAsync(otherTab, () => otherTab.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Logg ut" }).ClickAsync());

        var status = ola.Locator("[data-testid=live-status]");
        await Expect(status).ToHaveTextAsync(
            "Du er logget ut, så kommentarer kan ikke sendes fra denne siden. Kopier det du har skrevet, og logg inn på nytt for å sende det.",
            new() { Timeout = 10_000 });
        var field = ola.Locator($"#comment-{itemId}");
        await field.FillAsync("Skrevet etter utlogging");
        await ola.Locator($"[data-item=\"{itemId}\"] form[data-testid=comment-form] button[type=submit]").ClickAsync();
        await Expect(field).ToHaveValueAsync("Skrevet etter utlogging");
        Assert.EndsWith(url, ola.Url, StringComparison.Ordinal); // still the meeting page, not the sign-in page that loses the text
        await CheckAsync(ola);

        await GotoAsync(url, kari);
        await Expect(kari.Locator($"[data-comments-for=\"{itemId}\"] [data-testid=comment]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TakenOffTheMeetingElsewhere_TheOpenPageSaysSoAtTheNextCheck_KeepsTheText_AndShowsNoMoreComments()
    {
        var (meetingId, itemId) = await PublishedMeetingAsync();
        var url = $"/rad/hallingdal/moter/{meetingId}";
        var kari = Page;
        var ola = await NewPageInFreshContextAsync();
        await JoinLiveAsync(url, kari, ola);

        // Ola is taken off the participants through another web node: this node learns it at its periodic check.
        await Portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MeetingsDbContext>();
            var meeting = await db.Meetings.IgnoreQueryFilters().Include(m => m.Participants).SingleAsync(m => m.Id == meetingId);
            meeting.Invite(meeting.Participants.Where(p => p.Name != "Ola Bakken").Select(p => new Invitee(p.UserId, p.Name, p.CouncilId)).ToList());
            await db.SaveChangesAsync();
            return 0;
        });
        await Portal.Services.GetRequiredService<LiveFollows>().RecheckAsync();

        var status = ola.Locator("[data-testid=live-status]");
        await Expect(status).ToHaveTextAsync(
            "Du har ikke lenger tilgang til dette møtet, så siden viser ikke flere kommentarer. Kontakt sekretariatet hvis det er feil.",
            new() { Timeout = 10_000 });
        var field = ola.Locator($"#comment-{itemId}");
        await field.FillAsync("Skrevet etter at tilgangen ble tatt bort");
        await ola.Locator($"[data-item=\"{itemId}\"] form[data-testid=comment-form] button[type=submit]").ClickAsync();
        await Expect(field).ToHaveValueAsync("Skrevet etter at tilgangen ble tatt bort");
        Assert.EndsWith(url, ola.Url, StringComparison.Ordinal);

        await kari.Locator($"#comment-{itemId}").FillAsync("Bare for deltakerne");
        await kari.Locator($"[data-item=\"{itemId}\"] form[data-testid=comment-form] button[type=submit]").ClickAsync();
        await Expect(kari.Locator($"[data-comments-for=\"{itemId}\"] [data-testid=comment]")).ToHaveCountAsync(1);
        await Task.Delay(1000); // a push, had there been one, arrives within this
        await Expect(ola.Locator($"[data-comments-for=\"{itemId}\"] [data-testid=comment]")).ToHaveCountAsync(0);
        await CheckAsync(ola);
    }

    /// <summary>Kari (secretary) and Ola (member) sign in and open the meeting page; returns once both pages are live.</summary>
    private async Task JoinLiveAsync(string url, IPage kari, IPage ola, bool kariInEnglish = false)
    {
        await SignInAsync(Demo.HallingdalSecretary, "/rad/hallingdal", kari);
        await SignInAsync(Demo.HallingdalMember, "/rad/hallingdal", ola);
        if (kariInEnglish)
        {
            await ClickAndCheckAsync(kari.Locator("header").GetByRole(AriaRole.Button, new() { Name = "English" }), "/rad/hallingdal", kari);
        }

        await GotoAsync(url, kari);
        await GotoAsync(url, ola);
        await Expect(kari.Locator("[data-live=on]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(ola.Locator("[data-live=on]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
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
