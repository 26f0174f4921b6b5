using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Web.Pages.Council;
using BioSirk.Portal.Web.Pages.Shared.Agreements;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.County;

/// <summary>A county officer's start page: what waits for her across councils, and every agreement of her county.</summary>
public sealed class CountyHomeModel(PortalContext portal, IPlatformDirectory directory, AgreementQueries agreements, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CouncilInfo> Councils { get; private set; } = [];

    public AgreementListView Agreements { get; private set; } = null!;

    public List<CouncilTask> Tasks { get; } = [];

    public async Task OnGetAsync()
    {
        Councils = await directory.ListCouncilsInCountyAsync(portal.CountyId);
        var rows = await agreements.ListAsync();
        Agreements = new AgreementListView(rows, portal.Prefix, ShowCouncil: true,
            "Fylket er ikke part i noen avtale ennå. Lag en ny Missions-avtale under Avtaler.", SharedKernel.Time.Oslo.Today(clock));
        foreach (var row in rows)
        {
            var url = $"{portal.Prefix}/avtaler/{row.Id}";
            if (row.WaitsForCountySignature && !row.WaitsForCouncilSignature)
            {
                Tasks.Add(new CouncilTask($"{row.CouncilName} har signert «{row.Title}»: signer for fylket.", url));
            }
            else if (row.WaitsForCountySignature)
            {
                Tasks.Add(new CouncilTask($"Utkast med {row.CouncilName}: «{row.Title}» venter på signatur.", url));
            }

            if (row.RequestsWaiting > 0)
            {
                Tasks.Add(new CouncilTask($"{row.CouncilName} har sendt utbetalingsanmodning for «{row.Title}».", url));
            }
            else if (row.PaymentDue)
            {
                Tasks.Add(new CouncilTask($"Registrer utbetalingen til {row.CouncilName} for «{row.Title}».", url));
            }
        }
    }
}
