using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Meetings.Features;

/// <summary>A participant reports her absence (forfall) from a meeting, or that she may be disqualified (inhabil) in an item.</summary>
public sealed class RecordAttendance(MeetingStore store)
{
    public async Task<Result?> ReportAbsenceAsync(Guid meetingId, string? note, MeetingActor by, CancellationToken ct = default)
    {
        var meeting = await store.VisibleAsync(meetingId, by, ct);
        if (meeting is null)
        {
            return null;
        }

        var result = meeting.ReportAbsence(by.UserId, note, store.UtcNow);
        return result.Succeeded ? await store.SaveAsync(ct) : result;
    }

    public async Task<Result?> WithdrawAbsenceAsync(Guid meetingId, MeetingActor by, CancellationToken ct = default)
    {
        var meeting = await store.VisibleAsync(meetingId, by, ct);
        if (meeting is null)
        {
            return null;
        }

        var result = meeting.WithdrawAbsence(by.UserId, store.UtcNow);
        return result.Succeeded ? await store.SaveAsync(ct) : result;
    }

    /// <summary>Only on an item she can see (a published agenda), and only as an invited participant.</summary>
    public async Task<Result?> DeclareConflictAsync(Guid meetingId, Guid itemId, string? reason, MeetingActor by, CancellationToken ct = default)
    {
        var meeting = await store.VisibleAsync(meetingId, by, ct);
        var item = meeting is not null && MeetingRules.CanSeeAgenda(meeting, by) ? meeting.Items.FirstOrDefault(i => i.Id == itemId) : null;
        if (meeting is null || item is null)
        {
            return null;
        }

        if (meeting.IsCancelled || item.IsWithdrawn)
        {
            return Result.Fail("Reason", meeting.IsCancelled ? "Møtet er avlyst, så det trengs ingen habilitetsmelding." : "Saken er trukket, så det trengs ingen habilitetsmelding.");
        }

        if (meeting.Participant(by.UserId) is not { } participant)
        {
            return Result.Fail("", "Bare de som er invitert til møtet, kan melde seg inhabile.");
        }

        var result = item.DeclareConflict(participant, reason, store.UtcNow);
        return result.Succeeded ? await store.SaveAsync(ct) : result;
    }

    public async Task<Result?> WithdrawConflictAsync(Guid meetingId, Guid itemId, MeetingActor by, CancellationToken ct = default)
    {
        var meeting = await store.VisibleAsync(meetingId, by, ct);
        var item = meeting is not null && MeetingRules.CanSeeAgenda(meeting, by) ? meeting.Items.FirstOrDefault(i => i.Id == itemId) : null;
        if (item is null)
        {
            return null;
        }

        item.WithdrawConflict(by.UserId);
        return await store.SaveAsync(ct);
    }
}
