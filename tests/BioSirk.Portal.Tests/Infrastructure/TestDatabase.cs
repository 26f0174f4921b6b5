using Npgsql;

namespace BioSirk.Portal.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL cluster that etc/test.sh starts (BIOSIRK_TEST_POSTGRES). Each test project uses a database of its own,
/// so that projects may run side by side.
/// </summary>
public static class TestDatabase
{
    public const string EnvironmentVariable = "BIOSIRK_TEST_POSTGRES";

    public static string ConnectionString(string database)
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. Run the tests with etc/test.sh, which starts its own PostgreSQL cluster and sets it.");
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }

    public static async Task RecreateAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await create.ExecuteNonQueryAsync();
    }
}
