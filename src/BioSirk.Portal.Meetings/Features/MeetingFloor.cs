using BioSirk.Portal.Meetings.Data;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Meetings.Features;

/// <summary>The item the meeting deals with now, as everyone following it sees it.</summary>
public sealed record CurrentItemView(Guid MeetingId, Guid? ItemId, string? CaseLabel, string? Title)
{
    public static CurrentItemView Of(Meeting meeting) =>
        new(meeting.Id, meeting.CurrentItem?.Id, meeting.CurrentItem?.CaseLabel, meeting.CurrentItem?.Title);
}

/// <summary>Someone following the meeting live now.</summary>
public sealed record PresentPerson(Guid UserId, string Name);

public sealed record PresenceView(Guid MeetingId, IReadOnlyList<PresentPerson> People);

/// <summary>
/// The floor of a meeting in progress: the secretary sets the current item, which everyone follows; and who is
/// present, that is, has the meeting page open live (one row per connection, on whichever node it is).
/// </summary>
public sealed class MeetingFloor(MeetingStore store, MeetingsDbContext db)
{
    /// <summary>Only the organising council's secretaries; null (404) for anyone else.</summary>
    public async Task<Result<CurrentItemView>?> SetCurrentItemAsync(Guid meetingId, Guid? itemId, MeetingActor by, CancellationToken ct = default)
    {
        if (await store.ManagedAsync(meetingId, by, ct) is not { } meeting)
        {
            return null;
        }

        var result = meeting.SetCurrentItem(itemId);
        if (!result.Succeeded)
        {
            return Result<CurrentItemView>.Fail(result.Errors);
        }

        var saved = await store.SaveAsync(ct);
        return saved.Succeeded ? Result<CurrentItemView>.Ok(CurrentItemView.Of(meeting)) : Result<CurrentItemView>.Fail(saved.Errors);
    }

    /// <summary>Records the connection as present in a meeting she follows (the caller has checked that she may).</summary>
    public async Task EnterAsync(Meeting meeting, string connectionId, MeetingActor who, CancellationToken ct = default)
    {
        if (!await db.MeetingPresence.AnyAsync(p => p.ConnectionId == connectionId && p.MeetingId == meeting.Id, ct))
        {
            db.MeetingPresence.Add(new MeetingPresence(meeting, who.UserId, who.Name, connectionId, store.UtcNow));
            await db.SaveChangesAsync(ct);
        }
    }

    // The methods below work outside any council's scope (a connection that closed, a node's timer): they ignore the
    // tenant filter, and only ever touch rows found by a connection id or meeting id the portal itself recorded.

    /// <summary>Forgets a closed connection; returns the meetings it was present in.</summary>
    public async Task<IReadOnlyList<Guid>> LeaveAsync(string connectionId, CancellationToken ct = default)
    {
        var rows = db.MeetingPresence.IgnoreQueryFilters().Where(p => p.ConnectionId == connectionId);
        var meetings = await rows.Select(p => p.MeetingId).Distinct().ToListAsync(ct);
        await rows.ExecuteDeleteAsync(ct);
        return meetings;
    }

    /// <summary>Everyone present in the meeting now, each once however many pages she has open.</summary>
    public async Task<PresenceView> PresentAsync(Guid meetingId, CancellationToken ct = default)
    {
        var since = store.UtcNow - MeetingPresence.Expiry;
        var rows = await db.MeetingPresence.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.MeetingId == meetingId && p.SeenAtUtc > since)
            .Select(p => new { p.UserId, p.Name })
            .ToListAsync(ct);
        var people = rows.DistinctBy(p => p.UserId).OrderBy(p => p.Name, StringComparer.Create(Norwegian.Culture, ignoreCase: true))
            .Select(p => new PresentPerson(p.UserId, p.Name)).ToList();
        return new PresenceView(meetingId, people);
    }

    /// <summary>A node's open connections are still there; rows that no node has refreshed for long are removed.</summary>
    public async Task KeepAliveAsync(IReadOnlyCollection<string> openConnections, CancellationToken ct = default)
    {
        var now = store.UtcNow;
        if (openConnections.Count > 0)
        {
            await db.MeetingPresence.IgnoreQueryFilters().Where(p => openConnections.Contains(p.ConnectionId))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.SeenAtUtc, now), ct);
        }

        var stale = now - (MeetingPresence.Expiry * 2);
        await db.MeetingPresence.IgnoreQueryFilters().Where(p => p.SeenAtUtc < stale).ExecuteDeleteAsync(ct);
    }
}
