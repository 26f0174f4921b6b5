using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.SharedKernel.Data;

public static class ModelBuilderExtensions
{
    public static void ApplyConcurrencyStamps(this ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (entityType.BaseType is null && typeof(IConcurrencyAware).IsAssignableFrom(entityType.ClrType))
            {
                modelBuilder.Entity(entityType.ClrType)
                    .Property(nameof(IConcurrencyAware.ConcurrencyStamp))
                    .HasMaxLength(40)
                    .IsConcurrencyToken();
            }
        }
    }
}
