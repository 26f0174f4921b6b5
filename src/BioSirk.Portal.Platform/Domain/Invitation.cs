using System.Security.Cryptography;
using System.Text;
using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Platform.Domain;

public enum InvitationState
{
    Pending = 1,
    Accepted = 2,
    Expired = 3,
    Revoked = 4,
}

/// <summary>
/// An invitation by e-mail to join a council with given roles, or (with <see cref="CountyId"/>) to become an officer of
/// a county; a county invitation has an empty <see cref="TenantId"/>, so no council ever sees it. Only the SHA-256 of
/// the token is stored, so a leaked database does not leak working links.
/// </summary>
public sealed class Invitation : ITenantOwned, IAudited, IConcurrencyAware
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);

    private Invitation()
    {
    }

    public Invitation(Guid tenantId, string email, string fullName, TenantRoles roles, Guid invitedBy, DateTime nowUtc, string token)
    {
        TenantId = tenantId;
        Email = email;
        FullName = fullName;
        Roles = roles;
        InvitedByUserId = invitedBy;
        CreatedAtUtc = nowUtc;
        ExpiresAtUtc = nowUtc + ValidFor;
        TokenHash = Hash(token);
    }

    public static Invitation ForCounty(Guid countyId, string email, string fullName, Guid invitedBy, DateTime nowUtc, string token) =>
        new(Guid.Empty, email, fullName, TenantRoles.None, invitedBy, nowUtc, token) { CountyId = countyId };

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid TenantId { get; private set; }

    public Guid? CountyId { get; private init; }

    public string Email { get; private set; } = string.Empty;

    public string FullName { get; private set; } = string.Empty;

    public TenantRoles Roles { get; private set; }

    public Guid InvitedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    public DateTime? AcceptedAtUtc { get; private set; }

    public InvitationState State { get; private set; } = InvitationState.Pending;

    public string TokenHash { get; private set; } = string.Empty;

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public bool CanBeAccepted(DateTime nowUtc) => State == InvitationState.Pending && nowUtc < ExpiresAtUtc;

    public void Accept(DateTime nowUtc)
    {
        State = InvitationState.Accepted;
        AcceptedAtUtc = nowUtc;
    }

    public void Expire() => State = InvitationState.Expired;

    public void Revoke() => State = InvitationState.Revoked;

    /// <summary>
    /// Sent again with a new link for another 7 days: the token's hash is replaced, so the old link stops working.
    /// An accepted or revoked invitation is final.
    /// </summary>
    public bool Renew(string token, DateTime nowUtc)
    {
        if (State is not (InvitationState.Pending or InvitationState.Expired))
        {
            return false;
        }

        TokenHash = Hash(token);
        ExpiresAtUtc = nowUtc + ValidFor;
        State = InvitationState.Pending;
        return true;
    }
}
