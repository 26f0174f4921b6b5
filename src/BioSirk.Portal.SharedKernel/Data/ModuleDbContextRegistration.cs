using BioSirk.Portal.SharedKernel.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.SharedKernel.Data;

public static class ModuleDbContextRegistration
{
    /// <summary>
    /// Registers a module's context. Migrations are generated per provider, so each provider has its own small
    /// subclass (<typeparamref name="TSqlite"/>, <typeparamref name="TPostgres"/>) that carries them; the module's
    /// code only ever asks for <typeparamref name="TContext"/>.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(
        this IServiceCollection services, DatabaseOptions database, string module)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        void Configure(IServiceProvider sp, DbContextOptionsBuilder options)
        {
            ConfigureProvider(options, database, module);
            options.AddInterceptors(sp.GetRequiredService<AuditingInterceptor>());
            // Otherwise Migrate() builds the module's snapshot model and diffs it against the model at every start, to refuse
            // a model change that has no migration; MigrationTests makes that check in the test suite instead.
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        }

        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddDbContext<TContext, TPostgres>(Configure);
        }
        else
        {
            services.AddDbContext<TContext, TSqlite>(Configure);
        }

        services.AddScoped<IModuleMigrator>(sp => new ModuleMigrator<TContext>(sp.GetRequiredService<TContext>(), module));
        return services;
    }

    public static void ConfigureProvider(DbContextOptionsBuilder options, DatabaseOptions database, string module)
    {
        var history = "__ef_migrations_" + module;
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            UsePostgres(options, database.ConnectionString, history, module);
        }
        else
        {
            UseSqlite(options, database.ConnectionString, history);
        }
    }

    // One method per provider, so that the runtime loads only the provider in use (Npgsql costs start time and memory).
    private static void UsePostgres(DbContextOptionsBuilder options, string connectionString, string history, string schema) =>
        options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(history, schema));

    private static void UseSqlite(DbContextOptionsBuilder options, string connectionString, string history) =>
        options.UseSqlite(connectionString, o => o.MigrationsHistoryTable(history));
}

/// <summary>Applies one module's migrations; the host runs every module's migrator at start.</summary>
public interface IModuleMigrator
{
    string Module { get; }

    Task MigrateAsync(CancellationToken cancellationToken);
}

internal sealed class ModuleMigrator<TContext>(TContext context, string module) : IModuleMigrator
    where TContext : DbContext
{
    public string Module => module;

    public Task MigrateAsync(CancellationToken cancellationToken) => context.Database.MigrateAsync(cancellationToken);
}
