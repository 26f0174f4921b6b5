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

    /// <summary>False for a link already used, past its 2 hours, cut off, or without its parameters: the page says so instead of the form.</summary>
    public bool LinkUsable { get; private set; } = true;

    public async Task OnGetAsync() => LinkUsable = await passwords.IsResetLinkUsableAsync(Bruker, Kode);

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await passwords.ResetAsync(Bruker, Kode, new NewPassword(Input.Password, Input.ConfirmPassword));
        if (!result.Succeeded)
        {
            // A link that stopped working while the form was open (used in another tab, past its 2 hours).
            LinkUsable = !result.Errors.Any(e => e.Field.Length == 0) || await passwords.IsResetLinkUsableAsync(Bruker, Kode);
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
