using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace BioSirk.Portal.Benchmarks;

/// <summary>A comment as the hub pushes it (<c>CommentView</c>), with only what the benchmark reads.</summary>
public sealed record LiveComment(Guid Id, int Sequence, Guid AuthorId, string? Text);

/// <summary>Who is present, as the hub pushes it to everyone following the meeting when someone comes or goes (<c>PresenceView</c>).</summary>
public sealed record LivePresence(Guid MeetingId, List<LivePerson> People);

public sealed record LivePerson(Guid UserId, string Name);

/// <summary>The hub's answer to PostComment (<c>PostedComment</c>).</summary>
public sealed record PostAck(bool Ok, string? Error, LiveComment? Comment);

/// <summary>
/// One meeting participant as a browser would be one: signed in through the sign-in form, then a real SignalR .NET
/// client on the portal hub (WebSockets, the sign-in cookie), following the meeting. Every benchmark comment carries
/// its post number in its text (<see cref="TextOf"/>); the arrival time of each is kept per participant, taken with
/// the same <see cref="Stopwatch"/> clock as the post time (the clients and the poster are one process).
/// </summary>
public sealed class LiveParticipant : IAsyncDisposable
{
    private const string Prefix = "Benchmark #";

    private readonly long[] arrivedAt;
    private readonly Action<int> onArrival;
    private int duplicates;
    private int foreign;
    private long presenceMessages;
    private long presenceEntries;

    private LiveParticipant(int index, int node, string email, HubConnection hub, int posts, Action<int> onArrival)
    {
        Index = index;
        Node = node;
        Email = email;
        Hub = hub;
        arrivedAt = new long[posts];
        this.onArrival = onArrival;
        hub.On<LiveComment>("comment", Arrived);
        hub.On<LivePresence>("presence", presence =>
        {
            Interlocked.Increment(ref presenceMessages);
            Interlocked.Add(ref presenceEntries, presence.People.Count);
        });
        hub.On<JsonElement>("current", _ => { });
        hub.Closed += _ =>
        {
            Dropped = true;
            return Task.CompletedTask;
        };
    }

    public int Index { get; }

    /// <summary>Which portal node the participant is connected to (0 or 1).</summary>
    public int Node { get; }

    public string Email { get; }

    public HubConnection Hub { get; }

    /// <summary>The connection closed before the benchmark closed it.</summary>
    public bool Dropped { get; private set; }

    /// <summary>Comments that arrived a second time (the hub may send one twice around a join; the page keeps one).</summary>
    public int Duplicates => duplicates;

    /// <summary>Pushed comments that were not the benchmark's.</summary>
    public int Foreign => foreign;

    /// <summary>Presence pushes received so far, and the people they listed in all.</summary>
    public (long Messages, long Entries) Presence => (Interlocked.Read(ref presenceMessages), Interlocked.Read(ref presenceEntries));

    /// <summary>Stopwatch timestamp at which post <paramref name="post"/> arrived; 0 if it has not.</summary>
    public long ArrivedAt(int post) => Volatile.Read(ref arrivedAt[post]);

    /// <summary>Signs in at <paramref name="baseUrl"/> (the node it will connect to) and builds its hub connection (not started).</summary>
    public static async Task<LiveParticipant> SignInAsync(int index, int node, string baseUrl, string email, string password, int posts, Action<int> onArrival)
    {
        using var user = await VirtualUser.SignInAsync(baseUrl, email, password);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(baseUrl), "/hubs/portal"), o =>
            {
                o.Cookies = user.Cookies;
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            })
            .Build();
        hub.HandshakeTimeout = TimeSpan.FromSeconds(60); // 300 handshakes at once on 2 busy cores
        return new LiveParticipant(index, node, email, hub, posts, onArrival);
    }

    /// <summary>Connects and joins the meeting; returns how many comments the join returned, or throws if refused.</summary>
    public async Task<int> JoinAsync(string place, Guid meetingId, int lastSequence = 0)
    {
        if (Hub.State == HubConnectionState.Disconnected)
        {
            await Hub.StartAsync();
        }

        var missed = await Hub.InvokeAsync<List<LiveComment>?>("JoinMeeting", place, meetingId, lastSequence)
            ?? throw new InvalidOperationException($"{Email} was refused the meeting.");
        return missed.Count;
    }

    /// <summary>The comments the hub returns to a join after <paramref name="lastSequence"/>, without the pushes.</summary>
    public async Task<List<LiveComment>> CatchUpAsync(string place, Guid meetingId, int lastSequence) =>
        await Hub.InvokeAsync<List<LiveComment>?>("JoinMeeting", place, meetingId, lastSequence)
        ?? throw new InvalidOperationException($"{Email} was refused the meeting.");

    public Task<PostAck> PostAsync(string place, Guid meetingId, Guid itemId, string text) =>
        Hub.InvokeAsync<PostAck>("PostComment", place, meetingId, itemId, text);

    /// <summary>The text of post number <paramref name="post"/>: the number first, then ordinary words up to about <paramref name="length"/> characters.</summary>
    public static string TextOf(int post, int length)
    {
        const string words = "Jeg støtter forslaget, men vil be sekretariatet se på kostnadene for Hallingdal før neste møte. " +
                             "Kan vi også få en oversikt over hvilke kommuner som har meldt inn ressurser til veikartet? ";
        var head = Prefix + post.ToString(CultureInfo.InvariantCulture) + ": ";
        var body = string.Concat(Enumerable.Repeat(words, length / words.Length + 1));
        return head + body[..Math.Max(0, length - head.Length)].TrimEnd();
    }

    private void Arrived(LiveComment comment)
    {
        var now = Stopwatch.GetTimestamp();
        var text = comment.Text.AsSpan();
        var end = text.IndexOf(':');
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || end < 0
            || !int.TryParse(text[Prefix.Length..end], NumberStyles.None, CultureInfo.InvariantCulture, out var post) || post >= arrivedAt.Length)
        {
            Interlocked.Increment(ref foreign);
            return;
        }

        if (Interlocked.CompareExchange(ref arrivedAt[post], now, 0) == 0)
        {
            onArrival(post);
        }
        else
        {
            Interlocked.Increment(ref duplicates);
        }
    }

    public async ValueTask DisposeAsync() => await Hub.DisposeAsync();
}
