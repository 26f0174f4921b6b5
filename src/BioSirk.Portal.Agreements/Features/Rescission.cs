using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Time;

namespace BioSirk.Portal.Agreements.Features;

/// <param name="ShortDeadlineConfirmed">The giver finds a deadline under two weeks reasonable all the same.</param>
public sealed record BreachNoticeCommand(Guid AgreementId, Party By, string? Description, DateOnly? RemedyDeadline, Actor Actor, bool ShortDeadlineConfirmed = false);

public sealed record RescindCommand(Guid AgreementId, Party By, Actor Actor);

public sealed record WithdrawBreachNoticeCommand(Guid AgreementId, Party By, Actor Actor);

/// <summary>
/// The agreement cannot be terminated. A party that finds a material breach gives notice with a reasonable deadline
/// to remedy; only after that deadline may it rescind (heve). Every step is recorded.
/// </summary>
public sealed class Rescission(AgreementStore store, AgreementNotices notices, TimeProvider clock)
{
    public async Task<Result?> GiveNoticeAsync(BreachNoticeCommand command, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(command.AgreementId, ct);
        if (agreement is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var result = agreement.GiveBreachNotice(command.By, command.Description, command.RemedyDeadline, Oslo.Today(clock), command.ShortDeadlineConfirmed,
            command.Actor.UserId, command.Actor.Name, now);
        if (!result.Succeeded)
        {
            return result;
        }

        AgreementJournal.Record(store.Db, agreement, command.Actor.Name, now,
            Phrase.Of("Varsel om vesentlig mislighold. Frist for å rette: {0}. {1}", Norwegian.Date(command.RemedyDeadline!.Value), command.Description!.Trim()));
        var saved = await store.SaveAsync(ct);
        if (saved.Succeeded)
        {
            // A formal notice with a deadline: the other party must hear of it, not find it on the page.
            await notices.ToOtherPartyAsync(agreement, command.By, "Varsel om mislighold",
                Phrase.Of("{0} har varslet vesentlig mislighold av «{1}»: {2} Rett forholdet innen {3}, ellers kan avtalen heves.",
                    agreement.NameOf(command.By), agreement.Title, WithFullStop(command.Description.Trim()), Norwegian.Date(command.RemedyDeadline.Value)), ct);
        }

        return saved;
    }

    /// <summary>The giver takes its notice back (the breach was remedied); the other party hears that the threat is gone.</summary>
    public async Task<Result?> WithdrawNoticeAsync(WithdrawBreachNoticeCommand command, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(command.AgreementId, ct);
        if (agreement is null)
        {
            return null;
        }

        var result = agreement.WithdrawBreachNotice(command.By);
        if (!result.Succeeded)
        {
            return result;
        }

        AgreementJournal.Record(store.Db, agreement, command.Actor.Name, clock.GetUtcNow().UtcDateTime,
            Phrase.Of("Varselet om mislighold er trukket tilbake."));
        var saved = await store.SaveAsync(ct);
        if (saved.Succeeded)
        {
            await notices.ToOtherPartyAsync(agreement, command.By, "Varsel om mislighold trukket",
                Phrase.Of("{0} har trukket tilbake varselet om mislighold av «{1}». Avtalen løper som før.", agreement.NameOf(command.By), agreement.Title), ct);
        }

        return saved;
    }

    private static string WithFullStop(string text) => text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') ? text : text + ".";

    public async Task<Result?> RescindAsync(RescindCommand command, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(command.AgreementId, ct);
        if (agreement is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var result = agreement.Rescind(command.By, Oslo.Today(clock), now);
        AgreementJournal.Record(store.Db, agreement, command.Actor.Name, now, result.Succeeded
            ? Phrase.Of("Avtalen er hevet etter at fristen for å rette misligholdet gikk ut.")
            : Phrase.Of("Forsøk på å heve avtalen ble avvist: {0}", Phrase.Of(result.Errors[0].Message)));
        var saved = await store.SaveAsync(ct);
        return result.Succeeded ? saved : result;
    }
}
