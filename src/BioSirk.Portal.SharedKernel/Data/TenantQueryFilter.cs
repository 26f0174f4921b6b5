using System.Linq.Expressions;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.SharedKernel.Data;

/// <summary>
/// The one place where tenant isolation is decided. Every entity that implements <see cref="ITenantOwned"/> or
/// <see cref="IPartnershipShared"/> gets a global query filter: visible when it belongs to the current council, when
/// the current county funds it (<see cref="ICountyFunded"/>), or when it is shared with a partnership of the current
/// council. With no council and no county in scope, nothing tenant-owned is visible.
/// </summary>
public static class TenantQueryFilter
{
    public static void ApplyTenantFilters<TContext>(this ModelBuilder modelBuilder, TContext context)
        where TContext : DbContext, ITenantFilterSource
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            var type = entityType.ClrType;
            var owned = typeof(ITenantOwned).IsAssignableFrom(type);
            var shared = typeof(IPartnershipShared).IsAssignableFrom(type);
            if (entityType.BaseType is not null || (!owned && !shared))
            {
                continue;
            }

            var method = (typeof(ICountyFunded).IsAssignableFrom(type), owned, shared) switch
            {
                (true, _, true) => nameof(FundedOrSharedFilter),
                (true, _, false) => nameof(FundedFilter),
                (false, true, true) => nameof(OwnedOrSharedFilter),
                (false, true, false) => nameof(OwnedFilter),
                _ => nameof(SharedFilter),
            };
            var filter = (LambdaExpression)typeof(TenantQueryFilter)
                .GetMethod(method, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type, typeof(TContext))
                .Invoke(null, [context])!;
            modelBuilder.Entity(type).HasQueryFilter(filter);
        }
    }

    // The filters reference the context instance: EF Core re-reads these properties from the context that runs the
    // query, so one cached model serves every council.
    private static Expression<Func<TEntity, bool>> OwnedFilter<TEntity, TContext>(TContext context)
        where TEntity : ITenantOwned
        where TContext : ITenantFilterSource
        => e => !context.TenantFilterEnabled || e.TenantId == context.CurrentTenantId;

    private static Expression<Func<TEntity, bool>> FundedFilter<TEntity, TContext>(TContext context)
        where TEntity : ICountyFunded
        where TContext : ITenantFilterSource
        => e => !context.TenantFilterEnabled
                || e.TenantId == context.CurrentTenantId
                || e.FunderCountyId == context.CurrentCountyId;

    private static Expression<Func<TEntity, bool>> SharedFilter<TEntity, TContext>(TContext context)
        where TEntity : IPartnershipShared
        where TContext : ITenantFilterSource
        => e => !context.TenantFilterEnabled || context.CurrentPartnershipIds.Contains(e.PartnershipId);

    private static Expression<Func<TEntity, bool>> OwnedOrSharedFilter<TEntity, TContext>(TContext context)
        where TEntity : ITenantOwned, IPartnershipShared
        where TContext : ITenantFilterSource
        => e => !context.TenantFilterEnabled
                || e.TenantId == context.CurrentTenantId
                || context.CurrentPartnershipIds.Contains(e.PartnershipId);

    private static Expression<Func<TEntity, bool>> FundedOrSharedFilter<TEntity, TContext>(TContext context)
        where TEntity : ICountyFunded, IPartnershipShared
        where TContext : ITenantFilterSource
        => e => !context.TenantFilterEnabled
                || e.TenantId == context.CurrentTenantId
                || e.FunderCountyId == context.CurrentCountyId
                || context.CurrentPartnershipIds.Contains(e.PartnershipId);
}

public interface ITenantFilterSource
{
    bool TenantFilterEnabled { get; }

    Guid? CurrentTenantId { get; }

    Guid? CurrentCountyId { get; }

    /// <summary>Never null; empty outside a council.</summary>
    Guid[] CurrentPartnershipIds { get; }
}
