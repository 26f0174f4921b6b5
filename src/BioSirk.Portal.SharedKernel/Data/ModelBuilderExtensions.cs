using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.SharedKernel.Data;

public static class ModelBuilderExtensions
{
    /// <summary>By name, so that a SQLite process never loads the Npgsql provider just to ask.</summary>
    public static bool IsPostgres(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) =>
        database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

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

    /// <summary>
    /// Our entities create their own Guid ids. Telling EF so makes a new child added to a loaded parent's collection
    /// an insert; otherwise EF takes any entity with a key for an existing row and updates a row that is not there.
    /// </summary>
    public static void UseClientGeneratedIds(this ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            var key = entityType.FindPrimaryKey();
            if (entityType.ClrType.Namespace?.StartsWith("BioSirk.Portal.", StringComparison.Ordinal) == true
                && !entityType.IsOwned()
                && key is { Properties: [{ Name: "Id", ClrType: var type }] } && type == typeof(Guid))
            {
                modelBuilder.Entity(entityType.ClrType).Property("Id").ValueGeneratedNever();
            }
        }
    }
}
