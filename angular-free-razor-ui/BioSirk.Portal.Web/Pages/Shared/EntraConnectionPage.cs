using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Entra;
using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Shared;

/// <summary>
/// The connection of one council or county to its Entra tenant: shown, saved or removed. The council page and the
/// host admin's county page differ only in whose connection it is and who may open them.
/// </summary>
public abstract class EntraConnectionPage(EntraConnections connections) : PageModel
{
    [BindProperty]
    public EntraConnectionInput Input { get; set; } = new();

    public bool IsConnected { get; private set; }

    /// <summary>The domains people sign in from now, and those that wait for the host admin (empty when nothing waits).</summary>
    public IReadOnlyList<string> ActiveDomains { get; private set; } = [];

    public IReadOnlyList<string> PendingDomains { get; private set; } = [];

    /// <summary>Whether what is saved here counts at once (the host admin's own page) or waits for the host admin.</summary>
    protected abstract bool SavedByHostAdmin { get; }

    [TempData]
    public string? Message { get; set; }

    protected abstract EntraOwnerKind OwnerKind { get; }

    /// <returns>The council's or county's id; null when this page's owner does not exist (404).</returns>
    protected abstract Task<Guid?> OwnerIdAsync();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await OwnerIdAsync() is not { } ownerId)
        {
            return NotFound();
        }

        var current = await ShowAsync(ownerId);
        Input = current is null
            ? new EntraConnectionInput()
            : new EntraConnectionInput
            {
                EntraTenantId = current.EntraTenantId.ToString(),
                AllowedDomains = current.AllowedDomains,
                ConcurrencyStamp = current.ConcurrencyStamp,
            };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (await OwnerIdAsync() is not { } ownerId)
        {
            return NotFound();
        }

        var result = await connections.SaveAsync(new SaveEntraConnectionCommand(
            OwnerKind, ownerId, Input.EntraTenantId, Input.AllowedDomains, Input.ConcurrencyStamp, SavedByHostAdmin));
        if (!result.Succeeded)
        {
            var current = await ShowAsync(ownerId);
            if (result.IsStale)
            {
                Input.ConcurrencyStamp = current?.ConcurrencyStamp;
                this.OfferOverwrite(this.Localized("koblingen til Entra ID"));
            }
            else
            {
                result.Errors.AddTo(ModelState, "Input");
            }

            return Page();
        }

        var saved = await connections.GetAsync(OwnerKind, ownerId);
        Message = saved is { AwaitsApproval: true }
            ? "Koblingen til Entra ID er lagret. Vertsadministratoren har fått beskjed og må godkjenne den før noen kan logge inn med Microsoft fra den nye leietakeren eller de nye domenene."
            : "Koblingen til Entra ID er lagret.";
        return RedirectToPage();
    }

    private async Task<EntraConnectionView?> ShowAsync(Guid ownerId)
    {
        var current = await connections.GetAsync(OwnerKind, ownerId);
        IsConnected = current is not null;
        ActiveDomains = current?.ActiveDomains ?? [];
        PendingDomains = current?.PendingDomains ?? [];
        return current;
    }

    public async Task<IActionResult> OnPostDisconnectAsync()
    {
        if (await OwnerIdAsync() is not { } ownerId)
        {
            return NotFound();
        }

        Message = await connections.DisconnectAsync(OwnerKind, ownerId)
            ? "Koblingen til Entra ID er fjernet. Ingen kan lenger logge inn med Microsoft her; lokale kontoer virker som før."
            : "Det var ingen kobling til Entra ID å fjerne.";
        return RedirectToPage();
    }

    public sealed class EntraConnectionInput
    {
        public string? EntraTenantId { get; set; }

        public string? AllowedDomains { get; set; }

        public string? ConcurrencyStamp { get; set; }
    }
}
