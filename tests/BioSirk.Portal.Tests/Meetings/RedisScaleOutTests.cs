using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Web.Live;
using Microsoft.AspNetCore.SignalR.Client;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Meetings.MeetingSteps;

namespace BioSirk.Portal.Tests.Meetings;

/// <summary>
/// The portal as two web nodes on one database and one Redis (the SignalR backplane): a comment posted on one node
/// reaches the clients of the other, another portal on the same Redis hears nothing, and a Redis restart loses no
/// comment: they are stored meanwhile, and the clients catch up.
/// </summary>
public sealed class RedisScaleOutTests(ScaledOutPortal portal) : ScaledOutTest(portal)
{
    private const string Place = "rad/hallingdal";

    [Fact]
    public async Task Comment_PostedOnOneNode_ArrivesAtTheClientsOfTheOther_FromTheHubAndFromTheForm()
    {
        var (a, b) = (Portal.First, Portal.Second);
        using var kari = await a.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await b.SignedInAsync(Demo.HallingdalMember);
        var meeting = await PublishedMeetingAsync(kari);
        await using var kariOnA = await Follower.StartAsync(a, kari, meeting.Id);
        await using var olaOnB = await Follower.StartAsync(b, ola, meeting.Id);

        Assert.Equal(1, await kariOnA.PostAsync(meeting.ItemId, "Fra huben på node A"));
        await olaOnB.WaitForAsync(1);
        await ExpectRedirectAsync(await PostCommentFormAsync(kari, meeting, "Fra skjemaet på node A"));
        await olaOnB.WaitForAsync(2);
        Assert.Equal(3, await olaOnB.PostAsync(meeting.ItemId, "Fra huben på node B"));
        await ExpectRedirectAsync(await PostCommentFormAsync(ola, meeting, "Fra skjemaet på node B"));
        await kariOnA.WaitForAsync(4);
        await olaOnB.WaitForAsync(4); // her own form's comment comes back to her through Redis too, maybe after kari's

        Assert.Equal(["Fra huben på node A", "Fra skjemaet på node A", "Fra huben på node B", "Fra skjemaet på node B"], olaOnB.Texts);
        Assert.Equal(olaOnB.Texts, kariOnA.Texts);
        Assert.Equal(0, olaOnB.Rejoins + kariOnA.Rejoins); // every comment came as a push, none from a catch-up
    }

    [Fact]
    public async Task APortalWithAnotherChannelPrefix_OnTheSameRedis_HearsNothingOfThisOne()
    {
        await using var other = new RedisPortalNode(Portal.First, TestRedis.Address + ",channelPrefix=en-annen-portal");
        await other.InitializeAsync();
        var (a, b) = (Portal.First, Portal.Second);
        using var kari = await a.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await b.SignedInAsync(Demo.HallingdalMember);
        using var admin = await other.SignedInAsync(Demo.HallingdalAdmin);
        var meeting = await PublishedMeetingAsync(kari);
        await using var olaOnB = await Follower.StartAsync(b, ola, meeting.Id, rejoinOnGap: false);
        await using var adminOnOther = await Follower.StartAsync(other, admin, meeting.Id, rejoinOnGap: false);

        await ExpectRedirectAsync(await PostCommentFormAsync(kari, meeting, "I denne portalen"));
        await olaOnB.WaitForAsync(1);
        var elsewhere = await adminOnOther.PostAsync(meeting.ItemId, "I den andre portalen");
        await adminOnOther.WaitForPushAsync(elsewhere); // its own backplane works: the push came back to it through Redis
        await Task.Delay(500);

        Assert.Equal([1], olaOnB.Pushed);
        Assert.Equal([elsewhere], adminOnOther.Pushed);
    }

