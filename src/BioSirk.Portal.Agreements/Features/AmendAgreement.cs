using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Agreements.Features;

public sealed record AmendAgreementCommand(Guid AgreementId, AgreementTerms Terms, string? Reason, string ConcurrencyStamp, Actor By, Party Party);

/// <summary>
/// A change to a signed agreement (tillegg): a new version, its reason, and the change log of what changed; the other
/// party is told at once, with the reason and what changed.
/// </summary>
public sealed class AmendAgreement(AgreementStore store, AgreementNotices notices, TimeProvider clock)
{
    public async Task<Result?> HandleAsync(AmendAgreementCommand command, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(command.AgreementId, ct);
        if (agreement is null)
        {
            return null;
        }

        store.Db.Entry(agreement).Property(a => a.ConcurrencyStamp).OriginalValue = command.ConcurrencyStamp;
        var before = agreement.ToTerms();
        var result = agreement.Amend(command.Terms, command.Reason);
        if (!result.Succeeded)
        {
            return result;
        }

        var changes = TermsDiff.Between(before, agreement.ToTerms());
        if (changes.Count == 0)
        {
            return Result.Fail("", "Ingenting er endret. Endre vilkårene du vil endre, og skriv begrunnelsen.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        AgreementJournal.RecordVersion(store.Db, agreement, before, command.Reason!.Trim(), command.By.Name, now);
        var changed = Phrase.Join(changes.Select(c => Phrase.Of(c.Field)), ", ");
        AgreementJournal.Record(store.Db, agreement, command.By.Name, now,
            Phrase.Of("Tillegg: versjon {0}. Endret: {1}. Begrunnelse: {2}", agreement.Version, changed, command.Reason.Trim()));
        var saved = await store.SaveAsync(ct);
        if (saved.Succeeded)
        {
            var from = command.Party == Party.County ? agreement.CountyName : agreement.CouncilName;
            var text = Phrase.Of("{0} har laget et tillegg til «{1}» (versjon {2}). Endret: {3}. Begrunnelse: {4}",
                from, agreement.Title, agreement.Version, changed, command.Reason.Trim());
            await (command.Party == Party.County
                ? notices.ToCouncilAsync(agreement, "Tillegg til avtalen", text, ct)
                : notices.ToCountyAsync(agreement, "Tillegg til avtalen", text, ct));
        }

        return saved;
    }
}
