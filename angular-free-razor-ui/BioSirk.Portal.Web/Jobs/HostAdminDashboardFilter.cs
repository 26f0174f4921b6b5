using BioSirk.Portal.Web.Tenancy;
using Hangfire.Dashboard;

namespace BioSirk.Portal.Web.Jobs;

/// <summary>The job dashboard is for host admins only; everyone else gets 403 (and a sign-in page first if anonymous).</summary>
public sealed class HostAdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        return http.RequestServices.GetRequiredService<PortalContext>().IsHostAdmin;
    }
}
