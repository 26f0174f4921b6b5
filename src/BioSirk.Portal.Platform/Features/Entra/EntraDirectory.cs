using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Features.Entra;

/// <summary>
/// Finds the council or county of an Entra tenant. Asked before any council is in scope (at sign-in, for a bearer
/// token), so it looks across tenants; only an active council counts, and only what the host admin has approved.
/// </summary>
internal sealed class EntraDirectory(PlatformDbContext db) : IEntraDirectory
{
    public async Task<EntraOwner?> FindAsync(Guid entraTenantId, CancellationToken cancellationToken = default)
    {
        var connection = await db.EntraConnections.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(c => c.EntraTenantId == entraTenantId && c.ApprovedEntraTenantId == entraTenantId, cancellationToken);
        if (connection is null || connection.ActiveDomains.Count == 0)
        {
            return null;
        }

        if (connection.OwnerKind == EntraOwnerKind.Council)
        {
            var council = await db.Tenants.IgnoreQueryFilters().AsNoTracking()
                .FirstOrDefaultAsync(t => t.Id == connection.OwnerId && t.IsActive, cancellationToken);
            return council is null ? null : new EntraOwner(entraTenantId, false, council.Id, council.Slug, council.Name, connection.ActiveDomains);
        }

        var county = await db.Counties.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Id == connection.OwnerId, cancellationToken);
        return county is null ? null : new EntraOwner(entraTenantId, true, county.Id, county.Slug, county.Name, connection.ActiveDomains);
    }
}
