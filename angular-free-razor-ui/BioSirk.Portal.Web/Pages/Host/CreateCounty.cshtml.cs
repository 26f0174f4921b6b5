using BioSirk.Portal.Platform.Features.Host;
using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Host;

public sealed class CreateCountyModel(HostAdministration host) : PageModel
{
    [BindProperty]
    public CountyInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await host.CreateCountyAsync(new CreateCountyCommand(
            Input.Slug, Input.Name, Input.OrganisationNumber, Input.OfficerEmail, Input.OfficerName,
            CurrentUser.IdOf(User)!.Value, Request.PortalAddress()));
        if (result.Succeeded)
        {
            // Post, redirect, get: reloading the new page does not post the form again (which would only say that
            // the name is taken), and the page shows the invitation's link once.
            HostInvitationsPage.RememberCreated(TempData, result.Value!.Invitation);
            return LocalRedirect($"/vert/fylker/{result.Value.Id}");
        }

        result.Errors.AddTo(ModelState, "Input");
        return Page();
    }

    public sealed class CountyInput
    {
        public string? Name { get; set; }

        public string? Slug { get; set; }

        public string? OrganisationNumber { get; set; }

        public string? OfficerName { get; set; }

        public string? OfficerEmail { get; set; }
    }
}
