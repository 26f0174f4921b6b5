using BioSirk.Portal.Indicators.Domain;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BioSirk.Portal.Indicators.Data;

public class IndicatorsDbContext(DbContextOptions options, ICurrentTenant currentTenant) : ModuleDbContext(options, currentTenant)
{
    public const string SchemaName = "indicators";

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<Measurement> Measurements => Set<Measurement>();

    public DbSet<SentIndicatorReminder> Reminders => Set<SentIndicatorReminder>();

    protected override string Schema => SchemaName;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.UseUtcInstants();
        // Up to four decimals (IndicatorRules.MaxDecimals) and fourteen digits before the comma.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
        configurationBuilder.Properties<string>().HaveMaxLength(1000);
    }

    protected override void ConfigureModule(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IndicatorsDbContext).Assembly);
}

public sealed class IndicatorsSqliteDbContext(DbContextOptions<IndicatorsSqliteDbContext> options, ICurrentTenant currentTenant)
    : IndicatorsDbContext(options, currentTenant);

public sealed class IndicatorsPostgresDbContext(DbContextOptions<IndicatorsPostgresDbContext> options, ICurrentTenant currentTenant)
    : IndicatorsDbContext(options, currentTenant);

internal sealed class IndicatorsSqliteFactory : IDesignTimeDbContextFactory<IndicatorsSqliteDbContext>
{
    public IndicatorsSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<IndicatorsSqliteDbContext>(DatabaseProvider.Sqlite, IndicatorsDbContext.SchemaName), new AsyncLocalCurrentTenant());
}

internal sealed class IndicatorsPostgresFactory : IDesignTimeDbContextFactory<IndicatorsPostgresDbContext>
{
    public IndicatorsPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<IndicatorsPostgresDbContext>(DatabaseProvider.PostgreSql, IndicatorsDbContext.SchemaName), new AsyncLocalCurrentTenant());
}
