using BioSirk.Portal.Platform.Features.Notifications;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages;

public sealed class NotificationsModel(MyNotifications notifications) : PageModel
{
    public List<NotificationRow> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await notifications.ListAsync(CurrentUser.IdOf(User)!.Value);

    public async Task<IActionResult> OnPostAsync()
    {
        await notifications.MarkAllReadAsync(CurrentUser.IdOf(User)!.Value);
        return RedirectToPage();
    }
}
