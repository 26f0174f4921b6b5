using System.Collections.Concurrent;
using BioSirk.Portal.Meetings.Features;
using Microsoft.AspNetCore.SignalR;

namespace BioSirk.Portal.Web.Live;

/// <summary>
/// Pushes to everyone following a meeting, on every node: a stored comment (new, edited, deleted or hidden), the item
/// the meeting deals with now, and who is present. Never throws when a push fails (Redis away): what it announces is
/// stored, and the followers catch up when they re-join.
/// </summary>
public sealed class MeetingLiveFeed(IHubContext<PortalHub> hub, ILogger<MeetingLiveFeed> logger)
{
    public const string CommentMethod = "comment";
    public const string CurrentItemMethod = "current";
    public const string PresenceMethod = "presence";

    public static string Group(Guid meetingId) => "meeting:" + meetingId;

    public Task PublishAsync(Guid meetingId, CommentView comment, CancellationToken ct = default) =>
        LivePush.BestEffortAsync(() => hub.Clients.Group(Group(meetingId)).SendAsync(CommentMethod, comment, ct), logger, $"comment {comment.Sequence} of meeting {meetingId}");

    public Task PublishAsync(CurrentItemView current, CancellationToken ct = default) =>
        LivePush.BestEffortAsync(() => hub.Clients.Group(Group(current.MeetingId)).SendAsync(CurrentItemMethod, current, ct), logger, $"the current item of meeting {current.MeetingId}");

    public Task PublishAsync(PresenceView presence, CancellationToken ct = default) =>
        LivePush.BestEffortAsync(() => hub.Clients.Group(Group(presence.MeetingId)).SendAsync(PresenceMethod, presence, ct), logger, $"the presence of meeting {presence.MeetingId}");
}

/// <summary>The connections of this node that follow a meeting, whose presence rows it keeps fresh.</summary>
public sealed class LocalMeetingConnections
{
    private readonly ConcurrentDictionary<string, byte> open = new();

    public void Add(string connectionId) => open.TryAdd(connectionId, 0);

    public bool Remove(string connectionId) => open.TryRemove(connectionId, out _);

    public IReadOnlyCollection<string> Snapshot() => [.. open.Keys];
}

/// <summary>Refreshes this node's presence rows every minute, so that the rows of a node that died expire.</summary>
public sealed class PresenceKeepAlive(IServiceScopeFactory scopes, LocalMeetingConnections connections, ILogger<PresenceKeepAlive> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(BioSirk.Portal.Meetings.Domain.MeetingPresence.KeepAliveInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MeetingFloor>().KeepAliveAsync(connections.Snapshot(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Could not refresh the presence of this node's meeting connections.");
            }
        }
    }
}

/// <summary>The answer to a comment posted through the hub: the stored comment, or why it was refused.</summary>
public sealed record PostedComment(bool Ok, string? Error, CommentView? Comment);

/// <summary>The answer to the secretary's "Behandle nå" through the hub.</summary>
public sealed record CurrentItemAnswer(bool Ok, string? Error, CurrentItemView? Current);
