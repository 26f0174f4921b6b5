namespace BioSirk.Portal.Platform.Domain;

/// <summary>
/// One browser's sign-in that its owner ended by signing out. Signing out only deletes the cookie in that browser; a
/// page left open there keeps its live connection, and a copy of the cookie would keep working. Kept here, the ended
/// session is refused in both (see <see cref="Features.Accounts.SignInSessions"/>).
/// </summary>
public sealed class EndedSession
{
    /// <summary>
    /// Longer than a cookie lives unused (10 hours), and a copy of one is refused within a minute of the sign-out (the
    /// cookie is checked again every minute), after which it can no longer be renewed: the row has done its work.
    /// </summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(2);

    private EndedSession()
    {
    }

    public EndedSession(Guid sessionId, Guid userId, DateTime endedAtUtc)
    {
        Id = sessionId;
        UserId = userId;
        EndedAtUtc = endedAtUtc;
    }

    /// <summary>The session's id, from its cookie's <see cref="Features.Accounts.SignInSessions.ClaimType"/> claim.</summary>
    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime EndedAtUtc { get; private set; }
}
