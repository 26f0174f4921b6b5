using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Web.Pages.Shared.Agreements;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.County.Agreements;

/// <summary>The county's agreements, 25 to a page, filtered like on the start page.</summary>
public sealed class CountyAgreementsModel(PortalContext portal, AgreementQueries queries, TimeProvider clock) : PageModel
{
    public AgreementListView List { get; private set; } = null!;

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
        ModelState.Clear();
        List = await AgreementListPage.LoadAsync(queries, portal.Prefix, Request.Path, new AgreementListQuery(Search, Council, Status, Side),
            "Fylket er ikke part i noen avtale ennå. Lag en ny Missions-avtale fra malen, eller vent til et regionråd sender et utkast.",
            SharedKernel.Time.Oslo.Today(clock));
    }
}
