using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Features.Members;

public sealed record MembershipRequestRow(Guid MembershipId, string FullName, string Email, string Organisation, DateTime SinceUtc);

/// <summary>
/// People who signed in with Microsoft from a connected organisation without an invitation, waiting for access:
/// the tenant admin decides for her council (through the tenant filter), the host admin for the counties.
/// </summary>
public sealed class DecideMembershipRequest(PlatformDbContext db, INotifier notifier)
{
    public Task<List<MembershipRequestRow>> ListForCouncilAsync(CancellationToken ct = default) =>
        (from m in db.TenantMemberships.AsNoTracking()
         join u in db.Users on m.UserId equals u.Id
         join t in db.Tenants on m.TenantId equals t.Id
         where m.AwaitsApproval
         orderby u.CreatedAtUtc
         select new MembershipRequestRow(m.Id, u.FullName, u.Email!, t.Name, u.CreatedAtUtc))
        .ToListAsync(ct);

    public Task<List<MembershipRequestRow>> ListForCountiesAsync(CancellationToken ct = default) =>
        (from m in db.CountyMemberships.AsNoTracking()
         join u in db.Users on m.UserId equals u.Id
         join c in db.Counties on m.CountyId equals c.Id
         where m.AwaitsApproval
         orderby u.CreatedAtUtc
         select new MembershipRequestRow(m.Id, u.FullName, u.Email!, c.Name, u.CreatedAtUtc))
        .ToListAsync(ct);

    /// <returns>false when no such request waits in the current council (the page answers 404).</returns>
    public async Task<bool> DecideForCouncilAsync(Guid membershipId, bool approve, CancellationToken ct = default)
    {
        var membership = await db.TenantMemberships.FirstOrDefaultAsync(m => m.Id == membershipId && m.AwaitsApproval, ct);
        return membership is not null && await DecideAsync(membership, membership.UserId, approve,
            db.Tenants.Where(t => t.Id == membership.TenantId).Select(t => new Place(t.Name, "/rad/" + t.Slug)), ct);
    }

    /// <returns>false when no such request waits (the page answers 404).</returns>
    public async Task<bool> DecideForCountyAsync(Guid membershipId, bool approve, CancellationToken ct = default)
    {
        var membership = await db.CountyMemberships.FirstOrDefaultAsync(m => m.Id == membershipId && m.AwaitsApproval, ct);
        return membership is not null && await DecideAsync(membership, membership.UserId, approve,
            db.Counties.Where(c => c.Id == membership.CountyId).Select(c => new Place(c.Name, "/")), ct);
    }

    private sealed record Place(string Name, string Url);

    private async Task<bool> DecideAsync(IAwaitsApproval membership, Guid userId, bool approve, IQueryable<Place> place, CancellationToken ct)
    {
        if (approve)
        {
            membership.Approve();
        }
        else
        {
            membership.Reject();
        }

        await db.SaveChangesAsync(ct);
        var where = await place.SingleAsync(ct);
        await TellAsync(userId, approve, where.Name, where.Url, ct);
        return true;
    }

    private Task TellAsync(Guid userId, bool approved, string organisation, string url, CancellationToken ct) =>
        notifier.NotifyPersonAsync(userId, approved
            ? new NoticeMessage($"Du har fått tilgang til {organisation}", Phrase.Of("Administratoren har godkjent deg i {0} i BioSirk-portalen. Logg inn med Microsoft.", organisation), url)
            : new NoticeMessage($"Ingen tilgang til {organisation}", Phrase.Of("Administratoren i {0} har ikke gitt deg tilgang i BioSirk-portalen. Ta kontakt om du mener det er feil.", organisation), null), ct);
}
