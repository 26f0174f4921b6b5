using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Members;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Features.Entra;

/// <summary>
/// What the admin sees of a connection: the values as stored, the stamp that guards the next save, and what of it
/// works now and what waits for the host admin.
/// </summary>
public sealed record EntraConnectionView(
    Guid EntraTenantId, string AllowedDomains, string ConcurrencyStamp, IReadOnlyList<string> ActiveDomains, IReadOnlyList<string> PendingDomains)
{
    public bool AwaitsApproval => PendingDomains.Count > 0;
}

/// <summary>A council's connection, or a change of it, that waits for the host admin.</summary>
public sealed record PendingEntraConnection(
    Guid Id, string ConcurrencyStamp, string CouncilName, Guid EntraTenantId, bool IsNewEntraTenant, IReadOnlyList<string> PendingDomains, IReadOnlyList<string> ActiveDomains);

public enum EntraDecision
{
    Done,

    /// <summary>Nothing of that connection waits (decided already, removed, or never there).</summary>
    NotWaiting,

    /// <summary>The council changed the connection after the host admin read it: she must look again.</summary>
    ChangedSinceRead,
}

/// <param name="ConcurrencyStamp">The stamp the form was read with; empty when there was no connection then.</param>
/// <param name="ByHostAdmin">The host admin saves it (a county's connection): approved as saved.</param>
public sealed record SaveEntraConnectionCommand(
    EntraOwnerKind OwnerKind, Guid OwnerId, string? EntraTenantId, string? AllowedDomains, string? ConcurrencyStamp, bool ByHostAdmin = false);

/// <summary>
/// Connects a council or county to its Entra tenant, changes or removes the connection, and lets the host admin
/// approve what a council asks for. The caller has checked that the acting person administers that owner; every
/// change is audited by the entity itself.
/// </summary>
public sealed class EntraConnections(PlatformDbContext db, INotifier notifier, ICurrentTenant currentTenant)
{
    public const string TakenMessage =
        "Denne Entra-leietakeren er allerede koblet til et annet råd eller fylke i portalen. Sjekk at ID-en er riktig; " +
        "er den det, må koblingen der fjernes først (kontakt vertsadministratoren).";

