using Npgsql;

namespace BioSirk.Portal.Tests.Infrastructure;

/// <summary>
/// Two requests at the same moment, made deterministic: the test holds a row lock (or an uncommitted insert) in its own
/// transaction, lets the requests run until they wait behind it (so both have read what they check), then releases it.
/// </summary>
public static class HeldLocks
{
    public static async Task<NpgsqlConnection> OpenAsync(this PortalFactory portal)
    {
        var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Sends both requests while the test holds what <paramref name="lockSql"/> locks: both have read what they check and
    /// wait to write; then lets them go, one after the other's commit.
    /// </summary>
    public static async Task<HttpResponseMessage[]> AtTheSameMomentAsync(
        this PortalFactory portal, string lockSql, Func<Task<HttpResponseMessage>> first, Func<Task<HttpResponseMessage>> second,
        params (string Name, object Value)[] parameters)
    {
        await using var holder = await portal.OpenAsync();
        await using var tx = await holder.BeginTransactionAsync();
        await ExecuteAsync(holder, tx, lockSql, parameters);
        var a = first();
        var b = second();
        await portal.WaitUntilBlockedAsync(holder, 2, a, b);
        await tx.RollbackAsync();
        return await Task.WhenAll(a, b);
    }

    /// <summary>
    /// How many sessions of the test database wait for a lock behind the holder's (directly, or behind one that waits for
    /// it); asked on a connection of its own, as in the holder's transaction the statistics would not move.
    /// </summary>
    public static async Task<int> BlockedByAsync(this PortalFactory portal, NpgsqlConnection holder)
    {
        await using var monitor = await portal.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> @holder AND cardinality(pg_blocking_pids(pid)) > 0
            """, monitor);
        command.Parameters.AddWithValue("holder", holder.ProcessID);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    /// <summary>Waits until <paramref name="count"/> sessions wait for the holder's lock; a request that answers first fails the test.</summary>
    public static async Task WaitUntilBlockedAsync(this PortalFactory portal, NpgsqlConnection holder, int count, params Task<HttpResponseMessage>[] requests)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await portal.BlockedByAsync(holder) >= count)
            {
                return;
            }

            if (requests.FirstOrDefault(r => r.IsCompleted) is { } done)
            {
                throw new InvalidOperationException($"A request answered {(int)(await done).StatusCode} without waiting for the lock.");
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The requests never waited for the lock.");
    }

    /// <summary>Waits until <paramref name="request"/> has answered, or <paramref name="count"/> sessions wait for the holder's lock.</summary>
    public static async Task WaitUntilBlockedOrDoneAsync(this PortalFactory portal, NpgsqlConnection holder, int count, Task<HttpResponseMessage> request)
    {
        for (var i = 0; i < 600; i++)
        {
            if (request.IsCompleted || await portal.BlockedByAsync(holder) >= count)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The request neither answered nor waited for the lock.");
    }
}
