using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Platform.Domain;

/// <summary>A membership that a Microsoft sign-in without invitation made, until an admin decides.</summary>
public interface IAwaitsApproval
{
    bool AwaitsApproval { get; }

    void Approve();

    /// <summary>Stays inactive: a later Microsoft sign-in is told the account is deactivated, and asks no one again.</summary>
    void Reject();
}

/// <summary>A person's place in one council: roles, and whether the account is active there.</summary>
public sealed class TenantMembership : ITenantOwned, IAudited, IConcurrencyAware, IAwaitsApproval
{
    private TenantMembership()
    {
    }

    public TenantMembership(Guid tenantId, Guid userId, TenantRoles roles)
    {
        TenantId = tenantId;
        UserId = userId;
        Roles = roles;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid TenantId { get; private set; }

    public Guid UserId { get; private set; }

    public TenantRoles Roles { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>A person who signed in with Microsoft without an invitation: inactive until the tenant admin approves.</summary>
    public bool AwaitsApproval { get; private set; }

    public static TenantMembership AwaitingApproval(Guid tenantId, Guid userId) =>
        new(tenantId, userId, TenantRoles.Member) { IsActive = false, AwaitsApproval = true };

    public void Approve()
    {
        IsActive = true;
        AwaitsApproval = false;
    }

    public void Reject() => AwaitsApproval = false;

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}

/// <summary>A county officer's place in one county.</summary>
public sealed class CountyMembership : IAudited, IConcurrencyAware, IAwaitsApproval
{
    private CountyMembership()
    {
    }

    public CountyMembership(Guid countyId, Guid userId)
    {
        CountyId = countyId;
        UserId = userId;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid CountyId { get; private set; }

    public Guid UserId { get; private set; }

    public bool IsActive { get; set; } = true;

    /// <summary>An officer who signed in with Microsoft without an invitation: inactive until the host admin approves.</summary>
    public bool AwaitsApproval { get; private set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public static CountyMembership AwaitingApproval(Guid countyId, Guid userId) =>
        new(countyId, userId) { IsActive = false, AwaitsApproval = true };

    public void Approve()
    {
        IsActive = true;
        AwaitsApproval = false;
    }

    public void Reject() => AwaitsApproval = false;
}
