using BioSirk.Portal.Platform.Features.Host;
using BioSirk.Portal.Platform.Features.Invitations;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Host;

public sealed class CreateTenantModel(HostAdministration host) : PageModel
{
    [BindProperty]
    public TenantInput Input { get; set; } = new();

    public List<OrganisationRow> Counties { get; private set; } = [];

    public InvitationSent? Sent { get; private set; }

    public async Task OnGetAsync() => Counties = await host.ListCountiesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await host.CreateTenantAsync(new CreateTenantCommand(
            Input.Slug, Input.Name, Input.OrganisationNumber, Input.CountyId, Input.AdminEmail, Input.AdminName,
            CurrentUser.IdOf(User)!.Value, $"{Request.Scheme}://{Request.Host}"));
        if (result.Succeeded)
        {
            Sent = result.Value;
            Input = new TenantInput();
            ModelState.Clear();
        }
        else
        {
            result.Errors.AddTo(ModelState, "Input");
        }

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
