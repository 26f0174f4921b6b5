using BioSirk.Portal.Platform.Features.Accounts;
using BioSirk.Portal.SharedKernel.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Account;

public sealed class ForgotPasswordModel(PasswordResetQueue resets) : PageModel
{
    [BindProperty]
    public ForgotInput Input { get; set; } = new();

    /// <summary>The address the page confirms, whether or not it has an account (the page must not tell).</summary>
    public string? SentTo { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Skriv inn e-postadressen din.");
        }
        else if (!EmailAddress.IsValid(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "E-postadressen er ikke gyldig. Skriv den slik: navn@kommune.no.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        SentTo = Input.Email!.Trim();
        resets.Ask(SentTo);
        return Page();
    }

    public sealed class ForgotInput
    {
        public string? Email { get; set; }
    }
}
