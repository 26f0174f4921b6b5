using System.Security.Claims;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BioSirk.Portal.Platform.Features.Accounts;

/// <summary>
/// Each sign-in is a session with an id of its own, carried in the cookie. Signing out ends it for good, so that what
/// outlives the cookie in the browser (an open live connection, a copied cookie) is refused too.
/// </summary>
public sealed class SignInSessions(PlatformDbContext db, TimeProvider clock, IOptions<IdentityOptions> identity)
{
    public const string ClaimType = "biosirk:session";

    public static Guid? IdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimType), out var id) ? id : null;

    /// <summary>Gives a new sign-in its session id; a principal that has one keeps it.</summary>
    public static void Begin(ClaimsPrincipal principal)
    {
        if (IdOf(principal) is null && principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(ClaimType, Guid.NewGuid().ToString()));
        }
    }

    public async Task EndAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (IdOf(principal) is not { } sessionId || CurrentUser(principal) is not { } userId
            || await db.Set<EndedSession>().AnyAsync(s => s.Id == sessionId, ct))
        {
            return;
        }

        db.Add(new EndedSession(sessionId, userId, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
    }

    public async Task<bool> IsEndedAsync(ClaimsPrincipal principal, CancellationToken ct = default) =>
        IdOf(principal) is { } sessionId && await db.Set<EndedSession>().AnyAsync(s => s.Id == sessionId, ct);

    /// <summary>
    /// Whether the sign-in behind <paramref name="principal"/> still stands: not signed out, and the person has not
    /// since signed out everywhere or changed her password (either gives her a new security stamp).
    /// </summary>
    public async Task<bool> StillStandsAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (CurrentUser(principal) is not { } userId)
        {
            return false;
        }

        var sessionId = IdOf(principal);
        var now = await db.Users.Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, Ended = sessionId != null && db.Set<EndedSession>().Any(s => s.Id == sessionId) })
            .FirstOrDefaultAsync(ct);
        return now is { Ended: false } && now.SecurityStamp == principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
    }

    /// <summary>Forgets sessions ended long enough ago that no cookie of theirs can still be in use.</summary>
    public Task<int> ForgetOldAsync(CancellationToken ct = default)
    {
        var before = clock.GetUtcNow().UtcDateTime - EndedSession.KeptFor;
        return db.Set<EndedSession>().Where(s => s.EndedAtUtc < before).ExecuteDeleteAsync(ct);
    }

    private Guid? CurrentUser(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType), out var id) ? id : null;
}

/// <summary>The nightly clean-up of <see cref="SignInSessions.ForgetOldAsync"/>.</summary>
public sealed class ForgetEndedSessions(SignInSessions sessions)
{
    public const string JobId = "platform:forget-ended-sessions";

    public Task<int> RunAsync(CancellationToken ct = default) => sessions.ForgetOldAsync(ct);
}

/// <summary>
/// Identity checks a cookie's security stamp again every minute; this also refuses the cookie of a session that was
/// signed out, so a copy of it stops working within that minute.
/// </summary>
public sealed class SessionAwareSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<PortalUser> signInManager, Microsoft.Extensions.Logging.ILoggerFactory logger, SignInSessions sessions)
    : SecurityStampValidator<PortalUser>(options, signInManager, logger)
{
    protected override async Task<PortalUser?> VerifySecurityStamp(ClaimsPrincipal? principal) =>
        principal is null || await sessions.IsEndedAsync(principal) ? null : await base.VerifySecurityStamp(principal);
}
