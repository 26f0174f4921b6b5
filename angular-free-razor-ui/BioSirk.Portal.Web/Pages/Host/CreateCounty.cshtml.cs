using BioSirk.Portal.Platform.Features.Host;
using BioSirk.Portal.Platform.Features.Invitations;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Host;

public sealed class CreateCountyModel(HostAdministration host) : PageModel
{
    [BindProperty]
    public CountyInput Input { get; set; } = new();

    public InvitationSent? Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await host.CreateCountyAsync(new CreateCountyCommand(
            Input.Slug, Input.Name, Input.OrganisationNumber, Input.OfficerEmail, Input.OfficerName,
            CurrentUser.IdOf(User)!.Value, $"{Request.Scheme}://{Request.Host}"));
        if (result.Succeeded)
        {
            Sent = result.Value;
            Input = new CountyInput();
            ModelState.Clear();
        }
        else
        {
            result.Errors.AddTo(ModelState, "Input");
        }

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
