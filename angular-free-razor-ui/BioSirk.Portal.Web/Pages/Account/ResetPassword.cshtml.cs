using BioSirk.Portal.Platform.Features.Accounts;
using BioSirk.Portal.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Account;

/// <summary>The page the reset e-mail links to (?bruker=…&amp;kode=…); a new password signs the person out everywhere.</summary>
public sealed class ResetPasswordModel(Passwords passwords) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Bruker { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kode { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await passwords.ResetAsync(Bruker, Kode, new NewPassword(Input.Password, Input.ConfirmPassword));
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, "Input");
            return Page();
        }

        Message = "Passordet er endret. Logg inn med det nye passordet.";
        return Redirect("/logg-inn");
    }

    public sealed class NewPasswordInput
    {
        public string? Password { get; set; }

        public string? ConfirmPassword { get; set; }
    }
}
