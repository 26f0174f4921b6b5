namespace BioSirk.Portal.Platform.Domain;

/// <summary>A person's roles in one council. A tenant admin is usually also a secretary or member.</summary>
[Flags]
public enum TenantRoles
{
    None = 0,
    Member = 1,
    Secretary = 2,
    TenantAdmin = 4,
}
