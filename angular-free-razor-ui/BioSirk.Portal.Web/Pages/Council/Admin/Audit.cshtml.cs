using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Features.Audit;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Council.Admin;

[RequireCouncilRole(CouncilRoles.TenantAdmin)]
public sealed class CouncilAuditModel(PortalContext portal, AuditLog auditLog) : PageModel
{
    public AuditLogView View { get; private set; } = null!;

    public async Task OnGetAsync(string? type, string? user, DateOnly? from, DateOnly? to, int side = 1)
    {
        var filter = new AuditFilter(portal.CouncilId, AllTenants: false, type, user, from, to, side);
        View = new AuditLogView(await auditLog.QueryAsync(filter), filter, ShowTenant: false, new Dictionary<Guid, string>());
    }
}
