namespace BioSirk.Portal.Platform.Domain;

/// <summary>
/// A POST that must not be carried out twice, and the first answer to it: a retry with the same key and the same
/// request gets that answer again, and nothing is registered twice. Two kinds share the table (named when only the
/// API used it): an <c>Idempotency-Key</c> an API client sent (the client is the Entra tenant with the application or
/// the person), and a form of the portal sent again (<c>form:</c> and the person). A key is kept for a day. While the
/// first request runs, <see cref="StatusCode"/> is null.
/// </summary>
public sealed class IdempotencyKey
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private IdempotencyKey()
    {
    }

    public IdempotencyKey(string client, string key, string requestHash, DateTime nowUtc)
    {
        Client = client;
        Key = key;
        RequestHash = requestHash;
        CreatedAtUtc = nowUtc;
        ExpiresAtUtc = nowUtc + Lifetime;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public string Client { get; private set; } = string.Empty;

    public string Key { get; private set; } = string.Empty;

    /// <summary>SHA-256 of the method, the path and query, and the body.</summary>
    public string RequestHash { get; private set; } = string.Empty;

    public int? StatusCode { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public byte[]? Body { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    public bool IsAnswered => StatusCode is not null;

    public void Answer(int statusCode, string? contentType, string? location, byte[] body)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Location = location;
        Body = body;
    }
}
