using System.Linq.Expressions;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.SharedKernel.Data;

/// <summary>
/// The one place where tenant isolation is decided. Every entity that implements <see cref="ITenantOwned"/> gets a
/// global query filter: visible when it belongs to the current council, or (for <see cref="ICountyFunded"/> rows)
/// when the current county funds it. With no council and no county in scope, nothing tenant-owned is visible.
/// </summary>
public static class TenantQueryFilter
{
    public static void ApplyTenantFilters<TContext>(this ModelBuilder modelBuilder, TContext context)
        where TContext : DbContext, ITenantFilterSource
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (entityType.BaseType is not null || !typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType))
            {
                continue;
            }

            var method = typeof(ICountyFunded).IsAssignableFrom(entityType.ClrType)
                ? nameof(FundedFilter)
                : nameof(OwnedFilter);
            var filter = (LambdaExpression)typeof(TenantQueryFilter)
                .GetMethod(method, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(entityType.ClrType, typeof(TContext))
                .Invoke(null, [context])!;
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(filter);
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
}

public interface ITenantFilterSource
{
    bool TenantFilterEnabled { get; }

    Guid? CurrentTenantId { get; }

    Guid? CurrentCountyId { get; }
}
