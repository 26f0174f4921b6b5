using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Agreements.Features;

/// <param name="Party">Who deletes: the other party is told when it had signed the draft.</param>
public sealed record DeleteDraftAgreementCommand(Guid AgreementId, bool Confirms, string ConcurrencyStamp, Actor By, Party Party);

/// <summary>
/// Either party deletes a draft that should not become an agreement (made twice, or abandoned). A signed agreement is
/// never deleted: it is amended, or rescinded after a breach notice. The draft's history goes with it; the audit log
/// keeps that it existed and who deleted it.
/// </summary>
public sealed class DeleteDraftAgreement(AgreementStore store, AgreementNotices notices)
{
    public const string ConfirmField = "ConfirmsDeletion";

    /// <returns>null when the agreement is not visible here (404); the deleted draft's title when it went.</returns>
    public async Task<Result<string>?> HandleAsync(DeleteDraftAgreementCommand command, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(command.AgreementId, ct);
        if (agreement is null)
        {
            return null;
        }

        if (agreement.Status != AgreementStatus.Draft)
        {
            return Result<string>.Fail("", "Bare et utkast kan slettes. En signert avtale endres med et tillegg, eller heves etter varsel om mislighold.");
        }

        if (!command.Confirms)
        {
            return Result<string>.Fail(ConfirmField, "Kryss av for at du vil slette utkastet. Slettingen kan ikke angres.");
        }

        store.Db.Entry(agreement).Property(a => a.ConcurrencyStamp).OriginalValue = command.ConcurrencyStamp;
        var otherPartySigned = (command.Party == Party.Council ? agreement.CountySignature : agreement.CouncilSignature) is not null;
        store.Db.Events.RemoveRange(await store.Db.Events.Where(e => e.AgreementId == agreement.Id).ToListAsync(ct));
        store.Db.Versions.RemoveRange(await store.Db.Versions.Where(v => v.AgreementId == agreement.Id).ToListAsync(ct));
        store.Db.Agreements.Remove(agreement);
        var saved = await store.SaveAsync(ct);
        if (!saved.Succeeded)
        {
            return Result<string>.Fail(saved.Errors);
        }

        if (otherPartySigned)
        {
            await notices.ToOtherPartyWithoutLinkAsync(agreement, command.Party, "Utkastet er slettet",
                Phrase.Of("{0} har slettet utkastet «{1}», som dere hadde signert. Det blir ingen avtale av det.", agreement.NameOf(command.Party), agreement.Title), ct);
        }

        return Result<string>.Ok(agreement.Title);
    }
}
