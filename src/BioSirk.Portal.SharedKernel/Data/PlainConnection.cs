using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BioSirk.Portal.SharedKernel.Data;

/// <summary>
/// The few reads of the start and the readiness check (are the migrations applied, is the demo data there, does the
/// database answer), over a plain connection. Through a DbContext they would build that module's EF Core model first:
/// 0.1–0.3 s each on a 2-core machine, six modules, for an answer that is one small table away. The models are built
/// right after the start instead (<see cref="IModuleMigrator.BuildModel"/>).
/// </summary>
public static class PlainConnection
{
    /// <summary>True when the database accepts a connection and answers a query.</summary>
    public static async Task<bool> AnswersAsync(DatabaseOptions database, CancellationToken cancellationToken)
    {
        await using var connection = Connect(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken)) == 1;
    }

    /// <summary>
    /// Every value of one column of a module's table (in the module's schema on PostgreSQL, bare on SQLite), or null
    /// when the table does not exist (yet). The names are the code's own constants, never user input.
    /// </summary>
    public static async Task<IReadOnlyList<T>?> ReadColumnAsync<T>(
        DatabaseOptions database, string schema, string table, string column, CancellationToken cancellationToken)
    {
        await using var connection = Connect(database);
        await connection.OpenAsync(cancellationToken);
        if (!await TableExistsAsync(connection, database, schema, table, cancellationToken))
        {
            return null;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"{column}\" FROM {QualifiedTable(database, schema, table)}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    private static async Task<bool> TableExistsAsync(
        DbConnection connection, DatabaseOptions database, string schema, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var parameter = command.CreateParameter();
        parameter.ParameterName = "name";
        command.Parameters.Add(parameter);
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            command.CommandText = "SELECT to_regclass(@name) IS NOT NULL";
            parameter.Value = $"\"{schema}\".\"{table}\"";
        }
        else
        {
            command.CommandText = "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = @name";
            parameter.Value = table;
        }

        return Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>An open connection to the portal's database, for a module's own small reads and writes without EF Core.</summary>
    public static DbConnection Open(DatabaseOptions database)
    {
        var connection = Connect(database);
        connection.Open();
        return connection;
    }

    /// <summary>A module's table, in the module's schema on PostgreSQL and bare on SQLite, quoted for SQL.</summary>
    public static string QualifiedTable(DatabaseOptions database, string schema, string table) =>
        database.Provider == DatabaseProvider.PostgreSql ? $"\"{schema}\".\"{table}\"" : $"\"{table}\"";

    private static DbConnection Connect(DatabaseOptions database) =>
        database.Provider == DatabaseProvider.PostgreSql ? ConnectPostgres(database.ConnectionString) : ConnectSqlite(database.ConnectionString);

    // One method per provider, so that the runtime loads only the provider in use.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DbConnection ConnectPostgres(string connectionString) => new NpgsqlConnection(connectionString);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DbConnection ConnectSqlite(string connectionString) => new SqliteConnection(connectionString);
}
