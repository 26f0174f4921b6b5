using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Platform.Contracts;

namespace BioSirk.Portal.Web.Pages.Shared.Agreements;

/// <summary>The councils and counties of the portal's directory as the Missions template names them.</summary>
public static class TemplateParties
{
    public static TemplateParty AsTemplateParty(this CouncilInfo council) =>
        new(council.Name, council.OrganisationNumber, council.ContactName, council.ContactEmail);

    public static TemplateParty AsTemplateParty(this CountyInfo county) =>
        new(county.Name, county.OrganisationNumber, county.ContactName, county.ContactEmail, county.InvoiceOrderNumber, county.InvoiceProjectNumber);
}