    [Fact]
    public async Task DuringARedisRestart_CommentsAreStored_NoneIsLost_AndTheClientsCatchUp()
    {
        // A Redis of this test's own, to stop and start; two further nodes of the portal on it.
        await using var redis = new RedisServerProcess();
        await redis.StartAsync();
        await using var a = await NodeOnAsync(redis);
        await using var b = await NodeOnAsync(redis);
        using var kari = await a.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await b.SignedInAsync(Demo.HallingdalMember);
        using var admin = await b.SignedInAsync(Demo.HallingdalAdmin);
        var meeting = await PublishedMeetingAsync(kari);
        await using var kariOnA = await Follower.StartAsync(a, kari, meeting.Id);
        await using var olaOnB = await Follower.StartAsync(b, ola, meeting.Id);
        await using var adminOnB = await Follower.StartAsync(b, admin, meeting.Id);
        Assert.Equal(1, await kariOnA.PostAsync(meeting.ItemId, "Før omstarten"));
        await olaOnB.WaitForAsync(1);
        await adminOnB.WaitForAsync(1);

        await redis.StopAsync();
        var during = Stopwatch.StartNew();
        Assert.Equal(2, await kariOnA.PostAsync(meeting.ItemId, "Under omstarten, huben på A"));
        await ExpectRedirectAsync(await PostCommentFormAsync(ola, meeting, "Under omstarten, skjemaet på B"));
        Assert.Equal(4, await olaOnB.PostAsync(meeting.ItemId, "Under omstarten, huben på B"));
        Assert.True(during.Elapsed < TimeSpan.FromSeconds(8), $"Posting while Redis was away took {during.Elapsed}: a push must not hold the request.");
        Assert.DoesNotContain(2, olaOnB.Pushed); // Redis was really away
        Assert.DoesNotContain(4, kariOnA.Pushed);

        // When a node's link to Redis is back, it asks its live clients to re-join; they re-join with the number up to
        // which they saw every comment (ola saw her own 4, but not 2 and 3, so she asks for everything after 1).
        await redis.StartAsync();
        await ExplainedAsync(async () =>
        {
            foreach (var follower in new[] { kariOnA, olaOnB, adminOnB })
            {
                await follower.WaitForAsync(4, seconds: 30);
            }
        }, [a, b], [kariOnA, olaOnB, adminOnB]);

        // Live again across the nodes.
        Assert.Equal(5, await kariOnA.PostAsync(meeting.ItemId, "Etter omstarten"));
        await olaOnB.WaitForPushAsync(5);
        await adminOnB.WaitForPushAsync(5);

        // A client that asks for everything after 1 gets every comment stored meanwhile, once.
        await using var late = await LiveClients.ConnectAsync(b, admin);
        await late.StartAsync();
        var missed = await late.InvokeAsync<JsonElement>("JoinMeeting", Place, meeting.Id, 1);
        Assert.Equal([2, 3, 4, 5], missed.EnumerateArray().Select(c => c.GetProperty("sequence").GetInt32()));
        string[] all = ["Før omstarten", "Under omstarten, huben på A", "Under omstarten, skjemaet på B", "Under omstarten, huben på B", "Etter omstarten"];
        Assert.Equal(all, kariOnA.Texts);
        Assert.Equal(all, olaOnB.Texts);
        Assert.Equal(all, adminOnB.Texts);
        var page = await admin.GetPageAsync(meeting.Path);
        Assert.Equal(["1", "2", "3", "4", "5"], page.QuerySelectorAll("[data-testid=comment]").Select(c => c.GetAttribute("data-sequence")));
    }

    [Fact]
    public async Task WithRedisDown_ANodeStarts_ServesPages_StoresComments_AndGoesLiveWhenRedisComes()
    {
        await using var redis = new RedisServerProcess(); // not started yet
        await using var node = await NodeOnAsync(redis);
        using var kari = await node.SignedInAsync(Demo.HallingdalSecretary);
        var meeting = await PublishedMeetingAsync(kari);
        var posting = Stopwatch.StartNew();
        await ExpectRedirectAsync(await PostCommentFormAsync(kari, meeting, "Uten Redis"));
        Assert.True(posting.Elapsed < TimeSpan.FromSeconds(10), $"Posting without Redis took {posting.Elapsed}.");
        Assert.Equal(["Uten Redis"], (await kari.GetPageAsync(meeting.Path)).QuerySelectorAll("[data-testid=comment-text]").Select(t => t.TextContent.Trim()));

        // The node refuses new live connections until its link to Redis is up; then a page connects and catches up.
        await redis.StartAsync();
        await using var kariOnNode = await ExplainedAsync(
            () => Follower.StartAsync(node, kari, meeting.Id, startWithin: TimeSpan.FromSeconds(30)), [node], []);
        await kariOnNode.WaitForAsync(1);
        await ExpectRedirectAsync(await PostCommentFormAsync(kari, meeting, "Med Redis"));
        await kariOnNode.WaitForPushAsync(2);
    }

