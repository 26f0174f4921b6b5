using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.Web.Pages.Shared.Agreements;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Members;
using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Web.Pages.Council.Meetings;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Tenancy;
using BioSirk.Portal.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Pages.Council;

public sealed record CouncilTask(string Text, string Url);

/// <summary>A council's start page: what waits for this person, by her roles.</summary>
public sealed class CouncilHomeModel(PortalContext portal, CouncilMembers members, AgreementQueries agreements, RoadmapQueries roadmaps,
    IIndicatorReader indicators, MeetingQueries meetings, BioSirk.Portal.Reporting.Features.FinalReportQueries reports, TimeProvider clock,
    IStringLocalizer<SharedResource> t)
    : PageModel
{
    /// <summary>How far ahead the start page shows meetings, and how soon before a meeting its agenda should be out.</summary>
    public const int MeetingDaysAhead = 30;

    private const int AgendaDueDaysBefore = 14;

    /// <summary>Her meetings in the next <see cref="MeetingDaysAhead"/> days (at most three), soonest first.</summary>
    public IReadOnlyList<MeetingSummary> UpcomingMeetings { get; private set; } = [];

    /// <summary>The indicators this council reports, with their status and who reports next, by when.</summary>
    public IReadOnlyList<IndicatorSummary> OwnIndicators { get; private set; } = [];

    /// <summary>The council's part of its partnerships' roadmaps; null when it is in no partnership.</summary>
    public CouncilRoadmapSummary? Roadmap { get; private set; }

    public AgreementListView Agreements { get; private set; } = null!;

    public List<CouncilTask> Tasks { get; } = [];

    public DateOnly Today { get; private set; }

    public int ActiveMembers { get; private set; }

    public int PendingInvitations { get; private set; }

    public async Task OnGetAsync()
    {
        var council = portal.Council!;
        var today = Today = SharedKernel.Time.Oslo.Today(clock);
        var rows = await agreements.ListAsync();
        Agreements = new AgreementListView(rows, portal.Prefix, ShowCouncil: false,
            council.Has(CouncilRoles.Secretary)
                ? t["Rådet har ingen avtaler ennå. Start med «Ny Missions-avtale» under Avtaler."]
                : t["Rådet har ingen avtaler ennå."],
            today);
        if (council.Has(CouncilRoles.Secretary))
        {
            foreach (var returned in await reports.ReturnedAsync())
            {
                Tasks.Add(new CouncilTask(t["Fylket har sendt sluttrapporten for «{0}» tilbake: se merknadene, rett rapporten og lever den på nytt.", returned.AgreementTitle],
                    $"{portal.Prefix}/avtaler/{returned.AgreementId}/sluttrapport"));
            }

            foreach (var proposal in (await agreements.ProposedAmendmentsAsync()).Where(p => p.By != Party.Council))
            {
                Tasks.Add(new CouncilTask(t["{0} foreslår et tillegg til «{1}»: godta eller avvis det.", proposal.ProposerName, proposal.AgreementTitle],
                    $"{portal.Prefix}/avtaler/{proposal.AgreementId}#amendment"));
            }

            foreach (var standing in await agreements.StandingBreachNoticesAsync())
            {
                if (BreachTasks.For(standing, Party.Council, today, t) is { } text)
                {
                    Tasks.Add(new CouncilTask(text, $"{portal.Prefix}/avtaler/{standing.AgreementId}#breach"));
                }
            }

            foreach (var money in await agreements.CouncilMoneyTasksAsync())
            {
                Tasks.Add(new CouncilTask(MoneyTaskText(money), $"{portal.Prefix}/avtaler/{money.AgreementId}#money"));
            }

            foreach (var row in rows)
            {
                var url = $"{portal.Prefix}/avtaler/{row.Id}";
                if (row.WaitsForCouncilSignature)
                {
                    Tasks.Add(new CouncilTask(t["Signer avtalen «{0}» for rådet.", row.Title], url));
                }

                if (row.Level is SpendLevel.Above90 or SpendLevel.BeyondFrame)
                {
                    Tasks.Add(new CouncilTask(t["«{0}»: {1} % av rammen er brukt.", row.Title, row.PercentUsed.ToString("0.#", Norwegian.Culture)], url));
                }

                if (row.NextDeadline is { } d && (IsWithin30Days(d.Date, today) || (d.Date < today && row.Status == AgreementStatus.Signed)))
                {
                    Tasks.Add(new CouncilTask($"«{row.Title}»: {DeadlineTexts.Describe(d, today, t)}.", url));
                }
            }
        }

        await AddMeetingsAsync();
        await AddRoadmapTasksAsync(today);
        await AddIndicatorTasksAsync(today);
        OwnIndicators = [.. (await indicators.ListVisibleAsync()).Where(i => i.OwnerCouncilId == council.Id).OrderBy(i => i.NextReportingDate)];
        if (!council.Has(CouncilRoles.TenantAdmin))
        {
            return;
        }

        var list = await members.ListAsync();
        var invitations = await members.ListInvitationsAsync();
        ActiveMembers = list.Count(m => m.IsActive);
        PendingInvitations = invitations.Count(i => !i.IsExpired);
        var admin = $"/rad/{council.Slug}/admin/medlemmer";
        if (!list.Any(m => m.IsActive && m.Roles.HasFlag(TenantRoles.Secretary)))
        {
            Tasks.Add(new CouncilTask(t["Rådet har ingen i sekretariatet ennå: inviter sekretariatet først."], admin));
        }

        var expired = invitations.Count(i => i.IsExpired);
        if (expired > 0)
        {
            Tasks.Add(new CouncilTask(t["{0} invitasjon(er) er utløpt uten svar: send dem på nytt.", expired], admin));
        }
    }

    private string MoneyTaskText(CouncilMoneyTask money) => money switch
    {
        { Amount: < 0 } => t["«{0}»: betal tilbake {1} til fylket («{2}»).", money.AgreementTitle, Norwegian.Kroner(-money.Amount), money.MilestoneName],
        { ReturnedWith: { } comment } => t["«{0}»: fylket sendte utbetalingsanmodningen for «{1}» tilbake: «{2}» Rett det, og send en ny.", money.AgreementTitle, money.MilestoneName, comment],
        _ => t["«{0}»: send utbetalingsanmodning for «{1}» ({2}).", money.AgreementTitle, money.MilestoneName, Norwegian.Kroner(money.Amount)],
    };

    /// <summary>Her coming meetings; for a secretary, also a task to publish the agenda of her council's next meetings.</summary>
    private async Task AddMeetingsAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var upcoming = await meetings.UpcomingAsync(MeetingPageModel.ActorOf(portal, User), now, now.AddDays(MeetingDaysAhead), HttpContext.RequestAborted);
        UpcomingMeetings = [.. upcoming.Take(3)];
        if (!portal.IsIn(CouncilRoles.Secretary))
        {
            return;
        }

        foreach (var m in upcoming.Where(m => !m.IsPublished && m.OrganiserCouncilId == portal.CouncilId && m.StartsAtUtc < now.AddDays(AgendaDueDaysBefore)))
        {
            Tasks.Add(new CouncilTask(t["Publiser sakslisten til «{0}» ({1}), så deltakerne kan forberede seg.", m.Title, MeetingPageModel.When(m.StartsAtUtc, m.EndsAtUtc)],
                $"{portal.Prefix}/moter/{m.Id}"));
        }
    }

    private static bool IsWithin30Days(DateOnly date, DateOnly today) => date >= today && date.DayNumber - today.DayNumber <= 30;

    /// <summary>The indicators this person reports whose next measurement is due within a week or overdue.</summary>
    private async Task AddIndicatorTasksAsync(DateOnly today)
    {
        foreach (var indicator in await indicators.ListAwaitingUpdateAsync(CurrentUser.IdOf(User)!.Value, today))
        {
            Tasks.Add(new CouncilTask(t["Registrer ny måling av «{0}» innen {1}.", indicator.Name, BioSirk.Portal.Web.Pages.Shared.Indicators.NextReportingText.Of(indicator.NextReportingDate, today, t)],
                $"{portal.Prefix}/indikatorer/{indicator.Id}"));
        }
    }

    private async Task AddRoadmapTasksAsync(DateOnly today)
    {
        if (portal.Partnerships.Count == 0)
        {
            return;
        }

        Roadmap = await roadmaps.SummaryForCouncilAsync(portal.CouncilId, today);
        var userId = CurrentUser.IdOf(User);
        foreach (var item in Roadmap.AwaitingUpdate.Where(a => a.Action.ResponsibleUserId == userId))
        {
            Tasks.Add(new CouncilTask(t["Rapporter fremdrift på «{0}» innen {1}.", item.Action.Title, t[item.DueText].Value],
                $"{portal.Prefix}/veikart/{item.RoadmapId}/tiltak/{item.Action.Id}"));
        }

        if (portal.IsIn(CouncilRoles.Secretary))
        {
            foreach (var (roadmap, version) in Roadmap.DecisionsPending)
            {
                Tasks.Add(new CouncilTask(t["Registrer rådets vedtak om versjon {0} av «{1}».", version.Number, roadmap.Title],
                    $"{portal.Prefix}/veikart/{roadmap.Id}/versjoner"));
            }
        }
    }
}
