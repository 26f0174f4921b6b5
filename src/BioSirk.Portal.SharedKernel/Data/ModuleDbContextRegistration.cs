using BioSirk.Portal.SharedKernel.Auditing;
using Microsoft.EntityFrameworkCore;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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

        services.AddScoped<IModuleMigrator>(sp => new ModuleMigrator<TContext>(sp.GetRequiredService<TContext>(), database, module));
        return services;
    }

    /// <summary>The module's migrations history table (in the module's schema on PostgreSQL).</summary>
    public static string HistoryTable(string module) => "__ef_migrations_" + module;

    public static void ConfigureProvider(DbContextOptionsBuilder options, DatabaseOptions database, string module)
    {
        var history = HistoryTable(module);
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
    // One query per load, chosen rather than defaulted to: the collections loaded with an entity are short (an
    // agreement's owned breach notices and hour rates come with every agreement); a query that loads long ones asks
    // for AsSplitQuery() itself.
    private static void UsePostgres(DbContextOptionsBuilder options, string connectionString, string history, string schema) =>
        options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(history, schema).UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));

    private static void UseSqlite(DbContextOptionsBuilder options, string connectionString, string history) =>
        options.UseSqlite(connectionString, o => o.MigrationsHistoryTable(history).UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
}

/// <summary>Applies one module's migrations; the host runs every module's migrator at start.</summary>
public interface IModuleMigrator
{
    string Module { get; }

    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The migrations the database does not have yet (read without building the model).</summary>
    Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken);

    /// <summary>Builds the module's EF Core model now, which the first request that uses the module would otherwise do.</summary>
    void BuildModel();
}

internal sealed class ModuleMigrator<TContext>(TContext context, DatabaseOptions database, string module) : IModuleMigrator
    where TContext : DbContext
{
    public string Module => module;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // Migrate() would build the module's model to find that nothing is pending, as on almost every start.
        if (await PendingMigrationsAsync(cancellationToken) is [])
        {
            return;
        }

        await context.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>The migrations of this module and provider that the database's history table does not list.</summary>
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken)
    {
        var table = ModuleDbContextRegistration.HistoryTable(module);
        var applied = await PlainConnection.ReadColumnAsync<string>(database, module, table, "MigrationId", cancellationToken);
        return [.. MigrationIds().Except(applied ?? [], StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public void BuildModel() => _ = context.Model;

    // The migrations EF would apply: the [Migration] classes of this context type (TSqlite or TPostgres).
    private IEnumerable<string> MigrationIds() =>
        context.GetType().Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context.GetType())
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>();
}
