using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Meetings.Features;

/// <summary>What became of a removed item: deleted from a draft, or withdrawn (trukket) from a published agenda.</summary>
public sealed record RemovedItem(string Title, string? CaseLabel, bool Withdrawn);

/// <summary>
/// The organising secretary takes an item off the agenda before the meeting. On a draft it is deleted (with its
/// attachments' files). On a published agenda it is withdrawn with a reason: it stays, marked, with its case number
/// (never given again), needs no resolution in the minutes, and the participants are told.
/// </summary>
public sealed class RemoveAgendaItem(MeetingStore store, MeetingNotices notices, IFileStore files)
{
    /// <summary>Null when the item is not hers to remove (404).</summary>
    public async Task<Result<RemovedItem>?> RemoveAsync(Guid meetingId, Guid itemId, string? reason, string? stamp, MeetingActor by, CancellationToken ct = default)
    {
        var meeting = await store.ManagedAsync(meetingId, by, ct);
        var item = meeting?.Items.FirstOrDefault(i => i.Id == itemId);
        if (meeting is null || item is null)
        {
            return null;
        }

        store.ExpectStamp(item, stamp);
        var removed = meeting.RemoveItem(itemId, reason, store.UtcNow);
        if (!removed.Succeeded)
        {
            return Result<RemovedItem>.Fail(removed.Errors);
        }

        var fileIds = item.IsWithdrawn ? [] : item.Attachments.Select(a => a.FileId).ToList();
        store.AgendaChanged(meeting);
        var saved = await store.SaveAsync(ct);
        if (!saved.Succeeded)
        {
            return Result<RemovedItem>.Fail(saved.Errors);
        }

        foreach (var fileId in fileIds)
        {
            await files.DeleteAsync(fileId, ct);
        }

        if (item.IsWithdrawn && meeting.IsPublished)
        {
            await notices.SendAsync(meeting, by, $"Sak trukket: {meeting.Title}",
                Phrase.Of("{0} «{1}» er trukket fra sakslisten til «{2}» {3}. Grunnen: {4}", item.CaseLabel, item.Title, meeting.Title,
                    Norwegian.DateTimeFromUtc(meeting.StartsAtUtc), item.WithdrawalReason), ct);
        }

        return Result<RemovedItem>.Ok(new RemovedItem(item.Title, item.CaseLabel, item.IsWithdrawn));
    }
}
