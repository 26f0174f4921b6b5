using BioSirk.Portal.Meetings.Data;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Meetings.Features;

/// <summary>The person acting, in the council she is acting for.</summary>
public sealed record MeetingActor(Guid UserId, string Name, Guid CouncilId, bool IsSecretary);

/// <summary>Who may do what with a meeting. Whether the meeting exists at all for her council is the tenant filter's call.</summary>
public static class MeetingRules
{
    /// <summary>The organising council's secretaries run the meeting and its agenda.</summary>
    public static bool CanManage(Meeting meeting, MeetingActor actor) => actor.IsSecretary && meeting.TenantId == actor.CouncilId;

    /// <summary>The invited see the meeting; anyone else is told it does not exist (404).</summary>
    public static bool CanSee(Meeting meeting, MeetingActor actor) => CanManage(meeting, actor) || meeting.Participant(actor.UserId) is not null;

    /// <summary>A draft agenda is the secretaries' own; the participants see it once it is published.</summary>
    public static bool CanSeeAgenda(Meeting meeting, MeetingActor actor) => CanManage(meeting, actor) || (meeting.IsPublished && CanSee(meeting, actor));
}

/// <summary>Loads meetings through the tenant filter, for the acting person only, and saves with the concurrency check.</summary>
public sealed class MeetingStore(MeetingsDbContext db, TimeProvider clock)
{
    public const string ConflictMessage =
        "Noen andre har endret møtet mens du arbeidet. Det du skrev står fortsatt i skjemaet: last inn siden på nytt for å se endringen, og lagre igjen.";

    public MeetingsDbContext Db => db;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>The meeting with its participants and agenda, or null when it is not in the current council's reach or not hers to see.</summary>
    public async Task<Meeting?> VisibleAsync(Guid meetingId, MeetingActor actor, CancellationToken ct = default)
    {
        var meeting = await db.Meetings
            .Include(m => m.Participants)
            .Include(m => m.Items).ThenInclude(i => i.Conflicts)
            .Include(m => m.Items).ThenInclude(i => i.Attachments)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        return meeting is not null && MeetingRules.CanSee(meeting, actor) ? meeting : null;
    }

    /// <summary>Only for the organising council's secretaries; null (404) for everyone else.</summary>
    public async Task<Meeting?> ManagedAsync(Guid meetingId, MeetingActor actor, CancellationToken ct = default)
    {
        var meeting = await VisibleAsync(meetingId, actor, ct);
        return meeting is not null && MeetingRules.CanManage(meeting, actor) ? meeting : null;
    }

    public void ExpectStamp<T>(T entity, string? stamp)
        where T : class, IConcurrencyAware =>
        db.Entry(entity).Property(e => e.ConcurrencyStamp).OriginalValue = stamp ?? "";

    public Task<Result> SaveAsync(CancellationToken ct = default) => db.SaveOrConflictAsync(ConflictMessage, ct);

    /// <summary>
    /// Any change to the agenda (an item added, changed, moved or withdrawn, a resolution recorded, a document attached or
    /// removed) renews the meeting's stamp: publishing or cancelling the meeting at the same moment (or adding another
    /// item) then conflicts, instead of leaving an unnumbered item on a published agenda, an item, resolution or document
    /// changed on a cancelled meeting, or two items in the same place.
    /// </summary>
    public void AgendaChanged(Meeting meeting) => db.Entry(meeting).Property(m => m.ConcurrencyStamp).IsModified = true;

    /// <summary>Numbers what is not numbered yet with the body's counter for the meeting's year (made on first use).</summary>
    public async Task<Result> NumberAgendaAsync(Meeting meeting, CancellationToken ct = default)
    {
        var counter = await db.CaseNumberCounters.FirstOrDefaultAsync(c => c.BodyId == meeting.BodyId && c.Year == meeting.CaseYear, ct);
        if (counter is null)
        {
            counter = new CaseNumberCounter(meeting);
            db.CaseNumberCounters.Add(counter);
        }

        return meeting.Publish(counter, UtcNow);
    }

    /// <summary>
    /// Saves the numbered agenda; two secretaries numbering in the same body at once: the second is asked to try again. A
    /// meeting changed meanwhile (cancelled, published, an item added) is a conflict like any other.
    /// </summary>
    public async Task<Result> SaveNumberedAsync(CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
        catch (DbUpdateConcurrencyException e) when (e.Entries.Any(entry => entry.Entity is Meeting))
        {
            return Result.Stale("", ConflictMessage);
        }
        catch (DbUpdateException)
        {
            return Result.Fail("", "Saksnumrene ble tatt av et annet møte i samme øyeblikk. Ingenting er endret: prøv igjen.");
        }
    }
}
