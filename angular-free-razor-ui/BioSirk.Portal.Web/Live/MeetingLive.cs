using System.Collections.Concurrent;
using BioSirk.Portal.Meetings.Features;
using Microsoft.AspNetCore.SignalR;

namespace BioSirk.Portal.Web.Live;

/// <summary>Pushes a stored comment (new, edited, deleted or hidden) to everyone following the meeting, on every node.</summary>
public sealed class MeetingLiveFeed(IHubContext<PortalHub> hub)
{
    public const string CommentMethod = "comment";

    public static string Group(Guid meetingId) => "meeting:" + meetingId;

    public Task PublishAsync(Guid meetingId, CommentView comment, CancellationToken ct = default) =>
        hub.Clients.Group(Group(meetingId)).SendAsync(CommentMethod, comment, ct);
}

/// <summary>The answer to a comment posted through the hub: the stored comment, or why it was refused.</summary>
public sealed record PostedComment(bool Ok, string? Error, CommentView? Comment);
