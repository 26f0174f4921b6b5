using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Accounts;
using BioSirk.Portal.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Account;

/// <summary>
/// Where Microsoft sends the person back (through the OIDC handler at /signin-microsoft): signs her in to the
/// portal, or says why not (organisation not connected, address outside its domains, waiting for approval).
/// </summary>
public sealed class MicrosoftCallbackModel(SignInManager<PortalUser> signIn, SignInWithMicrosoft microsoft, SignInJournal journal) : PageModel
{
    public string? Message { get; private set; }

    public bool AwaitsApproval { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var external = await signIn.GetExternalLoginInfoAsync();
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var identity = external is null ? null : EntraClaims.Identity(external.Principal);
        if (identity is null)
        {
            Message = "Innloggingen med Microsoft ble avbrutt eller er utløpt. Prøv igjen.";
            return Page();
        }

        switch (await microsoft.HandleAsync(identity, HttpContext.RequestAborted))
        {
            case MicrosoftSignInOutcome.Accepted accepted:
                return await SignInAsync(accepted, identity, returnUrl);
            case MicrosoftSignInOutcome.AwaitingApproval waiting:
                AwaitsApproval = true;
                Message = this.Localized("Du er registrert, men administratoren i {0} må godkjenne deg før du får tilgang. Du får beskjed på e-post når det er gjort; logg da inn med Microsoft igjen.",
                    waiting.Organisation);
                return Page();
            case MicrosoftSignInOutcome.Refused refused:
                Message = refused.Message;
                return Page();
            default:
                throw new InvalidOperationException("Unknown outcome of a Microsoft sign-in.");
        }
    }

    private async Task<IActionResult> SignInAsync(MicrosoftSignInOutcome.Accepted accepted, EntraIdentity identity, string? returnUrl)
    {
        var result = await signIn.ExternalLoginSignInAsync(EntraIdentity.LoginProvider, identity.LoginKey, isPersistent: false, bypassTwoFactor: true);
        if (result.IsLockedOut)
        {
            Message = "Kontoen er låst etter for mange feil passord. Prøv igjen om et kvarter, eller be administratoren om hjelp.";
            return Page();
        }

        if (!result.Succeeded)
        {
            Message = "Innloggingen med Microsoft lyktes ikke. Prøv igjen, eller logg inn med e-post og passord.";
            return Page();
        }

        await journal.RecordAsync(accepted.User, SignInMethod.Microsoft, accepted.Owner.IsCounty ? null : accepted.Owner.Id, HttpContext.RequestAborted);
        var home = accepted.Owner.IsCounty ? "/" : $"/rad/{accepted.Owner.Slug}";
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : home);
    }
}
