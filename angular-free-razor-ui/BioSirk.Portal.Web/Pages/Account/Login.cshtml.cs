using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Account;

public sealed class LoginModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

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
            ModelState.AddModelError("Input.Password", "Feil e-postadresse eller passord. Sjekk begge og prøv igjen.");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            var until = user.LockoutEnd is { } end ? Norwegian.DateTimeFromUtc(end.UtcDateTime) : null;
            ModelState.AddModelError("Input.Password",
                $"Kontoen er låst etter for mange feil passord. Prøv igjen etter {until}, eller be administratoren om hjelp.");
            return Page();
        }

        ModelState.AddModelError("Input.Password", "Feil e-postadresse eller passord. Sjekk begge og prøv igjen.");
        return Page();
    }

    public sealed class LoginInput
    {
        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}
