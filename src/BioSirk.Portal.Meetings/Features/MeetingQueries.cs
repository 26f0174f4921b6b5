using System.Linq.Expressions;
using BioSirk.Portal.Meetings.Data;
using BioSirk.Portal.Meetings.Domain;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Meetings.Features;

/// <param name="ItemCount">The agenda items still to be dealt with (a withdrawn item is not counted).</param>
/// <param name="OrganiserCouncilId">The council whose secretaries run the meeting.</param>
public sealed record MeetingSummary(
    Guid Id, string Title, DateTime StartsAtUtc, DateTime EndsAtUtc, string? Place, bool HasVideo, bool IsPublished,
    Guid PartnershipId, int ItemCount, bool IAmAbsent, Guid OrganiserCouncilId)
{
    /// <summary>Why the meeting was cancelled (avlyst); null while it is on.</summary>
    public string? CancellationReason { get; init; }

    public bool IsCancelled => CancellationReason is not null;
}

/// <summary>An agenda item the acting person may open, with its meeting (to make its address).</summary>
public sealed record VisibleItem(Guid ItemId, Guid MeetingId);

/// <summary>The meetings the acting person sees: those she is invited to, and all of her council's when she is its secretary.</summary>
public sealed class MeetingQueries(MeetingsDbContext db)
{
    public Task<IReadOnlyList<MeetingSummary>> ListAsync(MeetingActor actor, CancellationToken ct = default) =>
        SummariesAsync(actor, m => true, ct);

    /// <summary>Her meetings that have not ended and start before <paramref name="untilUtc"/>, soonest first.</summary>
    public Task<IReadOnlyList<MeetingSummary>> UpcomingAsync(MeetingActor actor, DateTime nowUtc, DateTime untilUtc, CancellationToken ct = default) =>
        SummariesAsync(actor, m => m.EndsAtUtc >= nowUtc && m.StartsAtUtc < untilUtc, ct);

    private async Task<IReadOnlyList<MeetingSummary>> SummariesAsync(MeetingActor actor, Expression<Func<Meeting, bool>> which, CancellationToken ct)
    {
        var ownCouncil = actor.IsSecretary ? actor.CouncilId : (Guid?)null;
        return await db.Meetings.AsNoTracking()
            .Where(m => m.TenantId == ownCouncil || m.Participants.Any(p => p.UserId == actor.UserId))
            .Where(which)
            .OrderBy(m => m.StartsAtUtc)
            .Select(m => new MeetingSummary(
                m.Id, m.Title, m.StartsAtUtc, m.EndsAtUtc, m.Place, m.VideoLink != null, m.PublishedAtUtc != null, m.PartnershipId,
                m.Items.Count(i => i.WithdrawnAtUtc == null), m.Participants.Any(p => p.UserId == actor.UserId && p.AbsenceReportedAtUtc != null), m.TenantId)
            {
                CancellationReason = m.CancellationReason,
            })
            .ToListAsync(ct);
    }

    /// <summary>Those of the given items that she may read (see <see cref="MeetingRules.CanSeeAgenda"/>); the others are left out.</summary>
    public async Task<IReadOnlyList<VisibleItem>> VisibleItemsAsync(IEnumerable<Guid> itemIds, MeetingActor actor, CancellationToken ct = default)
    {
        var ids = itemIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var meetings = await db.Meetings.AsNoTracking().AsSplitQuery()
            .Include(m => m.Participants).Include(m => m.Items)
            .Where(m => m.Items.Any(i => ids.Contains(i.Id)))
            .ToListAsync(ct);
        return
        [
            .. meetings.Where(m => MeetingRules.CanSeeAgenda(m, actor))
                .SelectMany(m => m.Items.Where(i => ids.Contains(i.Id)).Select(i => new VisibleItem(i.Id, m.Id))),
        ];
    }
}
