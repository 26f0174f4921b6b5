using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Web.Pages.Shared.Agreements;
using BioSirk.Portal.Web.Tenancy;

namespace BioSirk.Portal.Web.Pages.County.Agreements;

public sealed class CountyAgreementModel(PortalContext portal, AgreementQueries queries, IFileStore files, TimeProvider clock)
    : AgreementDetailsPageModel(queries, files, clock)
{
    public override Party Viewer => Party.County;

    public override bool CanAct => portal.County is not null;

    public override string BasePath => portal.Prefix;
}
