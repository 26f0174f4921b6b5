using BioSirk.Portal.Platform.Features.Host;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Host;

/// <summary>The host admin corrects a county's name or organisation number, names its contact person for agreements, and the numbers its invoices carry.</summary>
public sealed class EditCountyModel(EditOrganisations organisations, HostInvitations invitations) : HostInvitationsPage(invitations)
{
    [BindProperty]
    public CountyInput Input { get; set; } = new();

    public CountyDetails County { get; private set; } = null!;

    public override bool IsCounty => true;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid countyId)
    {
        var posted = Input;
        if (await LoadAsync() is null)
        {
            return NotFound();
        }

        Input = posted;
        var result = await organisations.EditCountyAsync(new EditCountyCommand(
            countyId, Input.Name, Input.OrganisationNumber, Input.ContactName, Input.ContactEmail, Input.ConcurrencyStamp ?? string.Empty)
        {
            InvoiceOrderNumber = Input.InvoiceOrderNumber,
            InvoiceProjectNumber = Input.InvoiceProjectNumber,
        });
        if (result is null)
        {
            return NotFound();
        }

        if (result.IsStale)
        {
            Input.ConcurrencyStamp = (await organisations.FindCountyAsync(countyId))?.ConcurrencyStamp;
            this.OfferOverwrite(this.Localized("opplysningene om fylket"));
            return Page();
        }

        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, "Input");
            return Page();
        }

        Message = this.Localized("Endringene for {0} er lagret.", Input.Name!.Trim());
        return LocalRedirect("/vert");
    }

    protected override async Task<InvitationOwner?> LoadOrganisationAsync()
    {
        if (!Guid.TryParse(RouteData.Values["countyId"]?.ToString(), out var countyId)
            || await organisations.FindCountyAsync(countyId) is not { } county)
        {
            return null;
        }

        County = county;
        Input = new CountyInput
        {
            Name = county.Name,
            OrganisationNumber = county.OrganisationNumber,
            ContactName = county.ContactName,
            ContactEmail = county.ContactEmail,
            InvoiceOrderNumber = county.InvoiceOrderNumber,
            InvoiceProjectNumber = county.InvoiceProjectNumber,
            ConcurrencyStamp = county.ConcurrencyStamp,
        };
        return InvitationOwner.County(county.Id);
    }

    public sealed class CountyInput
    {
        public string? Name { get; set; }

        public string? OrganisationNumber { get; set; }

        public string? ContactName { get; set; }

        public string? ContactEmail { get; set; }

        public string? InvoiceOrderNumber { get; set; }

        public string? InvoiceProjectNumber { get; set; }

        public string? ConcurrencyStamp { get; set; }
    }
}
