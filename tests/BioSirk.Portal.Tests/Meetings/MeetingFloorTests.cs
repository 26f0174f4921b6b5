using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Meetings.MeetingSteps;
using static BioSirk.Portal.Tests.Reporting.PdfJobTests;

namespace BioSirk.Portal.Tests.Meetings;

/// <summary>The meeting in progress: the item the secretary marks as current, followed by everyone; and who is present.</summary>
public sealed class MeetingFloorTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Place = "rad/hallingdal";

    [Fact]
    public async Task CurrentItem_SetBySecretary_ReachesEveryFollowerAtOnce_AndALateJoinerAndThePage()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var (path, meetingId, first, second) = await MeetingWithTwoItemsAsync(kari);
        var seen = new ConcurrentQueue<(string Who, Guid? ItemId)>();
        await using var kariHub = await FollowerAsync(kari, "kari", seen);
        await using var olaHub = await FollowerAsync(ola, "ola", seen);
        await JoinAsync(kariHub, meetingId);
        await JoinAsync(olaHub, meetingId);
        await WaitUntilAsync(() => Task.FromResult(seen.Count(s => s.ItemId is null) == 2)); // on joining: nothing current yet

        var answer = await kariHub.InvokeAsync<JsonElement>("SetCurrentItem", Place, meetingId, second);
        Assert.True(answer.GetProperty("ok").GetBoolean(), answer.ToString());
        Assert.Equal("SAK 2/26", answer.GetProperty("current").GetProperty("caseLabel").GetString());
        await WaitUntilAsync(() => Task.FromResult(seen.Any(s => s.Who == "ola" && s.ItemId == second)));

        // Someone who opens the page later is told on joining, and the page without JavaScript shows it too.
        await using var adminHub = await FollowerAsync(admin, "admin", seen);
        await JoinAsync(adminHub, meetingId);
        await WaitUntilAsync(() => Task.FromResult(seen.Any(s => s.Who == "admin" && s.ItemId == second)));
        var page = await ola.GetPageAsync(path);
        Assert.Contains("Nå behandles: SAK 2/26 Strategi for biogass", Squash(page.QuerySelector("[data-testid=current-item]")!.TextContent));
        var marked = Assert.Single(page.QuerySelectorAll("[data-testid=agenda-item][aria-current=true]"));
        Assert.Equal(second.ToString(), marked.GetAttribute("data-agenda-item"));
        Assert.Null(page.QuerySelector("[data-testid=current-button]")); // only the secretary sets it

        // Without JavaScript, the secretary's form: the next item, then none.
        await ExpectRedirectAsync(await kari.SubmitAsync(path, $"[data-agenda-item=\"{first}\"] form[data-current-form]", []));
        await WaitUntilAsync(() => Task.FromResult(seen.Any(s => s.Who == "ola" && s.ItemId == first)));
        await ExpectRedirectAsync(await kari.SubmitAsync(path, $"[data-agenda-item=\"{first}\"] form[data-current-form]", []));
        await WaitUntilAsync(() => Task.FromResult(seen.Count(s => s.Who == "ola" && s.ItemId is null) == 2));
        Assert.Contains("Ingen sak er til behandling nå.", (await ola.GetPageAsync(path)).QuerySelector("[data-testid=current-item]")!.TextContent);
    }

    [Fact]
    public async Task OnlyTheSecretary_SetsTheCurrentItem_AndOnlyANumberedItemOfThisMeeting()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var (path, meetingId, first, _) = await MeetingWithTwoItemsAsync(kari);
        await using var olaHub = await LiveClients.ConnectAsync(Portal, ola);
        await olaHub.StartAsync();

        var refused = await olaHub.InvokeAsync<JsonElement>("SetCurrentItem", Place, meetingId, first);
        Assert.False(refused.GetProperty("ok").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await ola.PostWithTokenAsync($"{path}?handler=CurrentItem&itemId={first}", [], path)).StatusCode);

        // Another council's secretary, from her council or from Hallingdal's address: nothing.
        using var hadeland = await Portal.SignedInAsync(Demo.HadelandSecretary);
        await using var hadelandHub = await LiveClients.ConnectAsync(Portal, hadeland);
        await hadelandHub.StartAsync();
        foreach (var place in new[] { "rad/hadeland", Place })
        {
            Assert.False((await hadelandHub.InvokeAsync<JsonElement>("SetCurrentItem", place, meetingId, first)).GetProperty("ok").GetBoolean());
        }

        // An item of a draft agenda has no number yet: it cannot be current.
        var draft = await CreateMeetingAsync(kari, "hallingdal", "Neste rådsmøte", "2026-04-14");
        await AddItemAsync(kari, draft, "Eventuelt");
        var unnumbered = Guid.Parse((await ItemPathAsync(kari, draft, "Eventuelt")).Split('/')[^1]);
        await using var kariHub = await LiveClients.ConnectAsync(Portal, kari);
        await kariHub.StartAsync();
        var answer = await kariHub.InvokeAsync<JsonElement>("SetCurrentItem", Place, Guid.Parse(draft.Split('/')[4]), unnumbered);
        Assert.False(answer.GetProperty("ok").GetBoolean());
        Assert.Contains("publiserte sakslisten", answer.GetProperty("error").GetString());
        Assert.False((await kariHub.InvokeAsync<JsonElement>("SetCurrentItem", Place, meetingId, unnumbered)).GetProperty("ok").GetBoolean()); // another meeting's item
        Assert.Contains("Ingen sak er til behandling nå.", (await kari.GetPageAsync(path)).QuerySelector("[data-testid=current-item]")!.TextContent);
    }

    [Fact]
    public async Task Presence_ShowsWhoFollowsTheMeetingNow_ToEveryoneAndOnThePage()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var (path, meetingId, _, _) = await MeetingWithTwoItemsAsync(kari);
        var present = new ConcurrentQueue<(string Who, string[] Names)>();
        await using var kariHub = await PresenceFollowerAsync(kari, "kari", present);
        await JoinAsync(kariHub, meetingId);
        await WaitUntilAsync(() => Task.FromResult(present.Any(p => p.Who == "kari" && p.Names.Length == 1)));
        var kariName = present.Last().Names.Single();

        // Ola opens the page twice (two tabs): Kari sees him once.
        await using var olaHub = await PresenceFollowerAsync(ola, "ola", present);
        await using var olaSecondTab = await PresenceFollowerAsync(ola, "ola-2", present);
        await JoinAsync(olaHub, meetingId);
        await JoinAsync(olaSecondTab, meetingId);
        await WaitUntilAsync(() => Task.FromResult(present.Any(p => p.Who == "kari" && p.Names.Length == 2)));
        var both = present.Last(p => p.Who == "kari").Names;
        Assert.Contains(kariName, both);
        var olaName = both.Single(n => n != kariName);
        var list = (await ola.GetPageAsync(path)).QuerySelectorAll("[data-testid=present] li").Select(li => li.TextContent.Trim());
        Assert.Equal(both.Order(), list.Order());

        // He closes one tab: still present. He closes the other: gone, for Kari at once and on the page.
        await olaSecondTab.StopAsync();
        await olaHub.StopAsync();
        await WaitUntilAsync(() => Task.FromResult(present.Last(p => p.Who == "kari").Names.SequenceEqual([kariName])));
        var names = (await kari.GetPageAsync(path)).QuerySelectorAll("[data-testid=present] li").Select(li => li.TextContent.Trim());
        Assert.Equal([kariName], names);
        Assert.DoesNotContain(olaName, names);
    }

    [Fact]
    public async Task Presence_OfANodeThatStoppedRefreshing_Expires_AndRefreshedRowsStay()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var (_, meetingId, _, _) = await MeetingWithTwoItemsAsync(kari);
        await using var kariHub = await LiveClients.ConnectAsync(Portal, kari);
        await using var olaHub = await LiveClients.ConnectAsync(Portal, ola);
        await kariHub.StartAsync();
        await olaHub.StartAsync();
        await JoinAsync(kariHub, meetingId);
        await JoinAsync(olaHub, meetingId);
        Assert.Equal(2, (await PresentAsync(meetingId)).Count);

        // Only Kari's connection is still refreshed by its node (Ola's node "died"); after the expiry only she counts.
        var kariConnection = kariHub.ConnectionId!;
        Portal.Clock.Advance(MeetingPresence.Expiry - TimeSpan.FromSeconds(30));
        await Portal.WithScopeAsync(async sp => { await sp.GetRequiredService<MeetingFloor>().KeepAliveAsync([kariConnection]); return 0; });
        Portal.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(await PresentAsync(meetingId));
    }

    private Task<IReadOnlyList<PresentPerson>> PresentAsync(Guid meetingId) =>
        Portal.WithScopeAsync(async sp => (await sp.GetRequiredService<MeetingFloor>().PresentAsync(meetingId)).People);

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task<(string Path, Guid MeetingId, Guid First, Guid Second)> MeetingWithTwoItemsAsync(PortalClient secretary)
    {
        var path = await CreateMeetingAsync(secretary, "hallingdal", "Rådsmøte i mars", "2026-03-17");
        await AddItemAsync(secretary, path, "Budsjett 2027");
        await AddItemAsync(secretary, path, "Strategi for biogass");
        await PublishAsync(secretary, path);
        Guid IdOf(string itemPath) => Guid.Parse(itemPath.Split('/')[^1]);
        return (path, Guid.Parse(path.Split('/')[4]),
            IdOf(await ItemPathAsync(secretary, path, "Budsjett 2027")), IdOf(await ItemPathAsync(secretary, path, "Strategi for biogass")));
    }

    private async Task<HubConnection> FollowerAsync(PortalClient client, string who, ConcurrentQueue<(string Who, Guid? ItemId)> seen)
    {
        var hub = await LiveClients.ConnectAsync(Portal, client);
        hub.On<JsonElement>("current", c => seen.Enqueue((who, c.GetProperty("itemId").ValueKind == JsonValueKind.Null ? null : c.GetProperty("itemId").GetGuid())));
        await hub.StartAsync();
        return hub;
    }

    private async Task<HubConnection> PresenceFollowerAsync(PortalClient client, string who, ConcurrentQueue<(string Who, string[] Names)> seen)
    {
        var hub = await LiveClients.ConnectAsync(Portal, client);
        hub.On<JsonElement>("presence", p => seen.Enqueue((who, [.. p.GetProperty("people").EnumerateArray().Select(x => x.GetProperty("name").GetString()!)])));
        await hub.StartAsync();
        return hub;
    }

    private static async Task JoinAsync(HubConnection hub, Guid meetingId) =>
        Assert.Equal(JsonValueKind.Array, (await hub.InvokeAsync<JsonElement>("JoinMeeting", Place, meetingId, 0)).ValueKind);
}
