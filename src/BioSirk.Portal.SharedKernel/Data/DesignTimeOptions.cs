using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.SharedKernel.Data;

/// <summary>Options for `dotnet ef migrations add`: a provider and a placeholder connection, never opened.</summary>
public static class DesignTimeOptions
{
    public static DbContextOptions<TContext> For<TContext>(DatabaseProvider provider, string module)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        var database = new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.PostgreSql
                ? "Host=localhost;Database=design_time"
                : "Data Source=design_time.db",
        };
        ModuleDbContextRegistration.ConfigureProvider(builder, database, module);
        return builder.Options;
    }
}
