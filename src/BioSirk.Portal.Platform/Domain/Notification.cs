namespace BioSirk.Portal.Platform.Domain;

/// <summary>A notice for one person, shown under "Varsler" until she has read it.</summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Notification(Guid userId, string subject, string text, string? url, DateTime nowUtc)
    {
        UserId = userId;
        Subject = subject;
        Text = text;
        Url = url;
        CreatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid UserId { get; private set; }

    public string Subject { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public string? Url { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;
}
