using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore.Design;

namespace BioSirk.Portal.Platform.Data;

internal sealed class PlatformSqliteFactory : IDesignTimeDbContextFactory<PlatformSqliteDbContext>
{
    public PlatformSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<PlatformSqliteDbContext>(DatabaseProvider.Sqlite, PlatformDbContext.Schema), new AsyncLocalCurrentTenant());
}

internal sealed class PlatformPostgresFactory : IDesignTimeDbContextFactory<PlatformPostgresDbContext>
{
    public PlatformPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<PlatformPostgresDbContext>(DatabaseProvider.PostgreSql, PlatformDbContext.Schema), new AsyncLocalCurrentTenant());
}
