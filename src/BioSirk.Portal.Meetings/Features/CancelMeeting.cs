using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Meetings.Features;

/// <summary>
/// The organising secretary cancels a published meeting (avlyser) with a reason: it stays, marked «Avlyst», takes no
/// more changes, comments or minutes, and every participant is told, with the reason. The stamp is checked, so a
/// meeting changed meanwhile is not cancelled unseen.
/// </summary>
public sealed class CancelMeeting(MeetingStore store, MeetingNotices notices)
{
    /// <summary>Null when the meeting is not hers to cancel (404).</summary>
    public async Task<Result?> CancelAsync(Guid meetingId, string? reason, string? stamp, MeetingActor by, CancellationToken ct = default)
    {
        var meeting = await store.ManagedAsync(meetingId, by, ct);
        if (meeting is null)
        {
            return null;
        }

        store.ExpectStamp(meeting, stamp);
        var cancelled = meeting.Cancel(reason, store.UtcNow);
        if (!cancelled.Succeeded)
        {
            return cancelled;
        }

        var saved = await store.SaveAsync(ct);
        if (!saved.Succeeded)
        {
            return saved;
        }

        await notices.SendAsync(meeting, by, $"Avlyst: {meeting.Title}",
            Phrase.Of("«{0}» {1} er avlyst. Grunnen: {2}", meeting.Title, Norwegian.DateTimeFromUtc(meeting.StartsAtUtc), meeting.CancellationReason), ct);
        return saved;
    }
}
