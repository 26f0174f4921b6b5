using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.SharedKernel.Auditing;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Features.Audit;

public sealed record AuditFilter(Guid? TenantId, bool AllTenants, string? EntityType, string? UserText, DateOnly? From, DateOnly? To, int Page = 1);

public sealed record AuditRow(long Id, DateTime AtUtc, Guid? TenantId, string? UserName, string EntityType, string EntityId, AuditAction Action, string Changes);

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
            .Select(a => new AuditRow(a.Id, a.AtUtc, a.TenantId, a.UserName, a.EntityType, a.EntityId, a.Action, a.Changes))
            .ToListAsync(ct);
        return new AuditPage(rows, page, pageCount, entityTypes);
    }
}
