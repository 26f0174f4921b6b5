using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Reporting.Features;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.Web.Pages.Council;
using BioSirk.Portal.Web.Pages.Shared.Agreements;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using BioSirk.Portal.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Pages.County;

/// <summary>
/// A county officer's start page: what waits for her across councils, then the county's agreements, 25 to a page,
/// filtered by words in the title, council and status (all in the query string).
/// </summary>
public sealed class CountyHomeModel(PortalContext portal, IPlatformDirectory directory, AgreementQueries agreements, FinalReportQueries reports, TimeProvider clock,
    IStringLocalizer<SharedResource> t)
    : PageModel
{
    public IReadOnlyList<CouncilInfo> Councils { get; private set; } = [];

    public AgreementListView Agreements { get; private set; } = null!;

    public List<CouncilTask> Tasks { get; } = [];

    [BindProperty(SupportsGet = true, Name = "sok")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "rad")]
    public string? Council { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public AgreementStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "side")]
    public int Side { get; set; } = 1;

    public async Task OnGetAsync()
    {
        ModelState.Clear(); // a mistyped page number or status in the URL shows the list unfiltered, not an error
        Councils = await directory.ListCouncilsInCountyAsync(portal.CountyId);
        foreach (var row in await agreements.NeedingAttentionAsync())
        {
            var url = $"{portal.Prefix}/avtaler/{row.Id}";
            if (row.WaitsForCountySignature && !row.WaitsForCouncilSignature)
            {
                Tasks.Add(new CouncilTask(t["{0} har signert «{1}»: signer for fylket.", row.CouncilName, row.Title], url));
            }
            else if (row.WaitsForCountySignature)
            {
                Tasks.Add(new CouncilTask(t["Utkast med {0}: «{1}» venter på signatur.", row.CouncilName, row.Title], url));
            }

            if (row.RequestsWaiting > 0)
            {
                Tasks.Add(new CouncilTask(t["{0} har sendt utbetalingsanmodning for «{1}»: {2}.", row.CouncilName, row.Title, Norwegian.Kroner(row.AmountDue)], url));
            }
            else if (row.PaymentDue && row.AmountDue < 0)
            {
                Tasks.Add(new CouncilTask(t["Registrer tilbakebetalingen fra {0} for «{1}»: {2}.", row.CouncilName, row.Title, Norwegian.Kroner(-row.AmountDue)], url));
            }
            else if (row.PaymentDue)
            {
                Tasks.Add(new CouncilTask(t["Registrer utbetalingen til {0} for «{1}»: {2}.", row.CouncilName, row.Title, Norwegian.Kroner(row.AmountDue)], url));
            }
        }

        var today = SharedKernel.Time.Oslo.Today(clock);
        foreach (var proposal in (await agreements.ProposedAmendmentsAsync()).Where(p => p.By != Party.County))
        {
            Tasks.Add(new CouncilTask(t["{0} foreslår et tillegg til «{1}»: godta eller avvis det.", proposal.ProposerName, proposal.AgreementTitle],
                $"{portal.Prefix}/avtaler/{proposal.AgreementId}#amendment"));
        }

        foreach (var standing in await agreements.StandingBreachNoticesAsync())
        {
            if (BreachTasks.For(standing, Party.County, today, t) is { } text)
            {
                Tasks.Add(new CouncilTask(text, $"{portal.Prefix}/avtaler/{standing.AgreementId}#breach"));
            }
        }

        foreach (var report in await reports.QueueAsync())
        {
            Tasks.Add(new CouncilTask(t["{0} har levert sluttrapporten for «{1}» (versjon {2}): vurder den.", report.CouncilName, report.AgreementTitle, report.Version],
                $"{portal.Prefix}/avtaler/{report.AgreementId}/sluttrapport"));
        }

        Agreements = await AgreementListPage.LoadAsync(agreements, portal.Prefix, Request.Path, new AgreementListQuery(Search, Council, Status, Side),
            t["Fylket er ikke part i noen avtale ennå. Lag en ny Missions-avtale under Avtaler."], today);
    }
}
