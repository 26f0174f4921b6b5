using BioSirk.Portal.SharedKernel.Formatting;

namespace BioSirk.Portal.Platform.Domain;

/// <summary>A notice for one person, shown under "Varsler" until she has read it.</summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Notification(Guid userId, string subject, Phrase text, string? url, DateTime nowUtc)
    {
        UserId = userId;
        Subject = subject;
        Text = text.ToString();
        TextPhrase = text.ToJson();
        Url = url;
        CreatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid UserId { get; private set; }

    public string Subject { get; private set; } = string.Empty;

    /// <summary>The text in bokmål, as the e-mail said it.</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>The text as a <see cref="Phrase"/> (JSON), for readers of another language; null on notices older than that.</summary>
    public string? TextPhrase { get; private set; }

    public string? Url { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;
}
