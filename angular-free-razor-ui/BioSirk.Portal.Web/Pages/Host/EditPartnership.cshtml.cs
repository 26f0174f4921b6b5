using BioSirk.Portal.Platform.Features.Host;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Host;

/// <summary>The host admin renames a partnership or changes which councils are in it (at least two).</summary>
public sealed class EditPartnershipModel(EditPartnership partnerships, HostAdministration host, Live.LiveFollows follows) : PageModel
{
    [BindProperty]
    public PartnershipInput Input { get; set; } = new();

    public PartnershipDetails Partnership { get; private set; } = null!;

    public List<OrganisationRow> Tenants { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid partnershipId)
    {
        if (!await LoadAsync(partnershipId))
        {
            return NotFound();
        }

        Input = new PartnershipInput
        {
            Name = Partnership.Name,
            Description = Partnership.Description,
            TenantIds = [.. Partnership.TenantIds],
            ConcurrencyStamp = Partnership.ConcurrencyStamp,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid partnershipId)
    {
        if (!await LoadAsync(partnershipId))
        {
            return NotFound();
        }

        var result = await partnerships.HandleAsync(new EditPartnershipCommand(
            partnershipId, Input.Name, Input.Description, Input.TenantIds, Input.ConcurrencyStamp ?? string.Empty));
        if (result is null)
        {
            return NotFound();
        }

        if (result.IsStale)
        {
            Input.ConcurrencyStamp = (await partnerships.FindAsync(partnershipId))?.ConcurrencyStamp;
            this.OfferOverwrite(this.Localized("opplysningene om partnerskapet"));
            return Page();
        }

        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, "Input");
            return Page();
        }

        await follows.RecheckAsync(); // a council taken out stops receiving the partnership's meetings
        Message = this.Localized("Endringene for {0} er lagret.", Input.Name!.Trim());
        return LocalRedirect("/vert");
    }

    private async Task<bool> LoadAsync(Guid partnershipId)
    {
        if (await partnerships.FindAsync(partnershipId) is not { } partnership)
        {
            return false;
        }

        Partnership = partnership;
        Tenants = await host.ListTenantsAsync();
        return true;
    }

    public sealed class PartnershipInput
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public List<Guid> TenantIds { get; set; } = [];

        public string? ConcurrencyStamp { get; set; }
    }
}

/// <summary>The councils to tick on a partnership's form, and those ticked.</summary>
public sealed record PartnershipCouncils(IReadOnlyList<OrganisationRow> Tenants, IReadOnlyList<Guid> Chosen);
