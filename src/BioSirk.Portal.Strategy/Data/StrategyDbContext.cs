using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Strategy.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BioSirk.Portal.Strategy.Data;

public class StrategyDbContext(DbContextOptions options, ICurrentTenant currentTenant) : ModuleDbContext(options, currentTenant)
{
    public const string SchemaName = "strategy";

    public DbSet<Roadmap> Roadmaps => Set<Roadmap>();

    public DbSet<FocusArea> FocusAreas => Set<FocusArea>();

    public DbSet<Goal> Goals => Set<Goal>();

    public DbSet<RoadmapAction> Actions => Set<RoadmapAction>();

    public DbSet<RoadmapVersion> Versions => Set<RoadmapVersion>();

    public DbSet<AdoptionDecision> Decisions => Set<AdoptionDecision>();

    public DbSet<SentActionReminder> Reminders => Set<SentActionReminder>();

    protected override string Schema => SchemaName;

    /// <summary>A frozen version is never changed or deleted, whatever code tries.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (ChangeTracker.Entries<RoadmapVersion>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("A frozen roadmap version cannot be changed.");
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.UseUtcInstants();
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
    }

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Roadmap>(b =>
        {
            b.ToTable("roadmaps");
            b.HasIndex(r => r.PartnershipId).IsUnique(); // a partnership has one joint roadmap, also when two start it at the same moment
            b.Property(r => r.Title).HasMaxLength(300);
            b.HasMany(r => r.FocusAreas).WithOne().HasForeignKey(f => f.RoadmapId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(r => r.FocusAreas).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Ignore(r => r.Goals);
        });
        modelBuilder.Entity<FocusArea>(b =>
        {
            b.ToTable("focus_areas");
            b.Property(f => f.Title).HasMaxLength(300);
            b.HasMany(f => f.Goals).WithOne().HasForeignKey(g => g.FocusAreaId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(f => f.Goals).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<Goal>(b =>
        {
            b.ToTable("goals");
            b.Property(g => g.Title).HasMaxLength(300);
        });
        modelBuilder.Entity<RoadmapAction>(b =>
        {
            b.ToTable("actions");
            b.HasIndex(a => a.RoadmapId);
            b.HasIndex(a => a.ResponsibleUserId);
            b.Property(a => a.Title).HasMaxLength(300);
            b.Property(a => a.ResponsibleName).HasMaxLength(200);
            b.Property(a => a.ProgressUpdatedBy).HasMaxLength(200);
            b.OwnsMany(a => a.Links, l =>
            {
                l.ToTable("action_links");
                l.WithOwner().HasForeignKey("ActionId");
                l.Property<int>("Id");
                l.HasKey("Id");
                l.Property(x => x.Label).HasMaxLength(300);
            });
            b.Navigation(a => a.Links).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<RoadmapVersion>(b =>
        {
            b.ToTable("roadmap_versions");
            b.Property(v => v.SnapshotJson).HasMaxLength(1_000_000);
            b.HasIndex(v => new { v.RoadmapId, v.Number }).IsUnique();
        });
        modelBuilder.Entity<AdoptionDecision>(b =>
        {
            b.ToTable("adoption_decisions");
            b.Property(d => d.CaseReference).HasMaxLength(50);
            b.HasIndex(d => new { d.VersionId, d.CouncilId }).IsUnique();
        });
        modelBuilder.Entity<SentActionReminder>(b =>
        {
            b.ToTable("sent_action_reminders");
            b.HasIndex(r => new { r.ActionId, r.ReportingDate, r.Kind }).IsUnique();
        });
    }
}

public sealed class StrategySqliteDbContext(DbContextOptions<StrategySqliteDbContext> options, ICurrentTenant currentTenant)
    : StrategyDbContext(options, currentTenant);

public sealed class StrategyPostgresDbContext(DbContextOptions<StrategyPostgresDbContext> options, ICurrentTenant currentTenant)
    : StrategyDbContext(options, currentTenant);

internal sealed class StrategySqliteFactory : IDesignTimeDbContextFactory<StrategySqliteDbContext>
{
    public StrategySqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<StrategySqliteDbContext>(DatabaseProvider.Sqlite, StrategyDbContext.SchemaName), new AsyncLocalCurrentTenant());
}

internal sealed class StrategyPostgresFactory : IDesignTimeDbContextFactory<StrategyPostgresDbContext>
{
    public StrategyPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<StrategyPostgresDbContext>(DatabaseProvider.PostgreSql, StrategyDbContext.SchemaName), new AsyncLocalCurrentTenant());
}
