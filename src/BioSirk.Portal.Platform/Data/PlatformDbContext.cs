using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Seeding;
using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Data;

/// <summary>
/// Platform's tables: councils, counties, partnerships, people and their memberships, invitations, the audit log.
/// It is an Identity context too, so it cannot derive from <see cref="ModuleDbContext"/>; it applies the same
/// tenant filter through the same code.
/// </summary>
public class PlatformDbContext(DbContextOptions options, ICurrentTenant currentTenant)
    : IdentityUserContext<PortalUser, Guid>(options), ITenantFilterSource
{
    public const string Schema = "platform";

    public bool TenantFilterEnabled => true;

    public Guid? CurrentTenantId => currentTenant.TenantId;

    public Guid? CurrentCountyId => currentTenant.CountyId;

    public Guid[] CurrentPartnershipIds => [.. currentTenant.PartnershipIds];

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<County> Counties => Set<County>();

    public DbSet<Partnership> Partnerships => Set<Partnership>();

    public DbSet<PartnershipMember> PartnershipMembers => Set<PartnershipMember>();

    public DbSet<TenantMembership> TenantMemberships => Set<TenantMembership>();

    public DbSet<CountyMembership> CountyMemberships => Set<CountyMembership>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();

    public DbSet<EntraConnection> EntraConnections => Set<EntraConnection>();

    public DbSet<DemoDataStamp> DemoData => Set<DemoDataStamp>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseUtcInstants();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        if (Database.IsPostgres())
        {
            builder.HasDefaultSchema(Schema);
        }

        builder.ApplyConfiguration(new AuditEntryConfiguration(excludeFromMigrations: false, useSchema: Database.IsPostgres()));
        builder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
        builder.ApplyConcurrencyStamps();
        builder.UseClientGeneratedIds();
        builder.ApplyTenantFilters(this);
    }
}

public sealed class PlatformSqliteDbContext(DbContextOptions<PlatformSqliteDbContext> options, ICurrentTenant currentTenant)
    : PlatformDbContext(options, currentTenant);

public sealed class PlatformPostgresDbContext(DbContextOptions<PlatformPostgresDbContext> options, ICurrentTenant currentTenant)
    : PlatformDbContext(options, currentTenant);
