using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Features.Idempotency;

/// <summary>
/// The idempotency keys of the API's clients and of the portal's forms. The unique index on (client, key) decides
/// which of two identical requests arriving together goes ahead; the other reads the first one's row and waits for its
/// answer.
/// </summary>
public sealed class IdempotencyKeys(PlatformDbContext db, TimeProvider clock)
{
    public const int MaxKeyLength = 200;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private DbSet<IdempotencyKey> Keys => db.Set<IdempotencyKey>();

    /// <summary>
    /// Takes the key for a request. Taken: the new row, and this request goes ahead. Not taken: the row of the request
    /// that has the key (answered or still running), or null when that one let it go just now (then try again).
    /// </summary>
    public async Task<(IdempotencyKey? Row, bool Taken)> TakeAsync(string client, string key, string requestHash, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await FindAsync(client, key, ct) is { } existing)
        {
            return (existing, false);
        }

        await Keys.Where(k => k.Client == client && k.Key == key && k.ExpiresAtUtc <= now).ExecuteDeleteAsync(ct);
        var row = new IdempotencyKey(client, key, requestHash, now);
        Keys.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return (row, true);
        }
        catch (DbUpdateException)
        {
            // The same key at the same moment: the other request's insert won. The failed row must not stay in the
            // context, or the next save would try it again.
            db.Entry(row).State = EntityState.Detached;
            return (await FindAsync(client, key, ct), false);
        }
    }

    /// <summary>
    /// The row of a request that is still running, once it has answered, or null when it let the key go; as it stands at
    /// <paramref name="giveUp"/> if neither happens before (real time: the portal's clock stands still in tests).
    /// </summary>
    public async Task<IdempotencyKey?> WaitForAnswerAsync(IdempotencyKey row, DateTime giveUp, CancellationToken ct)
    {
        IdempotencyKey? current = row;
        while (current is { IsAnswered: false } && DateTime.UtcNow < giveUp)
        {
            await Task.Delay(Poll, ct);
            current = await FindAsync(row.Client, row.Key, ct);
        }

        return current;
    }

    /// <summary>The unexpired row of this client's key, as stored now.</summary>
    public Task<IdempotencyKey?> FindAsync(string client, string key, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return Keys.AsNoTracking().FirstOrDefaultAsync(k => k.Client == client && k.Key == key && k.ExpiresAtUtc > now, ct);
    }

    public async Task AnswerAsync(IdempotencyKey row, int statusCode, string? contentType, string? location, byte[] body)
    {
        row.Answer(statusCode, contentType, location, body);
        await db.SaveChangesAsync(CancellationToken.None); // the answer was given: keep it even if the client has gone
    }

    /// <summary>The request failed without an answer to keep: a retry with the key runs again.</summary>
    public async Task ReleaseAsync(IdempotencyKey row)
    {
        db.Entry(row).State = EntityState.Detached;
        await Keys.Where(k => k.Id == row.Id).ExecuteDeleteAsync(CancellationToken.None);
    }
}

/// <summary>Nightly job: keys older than a day are deleted (an expired key is also replaced when it is used again).</summary>
public sealed class DeleteExpiredIdempotencyKeys(PlatformDbContext db, TimeProvider clock)
{
    // The id it got when only the API had keys: Hangfire keeps a recurring job under its id.
    public const string JobId = "platform:delete-expired-api-idempotency-keys";

    public Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<IdempotencyKey>().Where(k => k.ExpiresAtUtc <= now).ExecuteDeleteAsync(ct);
    }
}
