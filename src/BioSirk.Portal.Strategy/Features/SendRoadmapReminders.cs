using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Time;
using BioSirk.Portal.Strategy.Data;
using BioSirk.Portal.Strategy.Domain;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Strategy.Features;

/// <summary>
/// Daily: in the week before a roadmap's reporting date, reminds each responsible person of every action that still
/// waits for her progress report; in the week after a date that passed without her report, tells her it is missing.
/// One notice per action, reporting date and kind: it is recorded before it is sent and forgotten again if sending
/// fails, so a retried run sends it once and only once.
/// </summary>
public sealed class SendRoadmapReminders(StrategyDbContext db, IPlatformDirectory directory, INotifier notifier, TimeProvider clock)
{
    public const string JobId = "strategy:progress-reminders";
    public const int DaysBefore = 7;
    public const int DaysAfter = 7;

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var today = Oslo.Today(clock);
        var sent = 0;

        // A job has no council in scope: it looks across partnerships on purpose, and only at what it needs.
        var roadmaps = await db.Roadmaps.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var councils = (await directory.ListCouncilsAsync(ct)).ToDictionary(c => c.Id, c => c.Slug);
        foreach (var roadmap in roadmaps)
        {
            var notices = Due(roadmap, today).ToList();
            if (notices.Count == 0)
            {
                continue;
            }

            var actions = await db.Actions.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.RoadmapId == roadmap.Id && a.ResponsibleUserId != null)
                .ToListAsync(ct);
            var partnership = (await directory.ListPartnershipsOfCouncilAsync(roadmap.CoordinatorCouncilId, ct)).FirstOrDefault(p => p.Id == roadmap.PartnershipId);
            var memberships = (await directory.ListPeopleAsync(partnership?.Councils.Select(c => c.Id) ?? [], ct))
                .ToLookup(p => p.UserId, p => p.CouncilId);
            foreach (var (date, kind) in notices)
            {
                var owing = actions.Where(a => roadmap.OwesReport(a, date));
                foreach (var action in owing)
                {
                    if (await NotifyAsync(roadmap, action, date, kind, councils.GetValueOrDefault(LinkCouncil(action, memberships)), ct))
                    {
                        sent++;
                    }
                }
            }
        }

        return sent;
    }

    /// <summary>The next reporting date if it is within the week, and the last one if it passed within the week.</summary>
    private static IEnumerable<(DateOnly Date, ReminderKind Kind)> Due(Roadmap roadmap, DateOnly today)
    {
        if (roadmap.NextReportingDate(today) is { } next && next.DayNumber - today.DayNumber <= DaysBefore)
        {
            yield return (next, ReminderKind.BeforeDate);
        }

        if (roadmap.PreviousReportingDate(today) is { } passed && today.DayNumber - passed.DayNumber <= DaysAfter)
        {
            yield return (passed, ReminderKind.Missed);
        }
    }

    /// <summary>The link opens the action in a council of the partnership the person belongs to: the owner if she is in it.</summary>
    private static Guid LinkCouncil(RoadmapAction action, ILookup<Guid, Guid> memberships)
    {
        var hers = memberships[action.ResponsibleUserId!.Value].ToList();
        return hers.Contains(action.OwnerCouncilId) ? action.OwnerCouncilId : hers.FirstOrDefault(action.OwnerCouncilId);
    }

    private async Task<bool> NotifyAsync(Roadmap roadmap, RoadmapAction action, DateOnly date, ReminderKind kind, string? councilSlug, CancellationToken ct)
    {
        if (await db.Reminders.IgnoreQueryFilters().AnyAsync(r => r.ActionId == action.Id && r.ReportingDate == date && r.Kind == kind, ct))
        {
            return false;
        }

        var marker = new SentActionReminder(action.Id, action.PartnershipId, date, kind, clock.GetUtcNow().UtcDateTime);
        db.Reminders.Add(marker);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(marker).State = EntityState.Detached; // another run recorded it first: that run sends it
            return false;
        }
        try
        {
            await notifier.NotifyPersonAsync(action.ResponsibleUserId!.Value, Message(roadmap, action, date, kind,
                councilSlug is null ? null : $"/rad/{councilSlug}/veikart/{roadmap.Id}/tiltak/{action.Id}"), ct);
        }
        catch
        {
            db.Reminders.Remove(marker);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        return true;
    }

    private static NoticeMessage Message(Roadmap roadmap, RoadmapAction action, DateOnly date, ReminderKind kind, string? link) => kind == ReminderKind.Missed
        ? new NoticeMessage(
            $"Fremdriftsrapporten for {Norwegian.Date(date)} mangler",
            Phrase.Of("Tiltaket «{0}» i «{1}» har ingen rapport om status og fremdrift for rapporteringsdatoen {2}. Rapporter så snart du kan.",
                action.Title, roadmap.Title, Norwegian.Date(date)),
            link)
        : new NoticeMessage(
            $"Rapporter fremdrift innen {Norwegian.Date(date)}",
            Phrase.Of("Tiltaket «{0}» i «{1}» venter på din rapport om status og fremdrift før rapporteringsdatoen {2}.",
                action.Title, roadmap.Title, Norwegian.Date(date)),
            link);
}
