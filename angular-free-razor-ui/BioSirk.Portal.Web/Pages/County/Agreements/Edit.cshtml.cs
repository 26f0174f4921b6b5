using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Web.Pages.Shared.Agreements;
using BioSirk.Portal.Web.Tenancy;

namespace BioSirk.Portal.Web.Pages.County.Agreements;

public sealed class EditCountyAgreementModel(PortalContext portal, AgreementStore store, EditDraft editDraft, AmendAgreement amend)
    : EditAgreementPageModel(store, editDraft, amend)
{
    public override string BasePath => portal.Prefix;

    public override bool CanAct => portal.County is not null;

    public override Party ActingParty => Party.County;
}
