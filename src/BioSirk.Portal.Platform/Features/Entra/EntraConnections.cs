using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Members;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Features.Entra;

/// <summary>What the admin sees of a connection: the values as stored, and the stamp that guards the next save.</summary>
public sealed record EntraConnectionView(Guid EntraTenantId, string AllowedDomains, string ConcurrencyStamp);

/// <param name="ConcurrencyStamp">The stamp the form was read with; empty when there was no connection then.</param>
public sealed record SaveEntraConnectionCommand(
    EntraOwnerKind OwnerKind, Guid OwnerId, string? EntraTenantId, string? AllowedDomains, string? ConcurrencyStamp);

/// <summary>
/// Connects a council or county to its Entra tenant, changes or removes the connection. The caller has checked
/// that the acting person administers that owner; every change is audited by the entity itself.
/// </summary>
public sealed class EntraConnections(PlatformDbContext db)
{
    public const string TakenMessage =
        "Denne Entra-leietakeren er allerede koblet til et annet råd eller fylke i portalen. Sjekk at ID-en er riktig; " +
        "er den det, må koblingen der fjernes først (kontakt vertsadministratoren).";

    public async Task<EntraConnectionView?> GetAsync(EntraOwnerKind ownerKind, Guid ownerId, CancellationToken ct = default)
    {
        var connection = await Find(ownerKind, ownerId).AsNoTracking().FirstOrDefaultAsync(ct);
        return connection is null ? null : new EntraConnectionView(connection.EntraTenantId, string.Join(", ", connection.Domains), connection.ConcurrencyStamp);
    }

    public async Task<Result> SaveAsync(SaveEntraConnectionCommand command, CancellationToken ct = default)
    {
        var connection = await Find(command.OwnerKind, command.OwnerId).FirstOrDefaultAsync(ct);
        var formSawNoConnection = string.IsNullOrEmpty(command.ConcurrencyStamp);
        if (connection is not null && formSawNoConnection)
        {
            return Result.Stale("", ConcurrencyMessages.ChangedByOther);
        }

        var isNew = connection is null;
        connection ??= command.OwnerKind == EntraOwnerKind.Council
            ? EntraConnection.ForCouncil(command.OwnerId)
            : EntraConnection.ForCounty(command.OwnerId);
        var result = connection.Set(command.EntraTenantId, command.AllowedDomains);
        if (!result.Succeeded)
        {
            return result;
        }

        if (await IsTakenByAnother(connection, ct))
        {
            return Result.Fail(nameof(EntraConnection.EntraTenantId), TakenMessage);
        }

        if (isNew)
        {
            db.EntraConnections.Add(connection);
        }
        else
        {
            db.Entry(connection).Property(c => c.ConcurrencyStamp).OriginalValue = command.ConcurrencyStamp!;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Stale("", ConcurrencyMessages.ChangedByOther);
        }
        catch (DbUpdateException)
        {
            if (await IsTakenByAnother(connection, ct))
            {
                return Result.Fail(nameof(EntraConnection.EntraTenantId), TakenMessage); // another admin took it at the same moment
            }

            throw;
        }
    }

    /// <returns>false when there was no connection to remove.</returns>
    public async Task<bool> DisconnectAsync(EntraOwnerKind ownerKind, Guid ownerId, CancellationToken ct = default)
    {
        var connection = await Find(ownerKind, ownerId).FirstOrDefaultAsync(ct);
        if (connection is null)
        {
            return false;
        }

        db.EntraConnections.Remove(connection);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private IQueryable<EntraConnection> Find(EntraOwnerKind ownerKind, Guid ownerId) =>
        db.EntraConnections.Where(c => c.OwnerKind == ownerKind && c.OwnerId == ownerId);

    private Task<bool> IsTakenByAnother(EntraConnection connection, CancellationToken ct) =>
        db.EntraConnections.IgnoreQueryFilters().AsNoTracking()
            .AnyAsync(c => c.EntraTenantId == connection.EntraTenantId && c.Id != connection.Id, ct);
}
