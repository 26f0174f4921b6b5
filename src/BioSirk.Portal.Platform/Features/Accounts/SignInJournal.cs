using System.Text.Json;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.SharedKernel.Auditing;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Features.Accounts;

/// <summary>Which way a person signed in; the audit log shows it.</summary>
public enum SignInMethod
{
    Password,
    Microsoft,
}

/// <summary>
/// Writes each sign-in to the audit log, once for every council it opens (so each council's admin sees it), or once
/// without a council for county officers and host admins.
/// </summary>
public sealed class SignInJournal(PlatformDbContext db, TimeProvider clock)
{
    public const string EntityType = "Innlogging";

    /// <summary>How the log names a sign-in with e-mail and password (stored as written; the page says it in English to an English reader).</summary>
    public const string PasswordMethod = "E-post og passord";

    public async Task RecordAsync(PortalUser user, SignInMethod method, Guid? onlyCouncil = null, CancellationToken ct = default)
    {
        List<Guid> councils = onlyCouncil is { } one
            ? [one]
            : await db.TenantMemberships.IgnoreQueryFilters()
                .Where(m => m.UserId == user.Id && m.IsActive).Select(m => m.TenantId).ToListAsync(ct);
        var changes = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["Metode"] = new { old = (string?)null, @new = method == SignInMethod.Microsoft ? "Microsoft" : PasswordMethod },
        });
        var now = clock.GetUtcNow().UtcDateTime;
        IEnumerable<Guid?> tenants = councils.Count == 0 ? [null] : councils.Select(c => (Guid?)c);
        db.AuditEntries.AddRange(tenants.Select(tenant => new AuditEntry
        {
            AtUtc = now,
            TenantId = tenant,
            UserId = user.Id,
            UserName = user.FullName,
            EntityType = EntityType,
            EntityId = user.Id.ToString(),
            Action = AuditAction.SignedIn,
            Changes = changes,
        }));
        await db.SaveChangesAsync(ct);
    }
}
