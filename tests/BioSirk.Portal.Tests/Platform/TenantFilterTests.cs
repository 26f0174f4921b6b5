using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Platform;

public sealed class TenantFilterTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task OneContext_SeesOnlyTheCouncilInScope_AndNothingWithoutAScope()
    {
        var (hallingdal, hadeland, none) = await Portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var tenant = sp.GetRequiredService<ICurrentTenant>();
            var ids = await db.Tenants.ToDictionaryAsync(t => t.Slug, t => t.Id);

            List<Guid> Owners() => db.TenantMemberships.AsNoTracking().Select(m => m.TenantId).Distinct().ToList();

            List<Guid> a, b;
            using (tenant.Use(TenantScope.ForTenant(ids["hallingdal"])))
            {
                a = Owners();
            }

            using (tenant.Use(TenantScope.ForTenant(ids["hadeland"])))
            {
                b = Owners();
            }

            return ((a, ids["hallingdal"]), (b, ids["hadeland"]), Owners());
        });

        Assert.Equal([hallingdal.Item2], hallingdal.Item1);
        Assert.Equal([hadeland.Item2], hadeland.Item1);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Scope_FlowsIntoAsyncWorkAndIsRestoredAfterwards()
    {
        var tenant = new AsyncLocalCurrentTenant();
        var id = Guid.NewGuid();
        Guid? inside;
        using (tenant.Use(TenantScope.ForTenant(id)))
        {
            inside = await Task.Run(async () =>
            {
                await Task.Yield();
                return tenant.TenantId;
            });
        }

        Assert.Equal(id, inside);
        Assert.Null(tenant.TenantId);
    }
}
