using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.SharedKernel.Auditing;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Features.Audit;

public sealed record AuditFilter(Guid? TenantId, bool AllTenants, string? EntityType, string? UserText, DateOnly? From, DateOnly? To, int Page = 1);

/// <param name="Subject">Whom the entry is about, where the entry alone does not say (a membership: the member's name).</param>
public sealed record AuditRow(long Id, DateTime AtUtc, Guid? TenantId, string? UserName, string EntityType, string EntityId, AuditAction Action, string Changes,
    string? Subject = null);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Page, int PageCount, IReadOnlyList<string> EntityTypes);

/// <summary>Reads the audit log: one council's entries for its admin, all entries for the host admin.</summary>
public sealed class AuditLog(PlatformDbContext db)
{
    public const int PageSize = 50;

    public async Task<AuditPage> QueryAsync(AuditFilter filter, CancellationToken ct = default)
    {
        // The audit table has no tenant filter (host entries have no council), so the council is applied here.
        var query = db.AuditEntries.AsNoTracking();
        if (!filter.AllTenants)
        {
            query = query.Where(a => a.TenantId == filter.TenantId);
        }

        var entityTypes = await query.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.UserText))
        {
            var text = filter.UserText.Trim().ToLower();
            query = query.Where(a => a.UserName != null && a.UserName.ToLower().Contains(text));
        }

        if (filter.From is { } from)
        {
            var fromUtc = SharedKernel.Time.Oslo.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.AtUtc >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = SharedKernel.Time.Oslo.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.AtUtc < toUtc);
        }

        var count = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var rows = await query.OrderByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new AuditRow(a.Id, a.AtUtc, a.TenantId, a.UserName, a.EntityType, a.EntityId, a.Action, a.Changes, null))
            .ToListAsync(ct);
        var members = await MembersAsync(rows, ct);
        return new AuditPage([.. rows.Select(r => members.TryGetValue(r.EntityId, out var name) ? r with { Subject = name } : r)], page, pageCount, entityTypes);
    }

    /// <summary>A membership's entry names the member, an invitation's the invited: «Aktiv ja → nei» alone does not say whose.</summary>
    private async Task<Dictionary<string, string>> MembersAsync(IReadOnlyList<AuditRow> rows, CancellationToken ct)
    {
        var ids = rows.Where(r => r.EntityType is "TenantMembership" or "CountyMembership" or "Invitation")
            .Select(r => Guid.TryParse(r.EntityId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var councils = from m in db.TenantMemberships.IgnoreQueryFilters() join u in db.Users on m.UserId equals u.Id where ids.Contains(m.Id) select new { m.Id, u.FullName };
        var counties = from m in db.CountyMemberships join u in db.Users on m.UserId equals u.Id where ids.Contains(m.Id) select new { m.Id, u.FullName };
        var names = await councils.ToListAsync(ct);
        names.AddRange(await counties.ToListAsync(ct));
        names.AddRange(await db.Invitations.IgnoreQueryFilters().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, FullName = i.FullName + " (" + i.Email + ")" }).ToListAsync(ct));
        return names.ToDictionary(n => n.Id.ToString(), n => n.FullName);
    }
}
