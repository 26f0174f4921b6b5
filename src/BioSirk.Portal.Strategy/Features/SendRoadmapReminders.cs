using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Time;
using BioSirk.Portal.Strategy.Data;
using BioSirk.Portal.Strategy.Domain;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Strategy.Features;

/// <summary>
/// Daily: in the week before a roadmap's reporting date, reminds each responsible person of every action that still
/// waits for her progress report. One reminder per action and reporting date: it is recorded before it is sent and
/// forgotten again if sending fails, so a retried run sends it once and only once.
/// </summary>
public sealed class SendRoadmapReminders(StrategyDbContext db, IPlatformDirectory directory, INotifier notifier, TimeProvider clock)
{
    public const string JobId = "strategy:progress-reminders";
    public const int DaysBefore = 7;

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var today = Oslo.Today(clock);
        var sent = 0;

        // A job has no council in scope: it looks across partnerships on purpose, and only at what it needs.
        var roadmaps = await db.Roadmaps.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        foreach (var roadmap in roadmaps)
        {
            if (roadmap.NextReportingDate(today) is not { } date || date.DayNumber - today.DayNumber > DaysBefore)
            {
                continue;
            }

            var windowStart = roadmap.ReportingWindowStart(date);
            var waiting = (await db.Actions.IgnoreQueryFilters().AsNoTracking()
                    .Where(a => a.RoadmapId == roadmap.Id && a.ResponsibleUserId != null)
                    .ToListAsync(ct))
                .Where(a => a.AwaitsUpdate(windowStart))
                .ToList();
            var councils = (await directory.ListCouncilsAsync(ct)).ToDictionary(c => c.Id, c => c.Slug);
            var partnership = (await directory.ListPartnershipsOfCouncilAsync(roadmap.CoordinatorCouncilId, ct)).FirstOrDefault(p => p.Id == roadmap.PartnershipId);
            var memberships = (await directory.ListPeopleAsync(partnership?.Councils.Select(c => c.Id) ?? [], ct))
                .ToLookup(p => p.UserId, p => p.CouncilId);
            foreach (var action in waiting)
            {
                if (await RemindAsync(roadmap, action, date, councils.GetValueOrDefault(LinkCouncil(action, memberships)), ct))
                {
                    sent++;
                }
            }
        }

        return sent;
    }

    /// <summary>The link opens the action in a council of the partnership the person belongs to: the owner if she is in it.</summary>
    private static Guid LinkCouncil(RoadmapAction action, ILookup<Guid, Guid> memberships)
    {
        var hers = memberships[action.ResponsibleUserId!.Value].ToList();
        return hers.Contains(action.OwnerCouncilId) ? action.OwnerCouncilId : hers.FirstOrDefault(action.OwnerCouncilId);
    }

    private async Task<bool> RemindAsync(Roadmap roadmap, RoadmapAction action, DateOnly date, string? councilSlug, CancellationToken ct)
    {
        if (await db.Reminders.IgnoreQueryFilters().AnyAsync(r => r.ActionId == action.Id && r.ReportingDate == date, ct))
        {
            return false;
        }

        var marker = new SentActionReminder(action.Id, action.PartnershipId, date, clock.GetUtcNow().UtcDateTime);
        db.Reminders.Add(marker);
        await db.SaveChangesAsync(ct);
        try
        {
            await notifier.NotifyPersonAsync(action.ResponsibleUserId!.Value, new NoticeMessage(
                $"Rapporter fremdrift innen {Norwegian.Date(date)}",
                $"Tiltaket «{action.Title}» i «{roadmap.Title}» venter på din rapport om status og fremdrift før rapporteringsdatoen {Norwegian.Date(date)}.",
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
}
