using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.SharedKernel.Time;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Agreements.Features;

/// <summary>
/// Nightly: reminds 30 and 7 days before the activities deadline, the report deadline and each dated milestone, and
/// gives notice when one has passed; makes dated milestones payable on their date. Council by council, each in its
/// own scope. A reminder is recorded before it is sent and forgotten again if sending fails, so a retry sends it
/// once and only once.
/// </summary>
public sealed class SendDeadlineReminders(AgreementsDbContext db, ICurrentTenant tenant, IPlatformDirectory directory, INotifier notifier, TimeProvider clock)
{
    public const string JobId = "agreements:deadline-reminders";

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var today = Oslo.Today(clock);
        var counties = (await directory.ListCountiesAsync(ct)).ToDictionary(c => c.Id, c => c.Slug);
        var sent = 0;
        foreach (var council in await directory.ListCouncilsAsync(ct))
        {
            using (tenant.Use(TenantScope.ForTenant(council.Id)))
            {
                var agreements = await db.Agreements.Include(a => a.Milestones)
                    .Where(a => a.Status == AgreementStatus.Signed || a.Status == AgreementStatus.FinalReportSubmitted || a.Status == AgreementStatus.Approved)
                    .ToListAsync(ct);
                foreach (var agreement in agreements)
                {
                    await MakeDatedMilestonesPayableAsync(agreement, today, ct);
                    foreach (var deadline in Deadlines(agreement))
                    {
                        if (await RemindAsync(agreement, deadline, today, council.Slug, counties.GetValueOrDefault(agreement.FunderCountyId), ct))
                        {
                            sent++;
                        }
                    }
                }
            }
        }

        return sent;
    }

    private static IEnumerable<(string Kind, Phrase What, DateOnly Date)> Deadlines(Agreement a)
    {
        if (a.Status is AgreementStatus.Signed)
        {
            yield return ("activities", Phrase.Of("Aktivitetene skal være ferdige"), a.ActivitiesDeadline);
        }

        if (a.Status is AgreementStatus.Signed)
        {
            yield return ("report", Phrase.Of("Sluttrapporten skal leveres"), a.ReportDeadline);
        }

        foreach (var m in a.Milestones.Where(m => m.DueDate is not null && m.State is MilestoneState.Waiting or MilestoneState.Payable))
        {
            yield return ($"milestone-{m.Number}", Phrase.Of("Utbetalingen «{0}» forfaller", m.Name), m.DueDate!.Value);
        }
    }

    private async Task<bool> RemindAsync(Agreement agreement, (string Kind, Phrase What, DateOnly Date) deadline, DateOnly today, string councilSlug,
        string? countySlug, CancellationToken ct)
    {
        var daysLeft = deadline.Date.DayNumber - today.DayNumber;
        var step = daysLeft switch
        {
            < 0 => "passed",
            <= 7 => "7",
            <= 30 => "30",
            _ => null,
        };
        if (step is null)
        {
            return false;
        }

        var key = $"{deadline.Kind}:{deadline.Date:yyyy-MM-dd}:{step}";
        var text = step == "passed"
            ? Phrase.Of("Fristen er passert: {0} {1} («{2}»).", deadline.What, Norwegian.Date(deadline.Date), agreement.Title)
            : Phrase.Of("Påminnelse: {0} {1}, {2} («{3}»).", deadline.What, Norwegian.Date(deadline.Date), Norwegian.InDaysPhrase(daysLeft), agreement.Title);
        var subject = step == "passed" ? "Frist passert: " + deadline.What.ToString().ToLowerInvariant() : "Frist " + Norwegian.InDays(daysLeft);
        var sent = await OnceAsync(agreement, key, () => notifier.NotifyCouncilAsync(agreement.TenantId, CouncilRoles.Secretary,
            new NoticeMessage(subject, text, $"/rad/{councilSlug}/avtaler/{agreement.Id}"), ct), ct);
        if (step == "passed" && countySlug is not null)
        {
            sent |= await OnceAsync(agreement, key + ":fylke", () => notifier.NotifyCountyAsync(agreement.FunderCountyId,
                new NoticeMessage(subject, Phrase.Of("{0}: {1}", agreement.CouncilName, text), $"/fylke/{countySlug}/avtaler/{agreement.Id}"), ct), ct);
        }

        return sent;
    }

    /// <summary>
    /// Sends a notice once, even when the job runs twice at a time or is retried: the marker is stored first (a run
    /// beside this one finds it, or fails on its unique key, and leaves the notice to this one), and taken away again
    /// only when the notice was not stored (the notifier throws only then), so that the retry sends it.
    /// </summary>
    private async Task<bool> OnceAsync(Agreement agreement, string key, Func<Task> notify, CancellationToken ct)
    {
        if (await db.Reminders.AnyAsync(r => r.AgreementId == agreement.Id && r.Key == key, ct))
        {
            return false;
        }

        var marker = new SentReminder(agreement, key, clock.GetUtcNow().UtcDateTime);
        db.Reminders.Add(marker);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(marker).State = EntityState.Detached;
            return false;
        }

        try
        {
            await notify();
        }
        catch
        {
            db.Reminders.Remove(marker);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        return true;
    }

    private async Task MakeDatedMilestonesPayableAsync(Agreement agreement, DateOnly today, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (AgreementJournal.RecordDue(db, agreement, agreement.MakeDatedPaymentsDue(today, now), "BioSirk-portalen", now))
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
