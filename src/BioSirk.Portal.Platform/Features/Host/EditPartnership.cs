using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Features.Members;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Features.Host;

/// <summary>A partnership as the host admin edits it.</summary>
public sealed record PartnershipDetails(Guid Id, string Slug, string Name, string? Description, IReadOnlyList<Guid> TenantIds, string ConcurrencyStamp);

public sealed record EditPartnershipCommand(Guid PartnershipId, string? Name, string? Description, IReadOnlyList<Guid> TenantIds, string ConcurrencyStamp);

/// <summary>
/// The host admin renames a partnership, corrects its description, or changes which councils are in it (at least two).
/// The slug stays: it is in every link people have saved. A council that leaves keeps what it wrote; it no longer
/// sees the partnership's shared rows.
/// </summary>
public sealed class EditPartnership(PlatformDbContext db, HostAdministration host)
{
    public async Task<PartnershipDetails?> FindAsync(Guid partnershipId, CancellationToken ct = default)
    {
        var partnership = await db.Partnerships.AsNoTracking().Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == partnershipId, ct);
        return partnership is null
            ? null
            : new PartnershipDetails(partnership.Id, partnership.Slug, partnership.Name, partnership.Description,
                [.. partnership.Members.Select(m => m.TenantId)], partnership.ConcurrencyStamp);
    }

    /// <returns>null when there is no such partnership (the page answers 404).</returns>
    public async Task<Result?> HandleAsync(EditPartnershipCommand command, CancellationToken ct = default)
    {
        var partnership = await db.Partnerships.Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == command.PartnershipId, ct);
        if (partnership is null)
        {
            return null;
        }

        var errors = new Errors()
            .NameAndNumber(command.Name, null, "Skriv inn navnet.")
            .WhenLongerThan(command.Description?.Trim(), 2000, "Description", "Beskrivelsen");
        await host.RefusePartnershipNameTakenAsync(errors, command.Name, partnership.Id, ct);
        await host.ValidatePartnershipMembersAsync(errors, command.TenantIds, ct);
        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        // The stamp is checked even when only the members change (they are rows of their own), so that two tabs
        // changing the councils do not overwrite each other unseen.
        db.Entry(partnership).Property(p => p.ConcurrencyStamp).OriginalValue = command.ConcurrencyStamp;
        db.Entry(partnership).Property(p => p.ConcurrencyStamp).IsModified = true;
        partnership.Name = command.Name!.Trim();
        partnership.Description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim();
        partnership.SetMembers(command.TenantIds);
        return await db.SaveOrConflictAsync(ConcurrencyMessages.ChangedByOther, ct);
    }
}
