using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Meetings.MeetingSteps;
using static BioSirk.Portal.Tests.Reporting.PdfJobTests;

namespace BioSirk.Portal.Tests.Meetings;

/// <summary>Live comments on a meeting's items, with real SignalR clients and the page's forms.</summary>
public sealed class MeetingCommentTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Place = "rad/hallingdal";

    [Fact]
    public async Task Comment_IsPushedToEveryFollower_AndAReconnectingClientCatchesUpFromItsLastSequence()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var (path, meetingId, itemId) = await PublishedMeetingAsync(kari);
        var seen = new ConcurrentQueue<(string Who, int Sequence)>();
        await using var kariHub = await FollowerAsync(kari, "kari", seen);
        await using var olaHub = await FollowerAsync(ola, "ola", seen);
        await using var adminHub = await FollowerAsync(admin, "admin", seen);
        foreach (var hub in new[] { kariHub, olaHub, adminHub })
        {
            Assert.Equal(0, (await JoinAsync(hub, meetingId, 0))!.Value.GetArrayLength());
        }

        var posted = await olaHub.InvokeAsync<JsonElement>("PostComment", Place, meetingId, itemId, "Første kommentar");
        Assert.True(posted.GetProperty("ok").GetBoolean());
        Assert.Equal(1, posted.GetProperty("comment").GetProperty("sequence").GetInt32());
        await WaitUntilAsync(() => Task.FromResult(seen.Count(s => s.Sequence == 1) == 3));

        // Admin drops out; two comments are posted through the plain form meanwhile; she asks for everything after 1.
        await adminHub.StopAsync();
        await ExpectRedirectAsync(await PostCommentFormAsync(kari, path, itemId, "Andre kommentar"));
        await ExpectRedirectAsync(await PostCommentFormAsync(ola, path, itemId, "Tredje kommentar"));
        await WaitUntilAsync(() => Task.FromResult(seen.Count(s => s.Who == "kari" && s.Sequence == 3) == 1));
        Assert.DoesNotContain(seen, s => s.Who == "admin" && s.Sequence > 1);
        await adminHub.StartAsync();
        var missed = (await JoinAsync(adminHub, meetingId, 1))!.Value;
        Assert.Equal([2, 3], missed.EnumerateArray().Select(c => c.GetProperty("sequence").GetInt32()));
        Assert.Equal("Tredje kommentar", missed[1].GetProperty("text").GetString());

        // A change she missed while away comes with the catch-up too.
        var firstId = posted.GetProperty("comment").GetProperty("id").GetGuid();
        await ExpectRedirectAsync(await kari.PostWithTokenAsync($"{path}?handler=HideComment&commentId={firstId}"));
        await adminHub.StopAsync();
        await adminHub.StartAsync();
        var again = (await JoinAsync(adminHub, meetingId, 3))!.Value;
        Assert.Equal("Hidden", Assert.Single(again.EnumerateArray()).GetProperty("state").GetString());

        // The audit log names who wrote it, also when it came through the hub.
        var olaId = await UserIdAsync(Demo.HallingdalMember);
        var audit = await AuditOfAsync(firstId.ToString());
        Assert.Contains(audit, a => a.Action == BioSirk.Portal.SharedKernel.Auditing.AuditAction.Created && a.UserId == olaId);

        // Without JavaScript: the list, numbered in order, with the link made clickable and the markup encoded.
        var page = await admin.GetPageAsync(path);
        var comments = page.QuerySelectorAll("[data-testid=comment]");
        Assert.Equal(["1", "2", "3"], comments.Select(c => c.GetAttribute("data-sequence")));
        var first = comments[0].QuerySelector("[data-testid=comment-text]")!;
        Assert.Equal("Kommentaren er skjult av sekretariatet.", first.TextContent.Trim());
        var third = comments[2].QuerySelector("[data-testid=comment-text]")!;
        Assert.Equal("Tredje kommentar", third.TextContent.Trim());
    }

    [Fact]
    public async Task CommentText_IsEncoded_WithOnlyWebAddressesMadeLinks()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var (path, _, itemId) = await PublishedMeetingAsync(kari);
        await ExpectRedirectAsync(await PostCommentFormAsync(kari, path, itemId,
            "Se https://biosirk.no/plan. <b>nå</b> <a href=\"javascript:alert(1)\">x</a> javascript:alert(2)"));
        var text = (await kari.GetPageAsync(path)).QuerySelector("[data-testid=comment-text]")!;
        var link = Assert.Single(text.QuerySelectorAll("a"));
        Assert.Equal("https://biosirk.no/plan", link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer nofollow", link.GetAttribute("rel"));
        Assert.Null(text.QuerySelector("b"));
        Assert.Contains("<b>nå</b> <a href=\"javascript:alert(1)\">x</a>", text.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACommentFromAnotherDay_SaysWhichDay()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var (path, _, itemId) = await PublishedMeetingAsync(kari);
        await ExpectRedirectAsync(await PostCommentFormAsync(kari, path, itemId, "Skrevet i dag"));
        Assert.Equal("kl. 10:00", (await kari.GetPageAsync(path)).QuerySelector("[data-testid=comment-time]")!.TextContent);

        Portal.Clock.Advance(TimeSpan.FromDays(1));
        using var kariTomorrow = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        Assert.Equal("02.03.2026 kl. 10:00", (await kariTomorrow.GetPageAsync(path)).QuerySelector("[data-testid=comment-time]")!.TextContent);
    }

    [Fact]
    public async Task ConcurrentPosts_NeverShareASequenceNumber()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var (_, meetingId, itemId) = await PublishedMeetingAsync(kari);
        var hubs = new List<HubConnection>();
        try
        {
            foreach (var client in new[] { kari, ola, admin })
            {
                var hub = await LiveClients.ConnectAsync(Portal, client);
                await hub.StartAsync();
                hubs.Add(hub);
            }

            var posts = hubs.SelectMany(hub => Enumerable.Range(1, 8).Select(i =>
                hub.InvokeAsync<JsonElement>("PostComment", Place, meetingId, itemId, $"Samtidig {i}"))).ToList();
            var answers = await Task.WhenAll(posts);
            Assert.All(answers, a => Assert.True(a.GetProperty("ok").GetBoolean(), a.ToString()));
            Assert.Equal(Enumerable.Range(1, 24), answers.Select(a => a.GetProperty("comment").GetProperty("sequence").GetInt32()).Order());
        }
        finally
        {
            foreach (var hub in hubs)
            {
                await hub.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task JoinMeeting_IsRefused_ForAnotherCouncil_AndForSomeoneNotInvited()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var hadeland = await Portal.SignedInAsync(Demo.HadelandSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var (path, meetingId, itemId) = await PublishedMeetingAsync(kari, inviteOla: false);

        await using var hadelandHub = await LiveClients.ConnectAsync(Portal, hadeland);
        await hadelandHub.StartAsync();
        Assert.Null(await JoinAsync(hadelandHub, meetingId, 0, "rad/hallingdal")); // not her council
        Assert.Null(await JoinAsync(hadelandHub, meetingId, 0, "rad/hadeland")); // her council: not its meeting
        var refused = await hadelandHub.InvokeAsync<JsonElement>("PostComment", "rad/hadeland", meetingId, itemId, "Hei");
        Assert.False(refused.GetProperty("ok").GetBoolean());

        await using var olaHub = await LiveClients.ConnectAsync(Portal, ola);
        await olaHub.StartAsync();
        Assert.Null(await JoinAsync(olaHub, meetingId, 0)); // her council's meeting, but she is not invited
        Assert.Equal(HttpStatusCode.NotFound, (await PostCommentFormAsync(ola, path, itemId, "Hei", tokenFrom: "/logg-ut")).StatusCode);
    }

    [Fact]
    public async Task RateLimit_RefusesTheEleventhCommentInTenSeconds_WithAMessage_AndKeepsTheText()
    {
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var (path, meetingId, itemId) = await PublishedMeetingAsync(kari);
        await using var hub = await LiveClients.ConnectAsync(Portal, ola);
        await hub.StartAsync();
        for (var i = 1; i <= 10; i++)
        {
            Assert.True((await hub.InvokeAsync<JsonElement>("PostComment", Place, meetingId, itemId, $"Kommentar {i}")).GetProperty("ok").GetBoolean());
        }

        var refused = await hub.InvokeAsync<JsonElement>("PostComment", Place, meetingId, itemId, "Kommentar 11");
        Assert.False(refused.GetProperty("ok").GetBoolean());
        Assert.Contains("10 kommentarer på 10 sekunder", refused.GetProperty("error").GetString(), StringComparison.Ordinal);

        var form = await PostCommentFormAsync(ola, path, itemId, "Kommentar 11");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var page = await PortalClient.ReadAsync(form);
        Assert.Contains("10 kommentarer på 10 sekunder", page.QuerySelector("[data-testid=comment-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kommentar 11", page.QuerySelector($"#comment-{itemId}")!.TextContent);

        Portal.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.True((await hub.InvokeAsync<JsonElement>("PostComment", Place, meetingId, itemId, "Kommentar 11")).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Author_EditsAndDeletesWithinFiveMinutes_NotAfter_AndNotOthersComments()
    {
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var (path, _, itemId) = await PublishedMeetingAsync(kari);
        await ExpectRedirectAsync(await PostCommentFormAsync(ola, path, itemId, "Første utkast"));
        await ExpectRedirectAsync(await PostCommentFormAsync(ola, path, itemId, "Skal slettes"));
        var ids = (await ola.GetPageAsync(path)).QuerySelectorAll("[data-testid=comment]").Select(c => c.Id!["comment-".Length..]).ToList();
        Assert.Equal("Du kan endre eller slette kommentaren de første 5 minuttene etter at du skrev den.",
            (await ola.GetPageAsync(path)).QuerySelector("[data-testid=edit-window]")!.TextContent.Trim()); // the controls will go: he is told when

        Assert.Equal(HttpStatusCode.NotFound, (await kari.PostWithTokenAsync($"{path}?handler=EditComment&commentId={Guid.NewGuid()}", new() { ["EditText"] = "x" })).StatusCode);
        var notHers = await kari.PostWithTokenAsync($"{path}?handler=EditComment&commentId={ids[0]}", new() { ["EditText"] = "Kapret" });
        Assert.Contains("bare endre eller slette dine egne", await notHers.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Portal.Clock.Advance(TimeSpan.FromMinutes(4));
        await ExpectRedirectAsync(await ola.PostWithTokenAsync($"{path}?handler=EditComment&commentId={ids[0]}", new() { ["EditText"] = "Rettet tekst" }));
        await ExpectRedirectAsync(await ola.PostWithTokenAsync($"{path}?handler=DeleteComment&commentId={ids[1]}"));
        var page = await ola.GetPageAsync(path);
        var texts = page.QuerySelectorAll("[data-testid=comment-text]").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(["Rettet tekst", "Kommentaren er slettet av forfatteren."], texts);

        Portal.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty((await ola.GetPageAsync(path)).QuerySelectorAll("[data-testid=edit-comment-form]"));
        var late = await ola.PostWithTokenAsync($"{path}?handler=EditComment&commentId={ids[0]}", new() { ["EditText"] = "For sent" });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        // The edit form is gone with the window: her correction waits in the item's field for a new comment.
        var latePage = await PortalClient.ReadAsync(late);
        var newComment = latePage.QuerySelector("textarea[id^=comment-]")!;
        Assert.Equal("For sent", newComment.TextContent);
        Assert.Equal("Kommentaren kan ikke endres lenger, fordi det er gått mer enn 5 minutter. Det du skrev, står her: send det som en ny kommentar.",
            latePage.FieldError(newComment.Id!));
    }

    [Fact]
    public async Task Secretary_HidesAComment_ItIsShownAsHidden_PushedToFollowers_AndKeptInTheAuditLog()
    {
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var (path, meetingId, itemId) = await PublishedMeetingAsync(kari);
        await ExpectRedirectAsync(await PostCommentFormAsync(ola, path, itemId, "Upassende ord"));
        var id = (await ola.GetPageAsync(path)).QuerySelector("[data-testid=comment]")!.Id!["comment-".Length..];
        var seen = new ConcurrentQueue<(string Who, int Sequence)>();
        var states = new ConcurrentQueue<string>();
        await using var olaHub = await FollowerAsync(ola, "ola", seen);
        olaHub.On<JsonElement>("comment", c => states.Enqueue(c.GetProperty("state").GetString()!));
        await JoinAsync(olaHub, meetingId, 1);

        Assert.Equal(HttpStatusCode.NotFound, (await ola.PostWithTokenAsync($"{path}?handler=HideComment&commentId={id}")).StatusCode);
        await ExpectRedirectAsync(await kari.PostWithTokenAsync($"{path}?handler=HideComment&commentId={id}"));

        await WaitUntilAsync(() => Task.FromResult(states.Contains("Hidden")));
        var page = await ola.GetPageAsync(path);
        Assert.Equal("Kommentaren er skjult av sekretariatet.", page.QuerySelector("[data-testid=comment-text]")!.TextContent.Trim());
        Assert.DoesNotContain("Upassende ord", page.Body!.TextContent, StringComparison.Ordinal);
        var logged = await AuditOfAsync(id);
        Assert.Contains(logged, a => a.Changes.Contains("HiddenAtUtc", StringComparison.Ordinal));
        Assert.Contains(logged, a => a.Changes.Contains("Upassende ord", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Comment_WithBadInput_ShowsTheMessageBesideTheField()
    {
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var (path, _, itemId) = await PublishedMeetingAsync(kari);
        var tooLong = new string('a', 2001);
        var page = await PortalClient.ReadAsync(await PostCommentFormAsync(ola, path, itemId, tooLong));
        Assert.Contains("høyst 2 000 tegn", page.QuerySelector("[data-testid=comment-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(tooLong, page.QuerySelector($"#comment-{itemId}")!.TextContent);
        page = await PortalClient.ReadAsync(await PostCommentFormAsync(ola, path, itemId, "   "));
        Assert.Contains("Skriv en kommentar", page.QuerySelector("[data-testid=comment-error]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterSigningOut_APageLeftOpenCanNoLongerComment_NorACopyOfTheCookie_WhileTheSameUsersOtherBrowserGoesOn()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        using var olaOnHisPhone = await Portal.SignedInAsync(Demo.HallingdalMember);
        var (path, meetingId, itemId) = await PublishedMeetingAsync(kari);
        var seen = new ConcurrentQueue<(string Who, int Sequence)>();
        await using var openTab = await FollowerAsync(ola, "tab", seen);
        await using var phone = await FollowerAsync(olaOnHisPhone, "phone", seen);
        var toldSignedOut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        openTab.On("signedOut", () => toldSignedOut.TrySetResult());
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        openTab.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await JoinAsync(openTab, meetingId, 0);
        await JoinAsync(phone, meetingId, 0);
        var cookie = (await ola.GetAsync("/logg-inn")).RequestMessage!.Headers.GetValues("Cookie").Single();

        // Ola signs out in another tab of the same browser: the open tab is told, and its connection closes.
        await ExpectRedirectAsync(await ola.PostWithTokenAsync("/logg-ut"));
        await toldSignedOut.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Nor can it open again with the cookie it had; the phone is another sign-in and goes on.
        Portal.Clock.Advance(TimeSpan.FromSeconds(1)); // the cookie is checked once it is older than the interval (0 in tests)
        await Assert.ThrowsAnyAsync<Exception>(() => openTab.StartAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        var posted = await phone.InvokeAsync<JsonElement>("PostComment", Place, meetingId, itemId, "Fra telefonen");
        Assert.True(posted.GetProperty("ok").GetBoolean());
        var page = (await kari.GetPageAsync(path)).QuerySelector("main")!.TextContent;
        Assert.Contains("Fra telefonen", page, StringComparison.Ordinal);

        // A copy of the signed-out cookie opens no page either.
        using var copy = new HttpClient(Portal.Server.CreateHandler()) { BaseAddress = Portal.Server.BaseAddress };
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        var refused = await copy.GetAsync("/rad/hallingdal");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/logg-inn", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConnectionWhoseSignInHasEnded_IsRefusedAtItsNextCall_AndNothingIsStored()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var (path, meetingId, itemId) = await PublishedMeetingAsync(kari);
        await using var hub = await LiveClients.ConnectAsync(Portal, ola);
        await hub.StartAsync();
        await JoinAsync(hub, meetingId, 0);

        // Ended without this node's knowledge (as when she signs out through another web node): the call itself is checked.
        await Portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<BioSirk.Portal.Platform.Domain.PortalUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(Demo.HallingdalMember))!);
            return 0;
        });

        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => hub.InvokeAsync<JsonElement>("PostComment", Place, meetingId, itemId, "Etter utlogging")
            .WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("Du er logget ut", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Etter utlogging", (await kari.GetPageAsync(path)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedCommentThroughTheHub_SaysWhyInThePagesLanguage()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var (_, meetingId, itemId) = await PublishedMeetingAsync(kari);
        await ola.ChooseEnglishAsync();
        await using var english = await LiveClients.ConnectAsync(Portal, ola);
        await english.StartAsync();
        await using var norwegian = await LiveClients.ConnectAsync(Portal, kari);
        await norwegian.StartAsync();

        var empty = await english.InvokeAsync<JsonElement>("PostComment", Place, meetingId, itemId, " ");
        Assert.Equal("Write a comment before you send it.", empty.GetProperty("error").GetString());
        var tooLong = await english.InvokeAsync<JsonElement>("PostComment", Place, meetingId, itemId, new string('x', 2_001));
        Assert.Equal("The comment can be at most 2,000 characters. Make it shorter, or split it in two.", tooLong.GetProperty("error").GetString());
        var elsewhere = await english.InvokeAsync<JsonElement>("PostComment", Place, Guid.NewGuid(), itemId, "Hei");
        Assert.Equal("The meeting or the item does not exist, or you do not have access to it.", elsewhere.GetProperty("error").GetString());
        var inNorwegian = await norwegian.InvokeAsync<JsonElement>("PostComment", Place, meetingId, itemId, "");
        Assert.Equal("Skriv en kommentar før du sender den.", inNorwegian.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AMemberDeactivatedWhileHisMeetingPageIsOpen_IsTold_AndReceivesNoMoreComments()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var (_, meetingId, itemId) = await PublishedMeetingAsync(kari);
        var seen = new ConcurrentQueue<(string Who, int Sequence)>();
        await using var kariHub = await FollowerAsync(kari, "kari", seen);
        await using var olaHub = await FollowerAsync(ola, "ola", seen);
        var toldNoAccess = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        olaHub.On<JsonElement>("accessLost", _ => toldNoAccess.TrySetResult());
        await JoinAsync(kariHub, meetingId, 0);
        await JoinAsync(olaHub, meetingId, 0);
        await kariHub.InvokeAsync<JsonElement>("PostComment", Place, meetingId, itemId, "Før endringen");
        await WaitUntilAsync(() => Task.FromResult(seen.Contains(("ola", 1))));

        // The council's admin deactivates Ola while his meeting page is open.
        var members = await admin.GetPageAsync("/rad/hallingdal/admin/medlemmer");
        var olaUrl = members.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("Ola Bakken", StringComparison.Ordinal)).QuerySelector("a")!.GetAttribute("href")!;
        await ExpectRedirectAsync(await admin.SubmitAsync(olaUrl, "main form", new() { ["Input.Roles"] = "Member" }));
        await toldNoAccess.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await kariHub.InvokeAsync<JsonElement>("PostComment", Place, meetingId, itemId, "Etter endringen, ikke for Ola");
        await WaitUntilAsync(() => Task.FromResult(seen.Contains(("kari", 2))));
        Assert.DoesNotContain(("ola", 2), seen);
        Assert.Null(await JoinAsync(olaHub, meetingId, 0));
    }

    [Fact]
    public async Task AParticipantTakenOffTheMeeting_StopsReceivingItsComments_WhileTheOthersGoOn()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var (path, meetingId, itemId) = await PublishedMeetingAsync(kari);
        var seen = new ConcurrentQueue<(string Who, int Sequence)>();
        await using var kariHub = await FollowerAsync(kari, "kari", seen);
        await using var olaHub = await FollowerAsync(ola, "ola", seen);
        var toldNoAccess = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        olaHub.On<JsonElement>("accessLost", _ => toldNoAccess.TrySetResult());
        await JoinAsync(kariHub, meetingId, 0);
        await JoinAsync(olaHub, meetingId, 0);

        // Kari takes Ola off the participants.
        var olaId = (await UserIdAsync(Demo.HallingdalMember)).ToString();
        var form = await kari.FormListAsync(path + "/endre", "form[data-testid=meeting-form]");
        Assert.Contains(form, f => f.Key == "Input.ParticipantIds" && f.Value == olaId);
        form.RemoveAll(f => f.Key == "Input.ParticipantIds" && f.Value == olaId);
        await ExpectRedirectAsync(await kari.Http.PostAsync(path + "/endre", new FormUrlEncodedContent(form)));
        await toldNoAccess.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await kariHub.InvokeAsync<JsonElement>("PostComment", Place, meetingId, itemId, "Bare for deltakerne");
        await WaitUntilAsync(() => Task.FromResult(seen.Contains(("kari", 1))));
        Assert.DoesNotContain(("ola", 1), seen);
    }

    private async Task<(string Path, Guid MeetingId, Guid ItemId)> PublishedMeetingAsync(PortalClient secretary, bool inviteOla = true)
    {
        string path;
        if (inviteOla)
        {
            path = await CreateMeetingAsync(secretary, "hallingdal", "Rådsmøte med kommentarer", "2026-03-17");
        }
        else
        {
            var olaId = await Portal.WithScopeAsync(async sp => (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                sp.GetRequiredService<BioSirk.Portal.Platform.Data.PlatformDbContext>().Users, u => u.Email == Demo.HallingdalMember)).Id.ToString());
            var response = await PostNewMeetingAsync(secretary, "hallingdal", form =>
            {
                Set(form, "Input.Title", "Lukket møte");
                Set(form, "Input.Date", "2026-03-17");
                Set(form, "Input.Start", "10:00");
                Set(form, "Input.End", "12:00");
                Set(form, "Input.Place", "Gol");
                form.RemoveAll(f => f.Key == "Input.ParticipantIds" && f.Value == olaId);
            });
            await ExpectRedirectAsync(response);
            path = response.Headers.Location!.OriginalString;
        }

        await AddItemAsync(secretary, path, "Budsjett 2027");
        await PublishAsync(secretary, path);
        var itemPath = await ItemPathAsync(secretary, path, "Budsjett 2027");
        return (path, Guid.Parse(path.Split('/')[4]), Guid.Parse(itemPath.Split('/')[^1]));
    }

    private Task<List<BioSirk.Portal.SharedKernel.Auditing.AuditEntry>> AuditOfAsync(string commentId) => Portal.WithScopeAsync(sp =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            sp.GetRequiredService<BioSirk.Portal.Meetings.Data.MeetingsDbContext>().Set<BioSirk.Portal.SharedKernel.Auditing.AuditEntry>()
                .Where(a => a.EntityType == "MeetingComment" && a.EntityId == commentId)));

    private Task<Guid> UserIdAsync(string email) => Portal.WithScopeAsync(async sp =>
        (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            sp.GetRequiredService<BioSirk.Portal.Platform.Data.PlatformDbContext>().Users, u => u.Email == email)).Id);

    private static Task<HttpResponseMessage> PostCommentFormAsync(PortalClient client, string path, Guid itemId, string text, string? tokenFrom = null) =>
        tokenFrom is null
            ? client.SubmitAsync(path, $"[data-item=\"{itemId}\"] form[data-testid=comment-form]", new() { ["CommentText"] = text })
            : client.PostWithTokenAsync($"{path}?handler=Comment&itemId={itemId}", new() { ["CommentText"] = text }, tokenFrom);

    private async Task<HubConnection> FollowerAsync(PortalClient client, string who, ConcurrentQueue<(string Who, int Sequence)> seen)
    {
        var hub = await LiveClients.ConnectAsync(Portal, client);
        hub.On<JsonElement>("comment", c => seen.Enqueue((who, c.GetProperty("sequence").GetInt32())));
        await hub.StartAsync();
        return hub;
    }

    private static async Task<JsonElement?> JoinAsync(HubConnection hub, Guid meetingId, int after, string place = Place)
    {
        var answer = await hub.InvokeAsync<JsonElement>("JoinMeeting", place, meetingId, after);
        return answer.ValueKind == JsonValueKind.Null ? null : answer;
    }
}
