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

        var current = await connections.GetAsync(OwnerKind, ownerId);
        IsConnected = current is not null;
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
            OwnerKind, ownerId, Input.EntraTenantId, Input.AllowedDomains, Input.ConcurrencyStamp));
        if (!result.Succeeded)
        {
            var current = await connections.GetAsync(OwnerKind, ownerId);
            IsConnected = current is not null;
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

        Message = "Koblingen til Entra ID er lagret.";
        return RedirectToPage();
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
