using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using BioSirk.Portal.Platform.Domain;
using Microsoft.Extensions.Options;

namespace BioSirk.Portal.Web.Security;

/// <summary>
/// Wrong passwords for an address with no account lock it just as they lock a real account, so that the lockout
/// message does not tell a stranger which addresses have accounts here. Kept in memory: a restart forgets it, as
/// nothing real is protected by it.
/// </summary>
public sealed class UnknownAddressLockout(IOptions<IdentityOptions> identity, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset? LockedUntil)> attempts = new(StringComparer.OrdinalIgnoreCase);

    private string? hashOfNoPassword;

    /// <summary>
    /// Checks the password against a hash of nothing anyone knows, as long as a real check takes, so that how fast the
    /// answer comes does not tell that the address has no account.
    /// </summary>
    public void TakeTheTimeOfAPasswordCheck(IPasswordHasher<PortalUser> hasher, string password)
    {
        var nobody = new PortalUser();
        hashOfNoPassword ??= hasher.HashPassword(nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(nobody, hashOfNoPassword, password);
    }

    /// <summary>Counts a failed sign-in; the end of the lockout once there have been as many as lock an account, else null.</summary>
    public DateTimeOffset? Fail(string email)
    {
        var now = clock.GetUtcNow();
        var options = identity.Value.Lockout;
        var (failures, lockedUntil) = attempts.AddOrUpdate(email.Trim(),
            _ => (1, null),
            (_, was) => was.LockedUntil is { } until && until > now ? was
                : was.Failures + 1 >= options.MaxFailedAccessAttempts ? (0, now + options.DefaultLockoutTimeSpan)
                : (was.Failures + 1, null));
        if (attempts.Count > 100_000)
        {
            attempts.Clear(); // a flood of made-up addresses must not grow the portal's memory without end
        }

        return failures == 0 || lockedUntil > now ? lockedUntil : null;
    }
}
