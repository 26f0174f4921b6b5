using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Agreements.Features;

public sealed record DraftAgreementCommand(Guid CouncilId, string CouncilName, Guid CountyId, string CountyName, AgreementTerms Terms, Actor By);

/// <summary>A secretary or a county officer drafts an agreement, usually from the Missions template.</summary>
public sealed class DraftAgreement(AgreementStore store, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(DraftAgreementCommand command, CancellationToken ct = default)
    {
        var errors = AgreementRules.Validate(command.Terms);
        if (errors.Count > 0)
        {
            return Result<Guid>.Fail(errors);
        }

        var agreement = new Agreement(command.CouncilId, command.CountyId, command.CouncilName, command.CountyName, command.Terms);
        store.Db.Agreements.Add(agreement);
        AgreementJournal.Record(store.Db, agreement, command.By.Name, clock.GetUtcNow().UtcDateTime, Phrase.Of("Utkast opprettet."));
        await store.Db.SaveChangesAsync(ct);
        return Result<Guid>.Ok(agreement.Id);
    }
}

/// <param name="Party">Who edits: a signature the other party had given is withdrawn, and that party is told.</param>
public sealed record EditDraftCommand(Guid AgreementId, AgreementTerms Terms, string ConcurrencyStamp, Actor By, Party Party);

public sealed class EditDraft(AgreementStore store, AgreementNotices notices, TimeProvider clock)
{
    /// <returns>null when the agreement is not visible here (404).</returns>
    public async Task<Result?> HandleAsync(EditDraftCommand command, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(command.AgreementId, ct);
        if (agreement is null)
        {
            return null;
        }

        store.Db.Entry(agreement).Property(a => a.ConcurrencyStamp).OriginalValue = command.ConcurrencyStamp;
        var hadSignature = agreement.CouncilSignature is not null || agreement.CountySignature is not null;
        var otherPartySigned = (command.Party == Party.Council ? agreement.CountySignature : agreement.CouncilSignature) is not null;
        var result = agreement.EditDraft(command.Terms);
        if (!result.Succeeded)
        {
            return result;
        }

        AgreementJournal.Record(store.Db, agreement, command.By.Name, clock.GetUtcNow().UtcDateTime,
            hadSignature ? Phrase.Of("Utkastet er endret; signaturen som var gitt, er trukket tilbake.") : Phrase.Of("Utkastet er endret."));
        var saved = await store.SaveAsync(ct);
        if (saved.Succeeded && otherPartySigned)
        {
            await notices.ToOtherPartyAsync(agreement, command.Party, "Utkastet er endret",
                Phrase.Of("{0} har endret utkastet «{1}» etter at dere signerte. Signaturen deres er trukket tilbake: les utkastet, og signer på nytt.",
                    agreement.NameOf(command.Party), agreement.Title), ct);
        }

        return saved;
    }
}
