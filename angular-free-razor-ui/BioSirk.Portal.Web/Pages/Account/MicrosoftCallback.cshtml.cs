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

    /// <summary>Set when an account with a password has the address: she gives the password once to link it.</summary>
    public string? LinkEmail { get; private set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? ReturnUrl { get; private set; }

    public Task<IActionResult> OnGetAsync(string? returnUrl) => HandleAsync(returnUrl, password: null);

    /// <summary>The password of the account to link; the Microsoft sign-in is still in the external cookie.</summary>
    public Task<IActionResult> OnPostAsync(string? returnUrl) => HandleAsync(returnUrl, Password ?? "");

    private async Task<IActionResult> HandleAsync(string? returnUrl, string? password)
    {
        ReturnUrl = returnUrl;
        var external = await signIn.GetExternalLoginInfoAsync();
        var identity = external is null ? null : EntraClaims.Identity(external.Principal);
        if (identity is null)
        {
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            Message = password is null
                ? "Innloggingen med Microsoft ble avbrutt eller er utløpt. Prøv igjen."
                : "Det gikk for lang tid siden du logget inn med Microsoft. Logg inn med Microsoft igjen, og skriv passordet med en gang.";
            return Page();
        }

        var outcome = await microsoft.HandleAsync(identity, password, HttpContext.RequestAborted);
        if (outcome is not MicrosoftSignInOutcome.PasswordRequired)
        {
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        }

        switch (outcome)
        {
            case MicrosoftSignInOutcome.Accepted accepted:
                return await SignInAsync(accepted, identity, returnUrl);
            case MicrosoftSignInOutcome.PasswordRequired required:
                LinkEmail = required.Email;
                if (required.WrongPassword)
                {
                    ModelState.AddModelError(nameof(Password), this.Localized("Passordet er ikke riktig for kontoen {0}. Skriv passordet du bruker når du logger inn med e-post, eller bruk «Glemt passordet?» på innloggingssiden.", required.Email));
                }
                else if (password is not null)
                {
                    ModelState.AddModelError(nameof(Password), this.Localized("Skriv passordet til portalkontoen din."));
                }

                return Page();
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
            Message = SignInWithMicrosoft.LockedOutMessage;
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
