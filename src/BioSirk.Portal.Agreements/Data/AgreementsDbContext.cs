using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BioSirk.Portal.Agreements.Data;

public class AgreementsDbContext(DbContextOptions options, ICurrentTenant currentTenant) : ModuleDbContext(options, currentTenant)
{
    public const string SchemaName = "agreements";

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<PaymentMilestone> Milestones => Set<PaymentMilestone>();

    public DbSet<AgreementEvent> Events => Set<AgreementEvent>();

    public DbSet<AgreementVersion> Versions => Set<AgreementVersion>();

    public DbSet<HourEntry> Hours => Set<HourEntry>();

    public DbSet<DirectCost> DirectCosts => Set<DirectCost>();

    public DbSet<PaymentRequest> PaymentRequests => Set<PaymentRequest>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<SentReminder> Reminders => Set<SentReminder>();

    protected override string Schema => SchemaName;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.UseUtcInstants();
        configurationBuilder.Properties<decimal>().HavePrecision(14, 2);
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
    }

    protected override void ConfigureModule(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AgreementsDbContext).Assembly);
}

public sealed class AgreementsSqliteDbContext(DbContextOptions<AgreementsSqliteDbContext> options, ICurrentTenant currentTenant)
    : AgreementsDbContext(options, currentTenant);

public sealed class AgreementsPostgresDbContext(DbContextOptions<AgreementsPostgresDbContext> options, ICurrentTenant currentTenant)
    : AgreementsDbContext(options, currentTenant);

internal sealed class AgreementsSqliteFactory : IDesignTimeDbContextFactory<AgreementsSqliteDbContext>
{
    public AgreementsSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<AgreementsSqliteDbContext>(DatabaseProvider.Sqlite, AgreementsDbContext.SchemaName), new AsyncLocalCurrentTenant());
}

internal sealed class AgreementsPostgresFactory : IDesignTimeDbContextFactory<AgreementsPostgresDbContext>
{
    public AgreementsPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<AgreementsPostgresDbContext>(DatabaseProvider.PostgreSql, AgreementsDbContext.SchemaName), new AsyncLocalCurrentTenant());
}
