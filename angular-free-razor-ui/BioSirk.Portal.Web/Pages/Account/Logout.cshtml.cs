using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, SignInSessions sessions, Live.LiveSessions liveSessions) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : LocalRedirect("/");

    /// <summary>Ends this browser's session for good: its open pages' live connections and any copy of its cookie are refused.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await EndSessionAsync();
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    /// <summary>A new security stamp invalidates every cookie issued before it, on every device.</summary>
    public async Task<IActionResult> OnPostEverywhereAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await liveSessions.EndEverywhereAsync(user.Id);
        }

        await EndSessionAsync();
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    private async Task EndSessionAsync()
    {
        await sessions.EndAsync(User);
        if (SignInSessions.IdOf(User) is { } session)
        {
            await liveSessions.EndAsync(session);
        }
    }
}