    public async Task<EntraConnectionView?> GetAsync(EntraOwnerKind ownerKind, Guid ownerId, CancellationToken ct = default)
    {
        var connection = await Find(ownerKind, ownerId).AsNoTracking().FirstOrDefaultAsync(ct);
        return connection is null ? null : ViewOf(connection);
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

        if (command.ByHostAdmin)
        {
            connection.Approve();
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
            if (connection.AwaitsApproval)
            {
                await AskHostAdminsAsync(command.OwnerId, ct);
            }

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

    /// <summary>Every council's connection as the host admin's list shows it, by council id.</summary>
    public async Task<Dictionary<Guid, EntraConnectionView>> CouncilConnectionsAsync(CancellationToken ct = default)
    {
        var connections = await CouncilConnections().ToListAsync(ct);
        return connections.ToDictionary(c => c.OwnerId, ViewOf);
    }

    /// <summary>The councils' connections that wait for the host admin, by council name.</summary>
    public async Task<List<PendingEntraConnection>> ListPendingAsync(CancellationToken ct = default)
    {
        var waiting = (await CouncilConnections().ToListAsync(ct)).Where(c => c.AwaitsApproval).ToList();
        var ownerIds = waiting.Select(c => c.OwnerId).ToList();
        var names = await db.Tenants.IgnoreQueryFilters().Where(t => ownerIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return waiting
            .Select(c => new PendingEntraConnection(c.Id, c.ConcurrencyStamp, names.GetValueOrDefault(c.OwnerId, ""), c.EntraTenantId,
                c.ApprovedEntraTenantId != c.EntraTenantId, c.PendingDomains, c.ActiveDomains))
            .OrderBy(c => c.CouncilName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nb-NO"), false))
            .ToList();
    }

    public async Task<EntraDecision> ApproveAsync(Guid connectionId, string? concurrencyStamp, CancellationToken ct = default)
    {
        var (connection, found) = await FindWaitingAsync(connectionId, concurrencyStamp, ct);
        if (connection is null)
        {
            return found;
        }

        connection.Approve();
        await SaveInCouncilsLogAsync(connection, ct);
        await TellCouncilAdminsAsync(connection.OwnerId, Phrase.Of(
            "Vertsadministratoren har godkjent koblingen til Entra ID. Personer med e-post i {0} kan nå logge inn med Microsoft.",
            string.Join(", ", connection.Domains)), ct);
        return EntraDecision.Done;
    }

    /// <summary>Turns down what waits; what was approved before stays.</summary>
    public async Task<EntraDecision> RejectAsync(Guid connectionId, string? concurrencyStamp, CancellationToken ct = default)
    {
        var (connection, found) = await FindWaitingAsync(connectionId, concurrencyStamp, ct);
        if (connection is null)
        {
            return found;
        }

        if (!connection.RejectPending())
        {
            db.EntraConnections.Remove(connection);
        }

        await SaveInCouncilsLogAsync(connection, ct);
        await TellCouncilAdminsAsync(connection.OwnerId, Phrase.Of(
            "Vertsadministratoren godkjente ikke den nye koblingen til Entra ID. Sjekk leietaker-ID-en og domenene, og kontakt vertsadministratoren om hvorfor."), ct);
        return EntraDecision.Done;
    }

    /// <summary>The host admin's decision goes into the council's change log too, where its admins look.</summary>
    private async Task SaveInCouncilsLogAsync(EntraConnection connection, CancellationToken ct)
    {
        using (currentTenant.Use(TenantScope.ForTenant(connection.OwnerId)))
        {
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The connection to decide on, as the host admin saw it; otherwise why not.</summary>
    private async Task<(EntraConnection? Connection, EntraDecision Otherwise)> FindWaitingAsync(Guid connectionId, string? concurrencyStamp, CancellationToken ct)
    {
        var connection = await db.EntraConnections.IgnoreQueryFilters()
            .FirstOrDefaultAsync(c => c.Id == connectionId && c.OwnerKind == EntraOwnerKind.Council, ct);
        return connection switch
        {
            null or { AwaitsApproval: false } => (null, EntraDecision.NotWaiting),
            _ when connection.ConcurrencyStamp != concurrencyStamp => (null, EntraDecision.ChangedSinceRead),
            _ => (connection, EntraDecision.Done),
        };
    }

    private async Task AskHostAdminsAsync(Guid councilId, CancellationToken ct)
    {
        var council = await db.Tenants.IgnoreQueryFilters().Where(t => t.Id == councilId).Select(t => t.Name).FirstOrDefaultAsync(ct);
        var hostAdmins = await db.Users.Where(u => u.IsHostAdmin).Select(u => u.Id).ToListAsync(ct);
        foreach (var hostAdmin in hostAdmins)
        {
            await notifier.NotifyPersonAsync(hostAdmin, new NoticeMessage(
                $"{council} venter på godkjenning av Microsoft-innlogging",
                Phrase.Of("{0} har koblet til en Entra-leietaker eller lagt til e-postdomener. Sjekk at domenene er rådets egne før du godkjenner.", council ?? ""),
                "/vert"), ct);
        }
    }

    private Task TellCouncilAdminsAsync(Guid councilId, Phrase text, CancellationToken ct) =>
        notifier.NotifyCouncilAsync(councilId, CouncilRoles.TenantAdmin,
            new NoticeMessage("Innlogging med Microsoft", text, null), ct);

    private static EntraConnectionView ViewOf(EntraConnection c) =>
        new(c.EntraTenantId, string.Join(", ", c.Domains), c.ConcurrencyStamp, c.ActiveDomains, c.AwaitsApproval ? c.PendingDomains : []);

    /// <summary>Every council's connection, across tenants: the host admin's view.</summary>
    private IQueryable<EntraConnection> CouncilConnections() =>
        db.EntraConnections.IgnoreQueryFilters().AsNoTracking().Where(c => c.OwnerKind == EntraOwnerKind.Council);

    private IQueryable<EntraConnection> Find(EntraOwnerKind ownerKind, Guid ownerId) =>
        db.EntraConnections.Where(c => c.OwnerKind == ownerKind && c.OwnerId == ownerId);

    private Task<bool> IsTakenByAnother(EntraConnection connection, CancellationToken ct) =>
        db.EntraConnections.IgnoreQueryFilters().AsNoTracking()
            .AnyAsync(c => c.EntraTenantId == connection.EntraTenantId && c.Id != connection.Id, ct);
}