    [Fact]
    public void TheConnectionString_KeepsItsOwnChannelPrefix_AndStartsWithoutRedis()
    {
        var plain = RedisBackplane.Configuration("redis.internal:6379");
        Assert.Equal("biosirk", plain.ChannelPrefix.ToString());
        Assert.False(plain.AbortOnConnectFail);
        Assert.Equal("test-portal", RedisBackplane.Configuration("redis.internal:6379,channelPrefix=test-portal").ChannelPrefix.ToString());
    }

    private static Task ExplainedAsync(Func<Task> step, RedisPortalNode[] nodes, Follower[] followers) =>
        ExplainedAsync(async () =>
        {
            await step();
            return true;
        }, nodes, followers);

    /// <summary>Runs a step; when it fails, the failure tells what the nodes logged about the backplane and what the clients saw.</summary>
    private static async Task<T> ExplainedAsync<T>(Func<Task<T>> step, RedisPortalNode[] nodes, Follower[] followers)
    {
        try
        {
            return await step();
        }
        catch (Exception e)
        {
            var told = nodes.Select((n, i) => $"node {i + 1}:\n" + string.Join("\n", n.LiveLog))
                .Concat(followers.Select((f, i) => $"client {i + 1}:\n" + string.Join("\n", f.Events)));
            throw new Xunit.Sdk.XunitException(e.Message + "\n" + string.Join("\n", told) + "\n" + e.StackTrace);
        }
    }

    private async Task<RedisPortalNode> NodeOnAsync(RedisServerProcess redis)
    {
        var node = new RedisPortalNode(Portal.First, redis.Address);
        await node.InitializeAsync();
        return node;
    }

    private static async Task<PublishedMeeting> PublishedMeetingAsync(PortalClient secretary)
    {
        var path = await CreateMeetingAsync(secretary, "hallingdal", "Rådsmøte på to noder", "2026-03-17");
        await AddItemAsync(secretary, path, "Budsjett 2027");
        await PublishAsync(secretary, path);
        var itemPath = await ItemPathAsync(secretary, path, "Budsjett 2027");
        return new(path, Guid.Parse(path.Split('/')[4]), Guid.Parse(itemPath.Split('/')[^1]));
    }

    private static Task<HttpResponseMessage> PostCommentFormAsync(PortalClient client, PublishedMeeting meeting, string text) =>
        client.SubmitAsync(meeting.Path, $"[data-item=\"{meeting.ItemId}\"] form[data-testid=comment-form]", new() { ["CommentText"] = text });

    private sealed record PublishedMeeting(string Path, Guid Id, Guid ItemId);

    /// <summary>
    /// A live client that does what meeting-live.js does: keeps one comment per sequence number, knows the number up to
    /// which it has seen every comment, and re-joins with it after every reconnect, when the server asks, and when a
    /// push shows it missed one.
    /// </summary>
    private sealed class Follower : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<int, string> comments = new();
        private readonly ConcurrentQueue<int> pushed = new();
        private readonly HubConnection hub;
        private readonly Guid meetingId;
        private readonly bool rejoinOnGap;
        private readonly SemaphoreSlim joining = new(1, 1);
        private int rejoins;

        private Follower(HubConnection hub, Guid meetingId, bool rejoinOnGap)
        {
            this.hub = hub;
            this.meetingId = meetingId;
            this.rejoinOnGap = rejoinOnGap;
        }

        /// <summary>The number up to which this client has seen every comment.</summary>
        public int Last { get; private set; }

        public int Rejoins => rejoins;

        /// <summary>What happened to its connection, to explain a failure.</summary>
        public ConcurrentQueue<string> Events { get; } = new();

        public List<int> Pushed => [.. pushed];

