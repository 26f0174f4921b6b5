using System.Text.Json;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BioSirk.Portal.SharedKernel.Auditing;

/// <summary>
/// Before every save: renews the concurrency stamp of changed rows and writes an audit row for each change to an
/// <see cref="IAudited"/> entity, in the same transaction. A change to an owned part (an agreement's signature) counts
/// as a change to its owner: the owner's stamp is renewed, so that a form read before it is refused as stale, and the
/// part's change is audited under the owner's tenant when the owner is audited.
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

        var entries = context.ChangeTracker.Entries().ToList();
        foreach (var entry in entries.Where(e => IsChanged(e) && e.Metadata.IsOwned()))
        {
            if (RootOwner(entries, entry) is { Entity: IConcurrencyAware } owner && owner.State == EntityState.Unchanged)
            {
                owner.Property(nameof(IConcurrencyAware.ConcurrencyStamp)).IsModified = true;
            }
        }

        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (!IsChanged(entry))
            {
                continue;
            }

            if (entry.Entity is IConcurrencyAware concurrent && entry.State != EntityState.Deleted)
            {
                concurrent.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            }

            var owner = entry.Metadata.IsOwned() ? RootOwner(entries, entry) : entry;
            if (owner?.Entity is IAudited)
            {
                var audit = Describe(entry, now, owner);
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

    private static bool IsChanged(EntityEntry entry) => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    /// <summary>The entity an owned part belongs to (through nested parts), found among the tracked entries by its key.</summary>
    private static EntityEntry? RootOwner(List<EntityEntry> entries, EntityEntry owned)
    {
        var ownership = owned.Metadata.FindOwnership();
        if (ownership is null)
        {
            return owned;
        }

        var key = ownership.Properties.Select(p => owned.Property(p.Name).CurrentValue ?? owned.Property(p.Name).OriginalValue).ToArray();
        var owner = entries.FirstOrDefault(e => e.Metadata == ownership.PrincipalEntityType
            && ownership.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(key));
        return owner is null ? null : RootOwner(entries, owner);
    }

    private AuditEntry? Describe(EntityEntry entry, DateTime now, EntityEntry owner)
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

        var key = owner.Metadata.FindPrimaryKey()?.Properties
            .Select(p => owner.Property(p.Name).CurrentValue?.ToString())
            .Aggregate((a, b) => $"{a},{b}");

        return new AuditEntry
        {
            AtUtc = now,
            TenantId = (owner.Entity as ITenantOwned)?.TenantId ?? currentTenant.TenantId,
            UserId = currentUser.UserId,
            UserName = currentUser.DisplayName,
            EntityType = entry == owner ? entry.Metadata.ClrType.Name : $"{owner.Metadata.ClrType.Name}.{entry.Metadata.FindOwnership()!.PrincipalToDependent!.Name}",
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
