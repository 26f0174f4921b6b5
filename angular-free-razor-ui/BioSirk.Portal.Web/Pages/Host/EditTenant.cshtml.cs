using BioSirk.Portal.Platform.Features.Host;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Host;

/// <summary>The host admin corrects a council: name, organisation number, county, and whether it is open to its people.</summary>
public sealed class EditTenantModel(EditOrganisations organisations, HostAdministration host, HostInvitations invitations)
    : HostInvitationsPage(invitations)
{
    [BindProperty]
    public CouncilInput Input { get; set; } = new();

    public OrganisationDetails Council { get; private set; } = null!;

    public List<OrganisationRow> Counties { get; private set; } = [];

    public override bool IsCounty => false;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid councilId)
    {
        var posted = Input;
        if (await LoadAsync() is null)
        {
            return NotFound();
        }

        Input = posted;

        var result = await organisations.EditCouncilAsync(new EditCouncilCommand(
            councilId, Input.Name, Input.OrganisationNumber, Input.CountyId, Input.IsActive, Input.ConcurrencyStamp ?? string.Empty));
        if (result is null)
        {
            return NotFound();
        }

        if (result.IsStale)
        {
            Input.ConcurrencyStamp = (await organisations.FindCouncilAsync(councilId))?.ConcurrencyStamp;
            this.OfferOverwrite(this.Localized("opplysningene om rådet"));
            return Page();
        }

        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, "Input");
            return Page();
        }

        Message = Input.IsActive ? this.Localized("Endringene for {0} er lagret.", Input.Name!.Trim()) : this.Localized("Endringene er lagret. {0} er stengt for sine medlemmer.", Input.Name!.Trim());
        return LocalRedirect("/vert");
    }

    protected override async Task<InvitationOwner?> LoadOrganisationAsync()
    {
        if (!Guid.TryParse(RouteData.Values["councilId"]?.ToString(), out var councilId)
            || await organisations.FindCouncilAsync(councilId) is not { } council)
        {
            return null;
        }

        Council = council;
        Counties = await host.ListCountiesAsync();
        Input = new CouncilInput
        {
            Name = council.Name,
            OrganisationNumber = council.OrganisationNumber,
            CountyId = council.CountyId,
            IsActive = council.IsActive,
            ConcurrencyStamp = council.ConcurrencyStamp,
        };
        return InvitationOwner.Council(council.Id);
    }

    public sealed class CouncilInput
    {
        public string? Name { get; set; }

        public string? OrganisationNumber { get; set; }

        public Guid? CountyId { get; set; }

        public bool IsActive { get; set; }

        public string? ConcurrencyStamp { get; set; }
    }
}
