using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Features.Invitations;

/// <summary>Nightly job: invitations past their 7 days are marked expired, council by council, each in its own scope.</summary>
public sealed class ExpireStaleInvitations(PlatformDbContext db, ICurrentTenant currentTenant, TimeProvider clock)
{
    public const string JobId = "platform:expire-stale-invitations";

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = 0;
        var tenantIds = await db.Tenants.Select(t => t.Id).ToListAsync(ct);
        foreach (var tenantId in tenantIds)
        {
            using (currentTenant.Use(TenantScope.ForTenant(tenantId)))
            {
                expired += await ExpireAsync(db.Invitations, now, ct);
            }
        }

        // County invitations belong to no council; they are the host's, so the tenant filter does not apply.
        expired += await ExpireAsync(db.Invitations.IgnoreQueryFilters().Where(i => i.CountyId != null), now, ct);
        return expired;
    }

    private async Task<int> ExpireAsync(IQueryable<Invitation> invitations, DateTime now, CancellationToken ct)
    {
        var stale = await invitations.Where(i => i.State == InvitationState.Pending && i.ExpiresAtUtc <= now).ToListAsync(ct);
        stale.ForEach(i => i.Expire());
        await db.SaveChangesAsync(ct);
        return stale.Count;
    }
}
