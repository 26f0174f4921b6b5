using BioSirk.Portal.Platform.Features.Host;
using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Host;

public sealed class CreateTenantModel(HostAdministration host) : PageModel
{
    [BindProperty]
    public TenantInput Input { get; set; } = new();

    public List<OrganisationRow> Counties { get; private set; } = [];

    public async Task OnGetAsync() => Counties = await host.ListCountiesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await host.CreateTenantAsync(new CreateTenantCommand(
            Input.Slug, Input.Name, Input.OrganisationNumber, Input.CountyId, Input.AdminEmail, Input.AdminName,
            CurrentUser.IdOf(User)!.Value, Request.PortalAddress()));
        if (result.Succeeded)
        {
            // Post, redirect, get: reloading the new page does not post the form again (which would only say that
            // the name is taken), and the page shows the invitation's link once.
            HostInvitationsPage.RememberCreated(TempData, result.Value!.Invitation);
            return LocalRedirect($"/vert/rad/{result.Value.Id}");
        }

        result.Errors.AddTo(ModelState, "Input");
        Counties = await host.ListCountiesAsync();
        return Page();
    }

    public sealed class TenantInput
    {
        public string? Name { get; set; }

        public string? Slug { get; set; }

        public string? OrganisationNumber { get; set; }

        public Guid? CountyId { get; set; }

        public string? AdminName { get; set; }

        public string? AdminEmail { get; set; }
    }
}
