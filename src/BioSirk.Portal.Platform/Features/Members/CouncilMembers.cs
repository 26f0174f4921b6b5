using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Features.Members;

public sealed record MemberRow(
    Guid MembershipId, Guid UserId, string FullName, string Email, TenantRoles Roles, bool IsActive, string ConcurrencyStamp)
{
    public bool AwaitsApproval { get; init; }
}

/// <param name="IsExpired">Past its 7 days (also before the nightly job has marked it): it can be sent again, not revoked.</param>
public sealed record PendingInvitationRow(Guid Id, string FullName, string Email, TenantRoles Roles, DateTime ExpiresAtUtc, bool IsExpired);

/// <summary>The members and invitations of the current council; everything goes through the tenant filter.</summary>
public sealed class CouncilMembers(PlatformDbContext db, TimeProvider clock)
{
    public Task<List<MemberRow>> ListAsync(CancellationToken ct = default) =>
        (from m in db.TenantMemberships.AsNoTracking()
         join u in db.Users on m.UserId equals u.Id
         orderby m.IsActive descending, u.FullName
         select new MemberRow(m.Id, u.Id, u.FullName, u.Email!, m.Roles, m.IsActive, m.ConcurrencyStamp) { AwaitsApproval = m.AwaitsApproval })
        .ToListAsync(ct);

    public Task<MemberRow?> FindAsync(Guid membershipId, CancellationToken ct = default) =>
        (from m in db.TenantMemberships.AsNoTracking()
         join u in db.Users on m.UserId equals u.Id
         where m.Id == membershipId
         select new MemberRow(m.Id, u.Id, u.FullName, u.Email!, m.Roles, m.IsActive, m.ConcurrencyStamp))
        .FirstOrDefaultAsync(ct);

    public Task<List<PendingInvitationRow>> ListInvitationsAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Invitations.AsNoTracking()
            .Where(i => i.State == InvitationState.Pending || i.State == InvitationState.Expired)
            .OrderByDescending(i => i.CreatedAtUtc)
            .Select(i => new PendingInvitationRow(i.Id, i.FullName, i.Email, i.Roles, i.ExpiresAtUtc, i.State == InvitationState.Expired || i.ExpiresAtUtc <= now))
            .ToListAsync(ct);
    }
}

public sealed record ChangeRolesCommand(Guid MembershipId, TenantRoles Roles, bool IsActive, string ConcurrencyStamp, Guid ActingUserId);

/// <summary>Sets a member's roles and whether the account is active in this council.</summary>
public sealed class ChangeMemberRoles(PlatformDbContext db)
{
    /// <returns>null when the membership is not in the current council (the page answers 404).</returns>
    public async Task<Result?> HandleAsync(ChangeRolesCommand command, CancellationToken ct = default)
    {
        var membership = await db.TenantMemberships.FirstOrDefaultAsync(m => m.Id == command.MembershipId, ct);
        if (membership is null)
        {
            return null;
        }

        if (command.Roles == TenantRoles.None && command.IsActive)
        {
            return Result.Fail("Roles", "Velg minst én rolle, eller deaktiver kontoen.");
        }

        var removesAnAdmin = membership.IsActive && membership.Roles.HasFlag(TenantRoles.TenantAdmin)
            && (!command.IsActive || !command.Roles.HasFlag(TenantRoles.TenantAdmin));
        if (removesAnAdmin)
        {
            // Two administrators taking the role away (their own, or each other's) at the same moment would each still
            // count the other. The council's row is read before the count and saved with the change, so the second
            // save finds it changed and is refused as stale; sent again, her count sees the first change.
            var council = await db.Tenants.SingleAsync(t => t.Id == membership.TenantId, ct);
            var otherAdmins = await db.TenantMemberships.CountAsync(
                m => m.Id != membership.Id && m.IsActive && (m.Roles & TenantRoles.TenantAdmin) == TenantRoles.TenantAdmin, ct);
            if (otherAdmins == 0)
            {
                return Result.Fail("Roles", "Rådet må ha minst én aktiv administrator. Gi en annen person administratorrollen først.");
            }

            db.Entry(council).Property(t => t.ConcurrencyStamp).IsModified = true;
        }

        db.Entry(membership).Property(m => m.ConcurrencyStamp).OriginalValue = command.ConcurrencyStamp;
        membership.Roles = command.Roles;
        if (command.IsActive && membership.AwaitsApproval)
        {
            membership.Approve();
        }

        membership.IsActive = command.IsActive;
        return await db.SaveOrConflictAsync(ConcurrencyMessages.ChangedByOther, ct);
    }
}

public sealed class RevokeInvitation(PlatformDbContext db)
{
    /// <param name="countyId">Set for a county officer's invitation (the host's); otherwise the invitation is the current council's.</param>
    /// <returns>false when the invitation is not in the current council (or the given county).</returns>
    public async Task<bool> HandleAsync(Guid invitationId, Guid? countyId = null, CancellationToken ct = default)
    {
        var invitation = countyId is { } county
            // County invitations belong to no council, so no tenant filter shows them: the host finds them by county.
            ? await db.Invitations.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.Id == invitationId && i.CountyId == county, ct)
            : await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.CountyId == null, ct);
        if (invitation is null)
        {
            return false;
        }

        if (invitation.State == InvitationState.Pending)
        {
            invitation.Revoke();
            await db.SaveChangesAsync(ct);
        }

        return true;
    }
}

public static class ConcurrencyMessages
{
    public const string ChangedByOther =
        "Noen andre har endret dette mens du arbeidet. Det du skrev står fortsatt i skjemaet: last inn siden på nytt for å se endringen, og lagre igjen.";
}
