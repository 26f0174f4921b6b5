using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Accounts;
using BioSirk.Portal.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages;

/// <summary>The signed-in person's own account: who she is, and her password.</summary>
public sealed class MyAccountModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, Passwords passwords) : PageModel
{
    public string FullName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public bool HasPassword { get; private set; }

    public bool EmailsNotices { get; private set; }

    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Show(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await passwords.ChangeAsync(user, Input.CurrentPassword, new NewPassword(Input.Password, Input.ConfirmPassword));
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, "Input");
            Show(user);
            return Page();
        }

        // The new security stamp signs out every other session; this one gets a cookie with the new stamp.
        await signIn.RefreshSignInAsync(user);
        Message = "Passordet er endret. Du er logget ut på andre enheter.";
        return RedirectToPage();
    }

    /// <summary>Notices by e-mail or under Varsler only (an unchecked box posts nothing: false).</summary>
    public async Task<IActionResult> OnPostEmailsAsync(bool emailsNotices)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        user.EmailsNotices = emailsNotices;
        await users.UpdateAsync(user);
        Message = emailsNotices
            ? "Du får varslene på e-post, og under Varsler i portalen."
            : "Du får ikke lenger varslene på e-post. De ligger under Varsler i portalen.";
        return RedirectToPage();
    }

    private void Show(PortalUser user)
    {
        FullName = user.FullName;
        Email = user.Email ?? "";
        HasPassword = user.PasswordHash is not null;
        EmailsNotices = user.EmailsNotices;
    }

    public sealed class ChangePasswordInput
    {
        public string? CurrentPassword { get; set; }

        public string? Password { get; set; }

        public string? ConfirmPassword { get; set; }
    }
}
