using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.SharedKernel.Data;

/// <summary>
/// Base of every module's DbContext: its own schema and migrations history, the tenant filter on every
/// tenant-owned entity, the concurrency stamp, and the shared audit log table (owned by Platform's migrations).
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options, ICurrentTenant currentTenant)
    : DbContext(options), ITenantFilterSource
{
    public bool TenantFilterEnabled => true;

    public Guid? CurrentTenantId => currentTenant.TenantId;

    public Guid? CurrentCountyId => currentTenant.CountyId;

    public Guid[] CurrentPartnershipIds => [.. currentTenant.PartnershipIds];

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The PostgreSQL schema and the suffix of the migrations history table.</summary>
    protected abstract string Schema { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (Database.IsPostgres())
        {
            modelBuilder.HasDefaultSchema(Schema);
        }

        modelBuilder.ApplyConfiguration(new AuditEntryConfiguration(excludeFromMigrations: true, useSchema: Database.IsPostgres()));
        ConfigureModule(modelBuilder);
        modelBuilder.ApplyConcurrencyStamps();
        modelBuilder.UseClientGeneratedIds();
        modelBuilder.ApplyTenantFilters(this);
    }

    protected abstract void ConfigureModule(ModelBuilder modelBuilder);
}
