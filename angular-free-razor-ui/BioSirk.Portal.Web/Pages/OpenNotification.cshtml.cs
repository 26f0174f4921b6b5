using BioSirk.Portal.Platform.Features.Notifications;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages;

/// <summary>A notice's link: marks it read and goes where it points. Another person's notice is not found.</summary>
public sealed class OpenNotificationModel(MyNotifications notifications) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid notificationId) =>
        await notifications.OpenAsync(CurrentUser.IdOf(User)!.Value, notificationId, HttpContext.RequestAborted) is { } url && Url.IsLocalUrl(url)
            ? LocalRedirect(url)
            : NotFound();
}
