using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Web.Pages.Shared.Agreements;
using BioSirk.Portal.Web.Tenancy;

namespace BioSirk.Portal.Web.Pages.Council.Agreements;

public sealed class CouncilAgreementModel(PortalContext portal, AgreementQueries queries, IFileStore files, TimeProvider clock)
    : AgreementDetailsPageModel(queries, files, clock)
{
    public override Party Viewer => Party.Council;

    public override bool CanAct => portal.IsIn(CouncilRoles.Secretary);

    public override string BasePath => portal.Prefix;
}
