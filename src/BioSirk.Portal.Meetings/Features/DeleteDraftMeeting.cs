using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Meetings.Features;

/// <summary>
/// The organising secretary deletes a meeting whose agenda was never published: no one was summoned, so no one is
/// told. Its attachments' files go with it. A published meeting is cancelled instead (<see cref="CancelMeeting"/>).
/// </summary>
public sealed class DeleteDraftMeeting(MeetingStore store, IFileStore files)
{
    /// <summary>Null when the meeting is not hers (404); the deleted meeting's title when it went.</summary>
    public async Task<Result<string>?> DeleteAsync(Guid meetingId, string? stamp, MeetingActor by, CancellationToken ct = default)
    {
        var meeting = await store.ManagedAsync(meetingId, by, ct);
        if (meeting is null)
        {
            return null;
        }

        var deletable = meeting.CheckDeletable();
        if (!deletable.Succeeded)
        {
            return Result<string>.Fail(deletable.Errors);
        }

        store.ExpectStamp(meeting, stamp);
        var fileIds = meeting.Items.SelectMany(i => i.Attachments).Select(a => a.FileId).ToList();
        store.Db.Meetings.Remove(meeting);
        var saved = await store.SaveAsync(ct);
        if (!saved.Succeeded)
        {
            return Result<string>.Fail(saved.Errors);
        }

        foreach (var fileId in fileIds)
        {
            await files.DeleteAsync(fileId, ct);
        }

        return Result<string>.Ok(meeting.Title);
    }
}
