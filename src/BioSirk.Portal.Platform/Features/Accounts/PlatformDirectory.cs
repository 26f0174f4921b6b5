using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Features.Accounts;

internal sealed class PlatformDirectory(PlatformDbContext db) : IPlatformDirectory
{
    public async Task<UserAccess> GetAccessAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var isHostAdmin = await db.Users.Where(u => u.Id == userId).Select(u => u.IsHostAdmin).FirstOrDefaultAsync(cancellationToken);

        // Deciding which councils a person may enter is the one question asked before any council is in scope,
        // so it must look across tenants.
        var councils = await (
                from m in db.TenantMemberships.IgnoreQueryFilters()
                join t in db.Tenants on m.TenantId equals t.Id
                where m.UserId == userId && m.IsActive && t.IsActive
                orderby t.Name
                select new CouncilAccess(t.Id, t.Slug, t.Name, (CouncilRoles)(int)m.Roles))
            .ToListAsync(cancellationToken);

        var counties = await (
                from m in db.CountyMemberships
                join c in db.Counties on m.CountyId equals c.Id
                where m.UserId == userId && m.IsActive
                orderby c.Name
                select new CountyAccess(c.Id, c.Slug, c.Name))
            .ToListAsync(cancellationToken);

        return new UserAccess(userId, isHostAdmin, councils, counties);
    }

    public async Task<IReadOnlyList<CouncilInfo>> ListCouncilsAsync(CancellationToken cancellationToken = default) =>
        await db.Tenants.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new CouncilInfo(t.Id, t.Slug, t.Name, t.OrganisationNumber, t.CountyId))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CouncilInfo>> ListCouncilsInCountyAsync(Guid countyId, CancellationToken cancellationToken = default) =>
        await db.Tenants.AsNoTracking().Where(t => t.CountyId == countyId).OrderBy(t => t.Name)
            .Select(t => new CouncilInfo(t.Id, t.Slug, t.Name, t.OrganisationNumber, t.CountyId))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CountyInfo>> ListCountiesAsync(CancellationToken cancellationToken = default) =>
        await db.Counties.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CountyInfo(c.Id, c.Slug, c.Name, c.OrganisationNumber))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, string>> GetUserNamesAsync(IEnumerable<Guid> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
    }
}
