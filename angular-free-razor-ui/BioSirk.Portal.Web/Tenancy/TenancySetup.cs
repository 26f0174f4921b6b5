using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Web.Tenancy;

public static class TenancySetup
{
    public static IServiceCollection AddPortalTenancy(this IServiceCollection services)
    {
        services.AddScoped<PortalContext>();
        services.AddScoped<ICurrentUser, CurrentUser>();
        return services;
    }
}
