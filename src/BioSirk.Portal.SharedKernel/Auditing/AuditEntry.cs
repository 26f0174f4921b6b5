namespace BioSirk.Portal.SharedKernel.Auditing;

/// <summary>Marks an entity whose every change goes to the audit log with old and new values.</summary>
public interface IAudited;

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,

    /// <summary>A person signed in; the entry's changes say which way (local password or Microsoft).</summary>
    SignedIn = 4,
}

/// <summary>One change to one audited entity: who, when, in which council, and the values before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }

    public DateTime AtUtc { get; init; }

    public Guid? TenantId { get; init; }

    public Guid? UserId { get; init; }

    public string? UserName { get; init; }

    public required string EntityType { get; init; }

    public required string EntityId { get; init; }

    public AuditAction Action { get; init; }

    /// <summary>JSON object: property name → { "old": …, "new": … }.</summary>
    public required string Changes { get; init; }
}
