using System.Text.Json;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BioSirk.Portal.SharedKernel.Auditing;

/// <summary>
/// Before every save: renews the concurrency stamp of changed rows and writes an audit row for each change to an
/// <see cref="IAudited"/> entity, in the same transaction.
/// </summary>
public sealed class AuditingInterceptor(ICurrentUser currentUser, ICurrentTenant currentTenant, TimeProvider clock)
    : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not null)
        {
            Stamp(eventData.Context);
        }

        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null)
        {
            Stamp(eventData.Context);
        }

        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        var audits = new List<AuditEntry>();

        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity is IConcurrencyAware concurrent && entry.State != EntityState.Deleted)
            {
                concurrent.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            }

            if (entry.Entity is IAudited)
            {
                var audit = Describe(entry, now);
                if (audit is not null)
                {
                    audits.Add(audit);
                }
            }
        }

        context.Set<AuditEntry>().AddRange(audits);
    }

    // Enums as their names ("Secretary", not 2), so that the log reads without the code at hand.
    private static object? Readable(object? value) => value is Enum e ? e.ToString() : value;

    private AuditEntry? Describe(EntityEntry entry, DateTime now)
    {
        var changes = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (name == nameof(IConcurrencyAware.ConcurrencyStamp))
            {
                continue;
            }

            var oldValue = entry.State == EntityState.Added ? null : property.OriginalValue;
            var newValue = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            if (entry.State == EntityState.Modified && Equals(oldValue, newValue))
            {
                continue;
            }

            changes[name] = new { old = Readable(oldValue), @new = Readable(newValue) };
        }

        if (entry.State == EntityState.Modified && changes.Count == 0)
        {
            return null;
        }

        var key = entry.Metadata.FindPrimaryKey()?.Properties
            .Select(p => entry.Property(p.Name).CurrentValue?.ToString())
            .Aggregate((a, b) => $"{a},{b}");

        return new AuditEntry
        {
            AtUtc = now,
            TenantId = (entry.Entity as ITenantOwned)?.TenantId ?? currentTenant.TenantId,
            UserId = currentUser.UserId,
            UserName = currentUser.DisplayName,
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = key ?? "?",
            Action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            },
            Changes = JsonSerializer.Serialize(changes),
        };
    }
}
