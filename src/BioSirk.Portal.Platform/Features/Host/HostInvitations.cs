using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Invitations;
using BioSirk.Portal.Platform.Features.Members;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Validation;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Features.Host;

/// <summary>Whose invitations the host admin is looking at: a council's (its administrators) or a county's (its officers).</summary>
public sealed record InvitationOwner(Guid Id, bool IsCounty)
{
    public static InvitationOwner Council(Guid councilId) => new(councilId, false);

    public static InvitationOwner County(Guid countyId) => new(countyId, true);
}

/// <summary>What inviting an administrator did: sent an invitation, or gave someone already in the council the roles.</summary>
/// <param name="MadeAdministrator">The name of the member who was given the roles; null when an invitation was sent.</param>
public sealed record HostInvitationOutcome(InvitationSent? Sent, string? MadeAdministrator);

/// <param name="IsExpired">Past its 7 days (also before the nightly job has marked it): it can be sent again, not revoked.</param>
public sealed record HostInvitationRow(Guid Id, string FullName, string Email, DateTime ExpiresAtUtc, bool IsExpired);

/// <summary>
/// The host admin's view of a council's administrator invitations and a county's officer invitations: so that a
/// council whose first admin never accepted, or that has no active admin left, gets one. It lists, invites, sends again
/// and revokes through the invitation use cases the council's own admin uses; the host has no council in scope, so
/// each council's use case runs in that council's scope (the tenant filter then checks it as for its own admin).
/// </summary>
public sealed class HostInvitations(
    PlatformDbContext db, ICurrentTenant currentTenant, InviteMember inviteMember, InviteCountyOfficer inviteOfficer,
    RenewInvitation renew, RevokeInvitation revoke, TimeProvider clock)
{
    public async Task<List<HostInvitationRow>> ListAsync(InvitationOwner owner, CancellationToken ct = default)
    {
        // The host has no council in scope and county invitations belong to none: filter by the owner explicitly.
        var invitations = db.Invitations.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.State == InvitationState.Pending || i.State == InvitationState.Expired);
        invitations = owner.IsCounty
            ? invitations.Where(i => i.CountyId == owner.Id)
            : invitations.Where(i => i.CountyId == null && i.TenantId == owner.Id && (i.Roles & TenantRoles.TenantAdmin) == TenantRoles.TenantAdmin);
        var now = clock.GetUtcNow().UtcDateTime;
        return await invitations.OrderByDescending(i => i.CreatedAtUtc)
            .Select(i => new HostInvitationRow(i.Id, i.FullName, i.Email, i.ExpiresAtUtc, i.State == InvitationState.Expired || i.ExpiresAtUtc <= now))
            .ToListAsync(ct);
    }

    /// <summary>The council's active administrators, or the county's active officers.</summary>
    public Task<int> CountActiveAdministratorsAsync(InvitationOwner owner, CancellationToken ct = default) =>
        owner.IsCounty
            ? db.CountyMemberships.CountAsync(m => m.CountyId == owner.Id && m.IsActive, ct)
            : db.TenantMemberships.IgnoreQueryFilters().CountAsync(
                m => m.TenantId == owner.Id && m.IsActive && (m.Roles & TenantRoles.TenantAdmin) == TenantRoles.TenantAdmin, ct);

    /// <summary>
    /// A council's administrator gets the roles the first one gets (admin and secretary); a county's officer is an
    /// officer. Someone who already belongs to the council is given those roles at once instead (her account is active
    /// again if it was deactivated) and told in the portal: an invitation would be refused, and the council may have no
    /// administrator left to change her roles.
    /// </summary>
    public async Task<Result<HostInvitationOutcome>> InviteAsync(
        InvitationOwner owner, string? fullName, string? email, Guid hostAdminId, string portalBaseUrl, CancellationToken ct = default)
    {
        if (owner.IsCounty)
        {
            return Sent(await inviteOfficer.HandleAsync(new InviteCountyOfficerCommand(owner.Id, email, fullName, hostAdminId, portalBaseUrl), ct));
        }

        using (currentTenant.Use(TenantScope.ForTenant(owner.Id)))
        {
            if (Invitee.Check(new Errors(), fullName, email) is { Any: false } && await MembershipOfAsync(owner.Id, email!, ct) is { } member)
            {
                return member.Membership is { IsActive: true } admin && admin.Roles.HasFlag(TenantRoles.TenantAdmin)
                    ? Result<HostInvitationOutcome>.Fail("Email", $"{member.Name} ({EmailAddress.Normalize(email!)}) er allerede administrator i rådet.")
                    : Result<HostInvitationOutcome>.Ok(await MakeAdministratorAsync(owner.Id, member.Membership, member.Name, ct));
            }

            return Sent(await inviteMember.HandleAsync(new InviteMemberCommand(
                owner.Id, email, fullName, AdministratorRoles, hostAdminId, portalBaseUrl), ct));
        }
    }

    private const TenantRoles AdministratorRoles = TenantRoles.TenantAdmin | TenantRoles.Secretary;

    private static Result<HostInvitationOutcome> Sent(Result<InvitationSent> sent) =>
        sent.Succeeded ? Result<HostInvitationOutcome>.Ok(new HostInvitationOutcome(sent.Value, null)) : Result<HostInvitationOutcome>.Fail(sent.Errors);

    private async Task<(TenantMembership Membership, string Name)?> MembershipOfAsync(Guid councilId, string email, CancellationToken ct)
    {
        var normalized = EmailAddress.Normalize(email).ToUpperInvariant();
        var found = await (
                from u in db.Users
                join m in db.TenantMemberships on u.Id equals m.UserId
                where u.NormalizedEmail == normalized && m.TenantId == councilId
                select new { Membership = m, u.FullName })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Membership, found.FullName);
    }

    private async Task<HostInvitationOutcome> MakeAdministratorAsync(Guid councilId, TenantMembership membership, string name, CancellationToken ct)
    {
        var council = await db.Tenants.Where(t => t.Id == councilId).Select(t => new { t.Name, t.Slug }).SingleAsync(ct);
        membership.Roles |= AdministratorRoles;
        if (membership.AwaitsApproval)
        {
            membership.Approve();
        }

        membership.IsActive = true;
        db.Notifications.Add(new Notification(membership.UserId, $"Administrator i {council.Name}",
            Phrase.Of("Du er nå administrator i {0}. Under «Administrasjon» inviterer du folk og gir dem roller.", council.Name),
            $"/rad/{council.Slug}/admin/medlemmer", clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return new HostInvitationOutcome(null, name);
    }

    /// <returns>null when the invitation is not the owner's (the page answers 404).</returns>
    public async Task<Result<InvitationSent>?> RenewAsync(InvitationOwner owner, Guid invitationId, string portalBaseUrl, CancellationToken ct = default)
    {
        if (owner.IsCounty)
        {
            return await renew.HandleAsync(new RenewInvitationCommand(invitationId, portalBaseUrl, owner.Id), ct);
        }

        using (currentTenant.Use(TenantScope.ForTenant(owner.Id)))
        {
            return await renew.HandleAsync(new RenewInvitationCommand(invitationId, portalBaseUrl), ct);
        }
    }

    /// <returns>false when the invitation is not the owner's (the page answers 404).</returns>
    public async Task<bool> RevokeAsync(InvitationOwner owner, Guid invitationId, CancellationToken ct = default)
    {
        if (owner.IsCounty)
        {
            return await revoke.HandleAsync(invitationId, owner.Id, ct);
        }

        using (currentTenant.Use(TenantScope.ForTenant(owner.Id)))
        {
            return await revoke.HandleAsync(invitationId, ct: ct);
        }
    }
}
