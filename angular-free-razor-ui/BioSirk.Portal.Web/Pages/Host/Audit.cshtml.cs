using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Features.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Host;

public sealed class HostAuditModel(AuditLog auditLog, IPlatformDirectory directory) : PageModel
{
    public AuditLogView View { get; private set; } = null!;

    public async Task OnGetAsync(string? type, string? user, DateOnly? from, DateOnly? to, int side = 1)
    {
        var filter = new AuditFilter(null, AllTenants: true, type, user, from, to, side);
        var names = (await directory.ListCouncilsAsync()).ToDictionary(c => c.Id, c => c.Name);
        View = new AuditLogView(await auditLog.QueryAsync(filter), filter, ShowTenant: true, names);
    }
}
