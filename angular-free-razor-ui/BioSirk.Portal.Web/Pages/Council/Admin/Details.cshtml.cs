using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Features.Councils;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Pages.Shared;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Council.Admin;

/// <summary>The council's own details (name, organisation number, agreement contact), kept by its tenant admin.</summary>
[RequireCouncilRole(CouncilRoles.TenantAdmin)]
public sealed class DetailsModel(PortalContext portal, CouncilDetails details) : PageModel
{
    [BindProperty]
    public DetailsInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var current = await details.GetAsync(portal.CouncilId);
        if (current is null)
        {
            return NotFound();
        }

        Input = new DetailsInput
        {
            Name = current.Name,
            OrganisationNumber = current.OrganisationNumber,
            ContactName = current.ContactName,
            ContactEmail = current.ContactEmail,
            ConcurrencyStamp = current.ConcurrencyStamp,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await details.SaveAsync(new SaveCouncilDetailsCommand(
            portal.CouncilId, Input.Name, Input.OrganisationNumber, Input.ContactName, Input.ContactEmail, Input.ConcurrencyStamp ?? string.Empty));
        if (result is null)
        {
            return NotFound();
        }

        if (result.IsStale)
        {
            Input.ConcurrencyStamp = (await details.GetAsync(portal.CouncilId))?.ConcurrencyStamp;
            this.OfferOverwrite(this.Localized("opplysningene om rådet"));
            return Page();
        }

        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, "Input");
            return Page();
        }

        Message = "Opplysningene om rådet er lagret. Nye avtaler får organisasjonsnummeret og kontaktpersonen herfra.";
        return LocalRedirect($"{portal.Prefix}/admin/opplysninger");
    }

    public sealed class DetailsInput
    {
        public string? Name { get; set; }

        public string? OrganisationNumber { get; set; }

        public string? ContactName { get; set; }

        public string? ContactEmail { get; set; }

        public string? ConcurrencyStamp { get; set; }
    }
}
