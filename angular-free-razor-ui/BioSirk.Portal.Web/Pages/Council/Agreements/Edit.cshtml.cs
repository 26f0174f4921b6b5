using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Web.Pages.Shared.Agreements;
using BioSirk.Portal.Web.Tenancy;

namespace BioSirk.Portal.Web.Pages.Council.Agreements;

public sealed class EditCouncilAgreementModel(PortalContext portal, AgreementStore store, EditDraft editDraft, AmendAgreement amend)
    : EditAgreementPageModel(store, editDraft, amend)
{
    public override string BasePath => portal.Prefix;

    public override bool CanAct => portal.IsIn(CouncilRoles.Secretary);

    public override Party ActingParty => Party.Council;
}
