namespace BioSirk.Portal.Platform.Domain;

/// <summary>
/// An e-mail the portal owes someone. It is stored in the same transaction as what caused it (a notice, an
/// invitation), sent right after, and sent again by the delivery job until the mail server takes it or the attempts
/// run out; so a mail server that is down loses nothing and fails no one's action. The host admin sees what waits.
/// </summary>
public sealed class OutgoingEmail
{
    /// <summary>The wait after each failed attempt: about two days of trying in all.</summary>
    public static readonly TimeSpan[] RetryDelays =
        [TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6),
         TimeSpan.FromHours(12), TimeSpan.FromHours(24)];

    public static int MaxAttempts => RetryDelays.Length + 1;

    private OutgoingEmail()
    {
    }

    /// <summary>A new e-mail, held for <paramref name="firstAttemptLease"/> by whoever sends it right away.</summary>
    public OutgoingEmail(string to, string subject, string body, DateTime nowUtc, TimeSpan firstAttemptLease)
    {
        To = to;
        Subject = subject;
        Body = body;
        CreatedAtUtc = nowUtc;
        NextAttemptAtUtc = nowUtc + firstAttemptLease;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public string To { get; private set; } = string.Empty;

    public string Subject { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>When the delivery job may try it (again); null once sent, or given up.</summary>
    public DateTime? NextAttemptAtUtc { get; private set; }

    public string? LastError { get; private set; }

    public bool IsGivenUp => SentAtUtc is null && NextAttemptAtUtc is null;

    /// <summary>How long a sent or given-up e-mail is kept (without its text once sent) before the delivery job deletes it.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    /// <summary>Sent: the text is not kept, since it may hold a personal link (a new password, an invitation).</summary>
    public void MarkSent(DateTime nowUtc)
    {
        Attempts++;
        SentAtUtc = nowUtc;
        NextAttemptAtUtc = null;
        LastError = null;
        Body = string.Empty;
    }

    public void MarkFailed(DateTime nowUtc, string error)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        NextAttemptAtUtc = Attempts < MaxAttempts ? nowUtc + RetryDelays[Attempts - 1] : null;
    }

    /// <summary>The host admin asks for one more try now; the count of attempts starts over.</summary>
    public void RetryNow(DateTime nowUtc)
    {
        if (SentAtUtc is null)
        {
            Attempts = 0;
            NextAttemptAtUtc = nowUtc;
        }
    }
}
