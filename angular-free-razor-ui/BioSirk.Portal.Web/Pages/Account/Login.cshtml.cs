using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Accounts;
using BioSirk.Portal.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Account;

public sealed class LoginModel(
    SignInManager<PortalUser> signIn, UserManager<PortalUser> users, SignInJournal journal, EntraSignInOptions entra,
    UnknownAddressLockout unknownAddresses, TrustedDevices devices, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>Only with the portal's app registration in configuration.</summary>
    public bool OffersMicrosoft => entra.IsConfigured;

    /// <summary>Why the last Microsoft sign-in did not come back (cancelled at Microsoft, or expired).</summary>
    public string? MicrosoftError { get; private set; }

    public void OnGet(string? returnUrl, string? feil)
    {
        ReturnUrl = returnUrl;
        if (feil == "microsoft")
        {
            MicrosoftError = "Innloggingen med Microsoft ble avbrutt eller tok for lang tid. Prøv igjen, eller logg inn med e-post og passord.";
        }
    }

    /// <summary>Sends the person to Microsoft; she comes back to <see cref="MicrosoftCallbackModel"/>.</summary>
    public async Task<IActionResult> OnPostMicrosoft(string? returnUrl)
    {
        if (!entra.IsConfigured)
        {
            return NotFound();
        }

        var callback = Url.Page("/Account/MicrosoftCallback", new { returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });
        try
        {
            // Challenged here rather than as a result, so that Microsoft being unreachable (its metadata cannot be
            // fetched) gives the person a message instead of an error page.
            await HttpContext.ChallengeAsync(EntraSignInSetup.Scheme, signIn.ConfigureExternalAuthenticationProperties(EntraSignInSetup.Scheme, callback));
            return new EmptyResult();
        }
        catch (Exception ex) when (!HttpContext.Response.HasStarted)
        {
            logger.LogWarning(ex, "Microsoft sign-in could not start");
            ReturnUrl = returnUrl;
            MicrosoftError = "Microsoft svarer ikke akkurat nå. Prøv igjen om litt, eller logg inn med e-post og passord.";
            return Page();
        }
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Skriv inn e-postadressen din.");
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Skriv inn passordet ditt.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is null)
        {
            unknownAddresses.TakeTheTimeOfAPasswordCheck(users.PasswordHasher, Input.Password!);
            if (unknownAddresses.Fail(Input.Email) is { } lockedUntil)
            {
                return LockedOut(lockedUntil);
            }

            ModelState.AddModelError("Input.Password", "Feil e-postadresse eller passord. Sjekk begge og prøv igjen.");
            return Page();
        }

        if (await users.IsLockedOutAsync(user) && devices.IsTrusted(Request, user))
        {
            return await SignInDespiteLockoutAsync(user, returnUrl);
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return await SignedInAsync(user, returnUrl);
        }

        if (result.IsLockedOut)
        {
            return LockedOut(user.LockoutEnd);
        }

        ModelState.AddModelError("Input.Password", "Feil e-postadresse eller passord. Sjekk begge og prøv igjen.");
        return Page();
    }

    /// <summary>
    /// The account is locked by wrong passwords, but this is a browser she has signed in from: the right password lets
    /// her in (the lock stays for everyone else); a wrong one makes the browser a stranger's.
    /// </summary>
    private async Task<IActionResult> SignInDespiteLockoutAsync(PortalUser user, string? returnUrl)
    {
        if (await signIn.CanSignInAsync(user) && await users.CheckPasswordAsync(user, Input.Password!))
        {
            await signIn.SignInAsync(user, isPersistent: false);
            return await SignedInAsync(user, returnUrl);
        }

        devices.Forget(Response);
        return LockedOut(user.LockoutEnd);
    }

    private async Task<IActionResult> SignedInAsync(PortalUser user, string? returnUrl)
    {
        devices.Trust(Response, user);
        await journal.RecordAsync(user, SignInMethod.Password, ct: HttpContext.RequestAborted);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    private PageResult LockedOut(DateTimeOffset? end)
    {
        var until = end is { } e ? PageTexts.Of(HttpContext).DateTime(e.UtcDateTime) : null;
        ModelState.AddModelError("Input.Password",
            this.Localized("Kontoen er låst etter for mange feil passord. Prøv igjen etter {0}, eller be administratoren om hjelp.", until ?? ""));
        return Page();
    }

    public sealed class LoginInput
    {
        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}
