using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Web.Pages.Shared.Agreements;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Council.Agreements;

public sealed class CouncilAgreementsModel(PortalContext portal, AgreementQueries queries, TimeProvider clock) : PageModel
{
    public AgreementListView List { get; private set; } = null!;

    public async Task OnGetAsync() =>
        List = new AgreementListView(await queries.ListAsync(), portal.Prefix, ShowCouncil: false,
            "Rådet har ingen avtaler ennå. Sekretariatet lager en ny Missions-avtale fra malen med «Ny Missions-avtale».",
            SharedKernel.Time.Oslo.Today(clock));
}
