using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.SharedKernel.Formatting;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Features.Accounts;

internal sealed class PlatformDirectory(PlatformDbContext db) : IPlatformDirectory
{
    public async Task<UserAccess> GetAccessAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        // Asked on every request (the tenancy middleware and the header need it), so it is one round trip: the
        // host-admin flag, the councils she may enter (and whether each is in a partnership), the counties and her unread notices, read fresh every time, so
        // that a removed membership or a deactivation takes effect on the very next request. Deciding which councils
        // a person may enter is the one question asked before any council is in scope, so it must look across
        // tenants (IgnoreQueryFilters applies to the whole query; of its tables only the council memberships are
        // tenant-owned). The lists are correlated with the user row (not with the parameter), so that EF Core joins them
        // (SQLite has no APPLY); a person has a handful of memberships, so the single query's join of the two is small.
        var access = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.IsHostAdmin,
                Councils = (
                        from m in db.TenantMemberships
                        join t in db.Tenants on m.TenantId equals t.Id
                        where m.UserId == u.Id && m.IsActive && t.IsActive
                        orderby t.Name
                        select new CouncilAccess(t.Id, t.Slug, t.Name, (CouncilRoles)(int)m.Roles, db.PartnershipMembers.Any(p => p.TenantId == t.Id)))
                    .ToList(),
                Counties = (
                        from m in db.CountyMemberships
                        join c in db.Counties on m.CountyId equals c.Id
                        where m.UserId == u.Id && m.IsActive
                        orderby c.Name
                        select new CountyAccess(c.Id, c.Slug, c.Name))
                    .ToList(),
                Unread = db.Notifications.Count(n => n.UserId == u.Id && n.ReadAtUtc == null),
            })
            .AsSingleQuery()
            .FirstOrDefaultAsync(cancellationToken);

        return access is null
            ? new UserAccess(userId, false, [], [])
            : new UserAccess(userId, access.IsHostAdmin, access.Councils, access.Counties, access.Unread);
    }

    public async Task<IReadOnlyList<string>> ListClosedCouncilsOfAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await (from m in db.TenantMemberships.IgnoreQueryFilters()
               join t in db.Tenants on m.TenantId equals t.Id
               where m.UserId == userId && m.IsActive && !t.IsActive
               orderby t.Name
               select t.Name)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> ListDeactivatedCouncilsOfAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await (from m in db.TenantMemberships.IgnoreQueryFilters()
               join t in db.Tenants on m.TenantId equals t.Id
               where m.UserId == userId && !m.IsActive && !m.AwaitsApproval && t.IsActive
               orderby t.Name
               select t.Name)
            .ToListAsync(cancellationToken);

    public Task<string?> DeactivatedCouncilNameAsync(Guid userId, string councilSlug, CancellationToken cancellationToken = default) =>
        (from m in db.TenantMemberships.IgnoreQueryFilters()
         join t in db.Tenants on m.TenantId equals t.Id
         where m.UserId == userId && !m.IsActive && !m.AwaitsApproval && t.IsActive && t.Slug == councilSlug
         select t.Name)
        .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<CouncilInfo>> ListCouncilsAsync(CancellationToken cancellationToken = default) =>
        await db.Tenants.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new CouncilInfo(t.Id, t.Slug, t.Name, t.OrganisationNumber, t.CountyId, t.ContactName, t.ContactEmail))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CouncilInfo>> ListCouncilsInCountyAsync(Guid countyId, CancellationToken cancellationToken = default) =>
        await db.Tenants.AsNoTracking().Where(t => t.CountyId == countyId).OrderBy(t => t.Name)
            .Select(t => new CouncilInfo(t.Id, t.Slug, t.Name, t.OrganisationNumber, t.CountyId, t.ContactName, t.ContactEmail))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CountyInfo>> ListCountiesAsync(CancellationToken cancellationToken = default) =>
        await db.Counties.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CountyInfo(c.Id, c.Slug, c.Name, c.OrganisationNumber, c.ContactName, c.ContactEmail, c.InvoiceOrderNumber, c.InvoiceProjectNumber,
                db.CountyMemberships.Any(m => m.CountyId == c.Id && m.IsActive)))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PartnershipInfo>> ListPartnershipsOfCouncilAsync(Guid councilId, CancellationToken cancellationToken = default)
    {
        var rows = await (
                from mine in db.PartnershipMembers
                where mine.TenantId == councilId
                join p in db.Partnerships on mine.PartnershipId equals p.Id
                join member in db.PartnershipMembers on p.Id equals member.PartnershipId
                join t in db.Tenants on member.TenantId equals t.Id
                select new { p.Id, p.Slug, p.Name, Council = new CouncilInfo(t.Id, t.Slug, t.Name, t.OrganisationNumber, t.CountyId, t.ContactName, t.ContactEmail) })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => (r.Id, r.Slug, r.Name))
            .OrderBy(g => g.Key.Name, StringComparer.Create(Norwegian.Culture, ignoreCase: true))
            .Select(g => new PartnershipInfo(g.Key.Id, g.Key.Slug, g.Key.Name,
                [.. g.Select(r => r.Council).OrderBy(c => c.Name, StringComparer.Create(Norwegian.Culture, ignoreCase: true))]))
            .ToList();
    }

    public async Task<IReadOnlyList<PersonInfo>> ListPeopleAsync(IEnumerable<Guid> councilIds, CancellationToken cancellationToken = default)
    {
        var ids = councilIds.Distinct().ToList();
        return await (
                from m in db.TenantMemberships.IgnoreQueryFilters()
                join u in db.Users on m.UserId equals u.Id
                where ids.Contains(m.TenantId) && m.IsActive
                orderby u.FullName
                select new PersonInfo(u.Id, u.FullName, u.Email ?? "", m.TenantId, (CouncilRoles)(int)m.Roles))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> GetUserNamesAsync(IEnumerable<Guid> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
    }
}
