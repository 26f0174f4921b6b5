using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Web.Pages.Shared.Agreements;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.County.Agreements;

public sealed class CountyAgreementsModel(PortalContext portal, AgreementQueries queries, TimeProvider clock) : PageModel
{
    public AgreementListView List { get; private set; } = null!;

    public async Task OnGetAsync() =>
        List = new AgreementListView(await queries.ListAsync(), portal.Prefix, ShowCouncil: true,
            "Fylket er ikke part i noen avtale ennå. Lag en ny Missions-avtale fra malen, eller vent til et regionråd sender et utkast.",
            SharedKernel.Time.Oslo.Today(clock));
}
