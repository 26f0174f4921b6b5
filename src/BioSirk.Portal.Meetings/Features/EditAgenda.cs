using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Meetings.Features;

/// <summary>A link the secretary chose for an item, with the label the page showed her.</summary>
public sealed record ChosenLink(AgendaLinkKind Kind, Guid TargetId, string Label);

/// <summary>The organising secretary writes the agenda: adds, changes and orders items, and publishes it.</summary>
public sealed class EditAgenda(MeetingStore store, MeetingNotices notices)
{
    /// <summary>
    /// Null when the meeting is not hers (404). On a published agenda the new item is numbered at once, and the
    /// participants are told of it (one notice naming the item).
    /// </summary>
    public async Task<Result<Guid>?> AddItemAsync(Guid meetingId, AgendaItemText text, IReadOnlyList<ChosenLink> links, MeetingActor by, CancellationToken ct = default)
    {
        var meeting = await store.ManagedAsync(meetingId, by, ct);
        if (meeting is null)
        {
            return null;
        }

        var added = meeting.AddItem(text);
        if (!added.Succeeded)
        {
            return Result<Guid>.Fail(added.Errors);
        }

        added.Value!.ReplaceLinks(links.Select(l => (l.Kind, l.TargetId, l.Label)));
        store.AgendaChanged(meeting);
        if (meeting.IsPublished)
        {
            await store.NumberAgendaAsync(meeting, ct);
            var saved = await store.SaveNumberedAsync(ct);
            if (!saved.Succeeded)
            {
                return Result<Guid>.Fail(saved.Errors);
            }

            await notices.SendAsync(meeting, by, $"Ny sak: {meeting.Title}",
                Phrase.Of("{0} «{1}» er lagt til på sakslisten til «{2}» {3}.", added.Value.CaseLabel, added.Value.Title, meeting.Title,
                    Norwegian.DateTimeFromUtc(meeting.StartsAtUtc)), ct);
            return Result<Guid>.Ok(added.Value.Id);
        }

        var result = await store.SaveAsync(ct);
        return result.Succeeded ? Result<Guid>.Ok(added.Value.Id) : Result<Guid>.Fail(result.Errors);
    }

    public async Task<Result?> ChangeItemAsync(
        Guid meetingId, Guid itemId, AgendaItemText text, IReadOnlyList<ChosenLink> links, string? stamp, MeetingActor by, CancellationToken ct = default)
    {
        var meeting = await store.ManagedAsync(meetingId, by, ct);
        var item = meeting?.Items.FirstOrDefault(i => i.Id == itemId);
        if (meeting is null || item is null)
        {
            return null;
        }

        if (meeting.IsCancelled)
        {
            return Result.Fail("", Meeting.CancelledMessage);
        }

        store.ExpectStamp(item, stamp);
        var changed = item.Change(text);
        if (!changed.Succeeded)
        {
            return changed;
        }

        item.ReplaceLinks(links.Select(l => (l.Kind, l.TargetId, l.Label)));
        store.AgendaChanged(meeting);
        return await store.SaveAsync(ct);
    }

    /// <summary>Adds one link to an item, keeping the others (e.g. to the roadmap action just made from it).</summary>
    public async Task<Result?> AddLinkAsync(Guid meetingId, Guid itemId, ChosenLink link, MeetingActor by, CancellationToken ct = default)
    {
        var meeting = await store.ManagedAsync(meetingId, by, ct);
        var item = meeting?.Items.FirstOrDefault(i => i.Id == itemId);
        if (meeting is null || item is null)
        {
            return null;
        }

        if (meeting.IsCancelled)
        {
            return Result.Fail("", Meeting.CancelledMessage);
        }

        item.AddLink(link.Kind, link.TargetId, link.Label);
        store.AgendaChanged(meeting);
        return await store.SaveAsync(ct);
    }

    public async Task<Result?> MoveItemAsync(Guid meetingId, Guid itemId, int direction, MeetingActor by, CancellationToken ct = default)
    {
        var meeting = await store.ManagedAsync(meetingId, by, ct);
        if (meeting is null || meeting.Items.All(i => i.Id != itemId))
        {
            return null;
        }

        if (meeting.IsCancelled)
        {
            return Result.Fail("", Meeting.CancelledMessage);
        }

        if (!meeting.Move(itemId, direction))
        {
            return Result.Ok();
        }

        store.AgendaChanged(meeting);
        return await store.SaveAsync(ct);
    }

    /// <summary>
    /// Numbers the agenda's new items and publishes it. The first time, every participant but her is sent the notice to
    /// attend (innkalling), in the portal and by e-mail, with a link to the meeting in the participant's own council.
    /// </summary>
    public async Task<Result?> PublishAsync(Guid meetingId, MeetingActor by, CancellationToken ct = default)
    {
        var meeting = await store.ManagedAsync(meetingId, by, ct);
        if (meeting is null)
        {
            return null;
        }

        var firstTime = !meeting.IsPublished;
        var numbered = await store.NumberAgendaAsync(meeting, ct);
        var saved = numbered.Succeeded ? await store.SaveNumberedAsync(ct) : numbered;
        if (saved.Succeeded && firstTime)
        {
            await notices.SendNoticeToAttendAsync(MeetingRecipient.Of(meeting.Participants), meeting, by, ct);
        }

        return saved;
    }
}
