using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Indicators.Data;
using BioSirk.Portal.Indicators.Domain;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.SharedKernel.Time;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Indicators.Features;

/// <summary>
/// Nightly: from 7 days before an indicator's next reporting date until that date, reminds the responsible person
/// once. Council by council, each in its own scope (owned indicators only, so a partnership's indicator is reminded
/// once, by its owner). The reminder is recorded (unique per indicator and reporting date) before it is sent and
/// forgotten again if sending fails, so a retried or repeated run sends it once and only once. A locked indicator (its
/// agreement's final report approved) is not reminded: it cannot be measured.
/// </summary>
public sealed class SendIndicatorReminders(
    IndicatorsDbContext db, IndicatorLock locks, ICurrentTenant tenant, IPlatformDirectory directory, INotifier notifier, TimeProvider clock)
{
    public const string JobId = "indicators:reporting-reminders";

    public const int DaysBefore = 7;

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var today = Oslo.Today(clock);
        var sent = 0;
        foreach (var council in await directory.ListCouncilsAsync(ct))
        {
            using (tenant.Use(TenantScope.ForTenant(council.Id)))
            {
                var indicators = await db.Indicators.AsNoTracking().Where(i => i.TenantId == council.Id && i.ResponsibleUserId != null)
                    .Select(i => new { Indicator = i, Latest = i.Measurements.Max(m => (DateOnly?)m.Date) })
                    .ToListAsync(ct);
                PartnerCouncils? partners = null;
                foreach (var row in await locks.OpenAsync(indicators, r => (r.Indicator.PlanKind, r.Indicator.PlanId), ct))
                {
                    var due = row.Indicator.NextReportingDate(row.Latest);
                    var daysLeft = due.DayNumber - today.DayNumber;
                    if (daysLeft is < 0 or > DaysBefore)
                    {
                        continue;
                    }

                    partners ??= await PartnerCouncils.OfAsync(directory, council, ct);
                    if (await RemindAsync(row.Indicator, due, daysLeft, partners.SlugFor(row.Indicator), ct))
                    {
                        sent++;
                    }
                }
            }
        }

        return sent;
    }

    private async Task<bool> RemindAsync(Indicator indicator, DateOnly due, int daysLeft, string councilSlug, CancellationToken ct)
    {
        if (await db.Reminders.AnyAsync(r => r.IndicatorId == indicator.Id && r.ReportingDate == due, ct))
        {
            return false;
        }

        var marker = new SentIndicatorReminder(indicator, due, clock.GetUtcNow().UtcDateTime);
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
            var when = Norwegian.InDaysPhrase(daysLeft);
            await notifier.NotifyPersonAsync(indicator.ResponsibleUserId!.Value, new NoticeMessage(
                $"Indikatoren «{indicator.Name}» skal rapporteres {Norwegian.Date(due)}",
                Phrase.Of("Påminnelse: registrer en ny måling av «{0}» ({1}) innen {2}, {3}.", indicator.Name, PlanOf(indicator), Norwegian.Date(due), when),
                $"/rad/{councilSlug}/indikatorer/{indicator.Id}"), ct);
        }
        catch
        {
            db.Reminders.Remove(marker);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        return true;
    }

    /// <summary>
    /// The council's own plan by its kind, in the reader's language («Rådets handlingsplan»), as the pages name it: its
    /// stored title is bokmål. An agreement's or a roadmap goal's title is the plan's own name.
    /// </summary>
    private static object PlanOf(Indicator indicator) =>
        indicator.PlanKind == PlanKind.Council ? Phrase.Of(IndicatorTexts.Plan(PlanKind.Council)) : indicator.PlanTitle;

    /// <summary>
    /// The councils whose pages show a council's indicators: its own, and for a roadmap goal's indicator those of the
    /// partnership. A responsible person of another council in the partnership is sent to the indicator in her own council.
    /// </summary>
    private sealed class PartnerCouncils(CouncilInfo owner, IReadOnlyList<PartnershipInfo> partnerships, IReadOnlyList<PersonInfo> people)
    {
        public static async Task<PartnerCouncils> OfAsync(IPlatformDirectory directory, CouncilInfo owner, CancellationToken ct)
        {
            var partnerships = await directory.ListPartnershipsOfCouncilAsync(owner.Id, ct);
            IReadOnlyList<PersonInfo> people = partnerships.Count == 0 ? [] : await directory.ListPeopleAsync(partnerships.SelectMany(p => p.Councils).Select(c => c.Id), ct);
            return new PartnerCouncils(owner, partnerships, people);
        }

        public string SlugFor(Indicator indicator)
        {
            var councils = partnerships.FirstOrDefault(p => p.Id == indicator.PartnershipId)?.Councils ?? [];
            var memberships = people.Where(p => p.UserId == indicator.ResponsibleUserId).Select(p => p.CouncilId).ToList();
            return memberships.Count == 0 || memberships.Contains(owner.Id)
                ? owner.Slug
                : councils.FirstOrDefault(c => memberships.Contains(c.Id))?.Slug ?? owner.Slug;
        }
    }
}
