using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Platform.Features.Host;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Host;

public sealed class CreatePartnershipModel(HostAdministration host) : PageModel
{
    [BindProperty]
    public PartnershipInput Input { get; set; } = new();

    public List<OrganisationRow> Tenants { get; private set; } = [];

    public async Task OnGetAsync() => Tenants = await host.ListTenantsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await host.CreatePartnershipAsync(new CreatePartnershipCommand(Input.Slug, Input.Name, Input.Description, Input.TenantIds));
        if (result.Succeeded)
        {
            TempData["Message"] = this.Localized("Partnerskapet {0} er opprettet.", Input.Name!);
            return LocalRedirect("/vert");
        }

        result.Errors.AddTo(ModelState, "Input");
        Tenants = await host.ListTenantsAsync();
        return Page();
    }

    public sealed class PartnershipInput
    {
        public string? Name { get; set; }

        public string? Slug { get; set; }

        public string? Description { get; set; }

        public List<Guid> TenantIds { get; set; } = [];
    }
}