        public List<string> Texts => [.. comments.OrderBy(c => c.Key).Select(c => c.Value)];

        public static async Task<Follower> StartAsync(PortalFactory node, PortalClient client, Guid meetingId, bool rejoinOnGap = true, TimeSpan? startWithin = null)
        {
            var follower = new Follower(await LiveClients.ConnectAsync(node, client, reconnect: true), meetingId, rejoinOnGap);
            follower.hub.On<JsonElement>(MeetingLiveFeed.CommentMethod, follower.OnPushAsync);
            follower.hub.On(PortalHub.RejoinMethod, () => follower.RejoinAsync("asked by the server"));
            follower.hub.Reconnected += _ => follower.RejoinAsync("reconnected");
            follower.hub.Reconnecting += e => follower.NoteAsync("reconnecting: " + e?.Message);
            follower.hub.Closed += e => follower.NoteAsync("closed: " + e?.Message);
            var until = DateTime.UtcNow + (startWithin ?? TimeSpan.Zero);
            while (true)
            {
                try
                {
                    await follower.hub.StartAsync();
                    break;
                }
                catch (Exception e) when (DateTime.UtcNow < until)
                {
                    await follower.NoteAsync("start failed: " + e.Message);
                    await Task.Delay(200); // the node is not live yet (Redis not there): as a page would, try again
                }
            }

            await follower.JoinAsync();
            return follower;
        }

        public async Task<int> PostAsync(Guid itemId, string text)
        {
            var answer = await hub.InvokeAsync<JsonElement>("PostComment", Place, meetingId, itemId, text);
            Assert.True(answer.GetProperty("ok").GetBoolean(), answer.ToString());
            var comment = answer.GetProperty("comment");
            Show(comment);
            return comment.GetProperty("sequence").GetInt32();
        }

        public Task WaitForAsync(int sequence, int seconds = 10) =>
            WaitAsync(() => Enumerable.Range(1, sequence).All(comments.ContainsKey), seconds, $"comments 1-{sequence} (has {string.Join(",", comments.Keys.Order())})");

        public Task WaitForPushAsync(int sequence, int seconds = 10) =>
            WaitAsync(() => pushed.Contains(sequence), seconds, $"a push of comment {sequence}");

        public async ValueTask DisposeAsync() => await hub.DisposeAsync();

        private async Task OnPushAsync(JsonElement comment)
        {
            var sequence = comment.GetProperty("sequence").GetInt32();
            pushed.Enqueue(sequence);
            var gap = sequence > Last + 1;
            Show(comment);
            if (gap && rejoinOnGap)
            {
                await RejoinAsync($"comment {sequence} came after {Last}");
            }
        }

        private Task NoteAsync(string what)
        {
            Events.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {what}");
            return Task.CompletedTask;
        }

        private async Task RejoinAsync(string why)
        {
            Interlocked.Increment(ref rejoins);
            await NoteAsync("re-joins after " + Last + ": " + why);
            try
            {
                await JoinAsync();
            }
            catch (Exception e)
            {
                await NoteAsync("re-join failed: " + e.Message);
                throw;
            }
        }

        private async Task JoinAsync()
        {
            await joining.WaitAsync();
            try
            {
                var missed = await hub.InvokeAsync<JsonElement>("JoinMeeting", Place, meetingId, Last);
                Assert.Equal(JsonValueKind.Array, missed.ValueKind);
                foreach (var comment in missed.EnumerateArray())
                {
                    Show(comment);
                }
            }
            finally
            {
                joining.Release();
            }
        }

        private void Show(JsonElement comment)
        {
            lock (comments)
            {
                comments[comment.GetProperty("sequence").GetInt32()] = comment.GetProperty("text").GetString() ?? "";
                while (comments.ContainsKey(Last + 1))
                {
                    Last++;
                }
            }
        }

        private static async Task WaitAsync(Func<bool> condition, int seconds, string what)
        {
            var until = DateTime.UtcNow.AddSeconds(seconds);
            while (!condition())
            {
                Assert.True(DateTime.UtcNow < until, $"No {what} within {seconds} s.");
                await Task.Delay(20);
            }
        }
    }
}
