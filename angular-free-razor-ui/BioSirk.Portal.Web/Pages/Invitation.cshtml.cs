using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Invitations;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages;

public sealed class InvitationModel(AcceptInvitation acceptInvitation, SignInManager<PortalUser> signIn) : PageModel
{
    public InvitationView? Invitation { get; private set; }

    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public async Task OnGetAsync(string token)
    {
        Invitation = await acceptInvitation.FindAsync(token);
        Input.FullName = Invitation?.FullName;
    }

    public async Task<IActionResult> OnPostCreateAsync(string token)
    {
        var result = await acceptInvitation.CreateAccountAsync(token, new NewAccount(Input.FullName, Input.Password, Input.ConfirmPassword));
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, "Input");
            Invitation = await acceptInvitation.FindAsync(token);
            return Page();
        }

        await signIn.SignInAsync(result.Value!, isPersistent: false);
        return LocalRedirect("/");
    }

    public async Task<IActionResult> OnPostAcceptAsync(string token)
    {
        if (CurrentUser.IdOf(User) is not { } userId)
        {
            return Challenge();
        }

        var result = await acceptInvitation.AcceptAsSignedInAsync(token, userId);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, "Input");
            Invitation = await acceptInvitation.FindAsync(token);
            return Page();
        }

        return LocalRedirect("/?velg=true");
    }

    public sealed class AccountInput
    {
        public string? FullName { get; set; }

        public string? Password { get; set; }

        public string? ConfirmPassword { get; set; }
    }
}
