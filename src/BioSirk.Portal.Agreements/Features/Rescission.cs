using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Time;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Agreements.Features;

/// <param name="ShortDeadlineConfirmed">The giver finds a deadline under two weeks reasonable all the same.</param>
public sealed record BreachNoticeCommand(Guid AgreementId, Party By, string? Description, DateOnly? RemedyDeadline, Actor Actor, bool ShortDeadlineConfirmed = false);

public sealed record RescindCommand(Guid AgreementId, Party By, Actor Actor);

public sealed record WithdrawBreachNoticeCommand(Guid AgreementId, Party By, Actor Actor);

/// <summary>
/// The agreement cannot be terminated. A party that finds a material breach gives notice with a reasonable deadline
/// to remedy; only after that deadline may it rescind (heve). Every step is recorded.
/// </summary>
public sealed class Rescission(AgreementStore store, AgreementNotices notices, IEnumerable<Contracts.IAgreementRescissionListener> listeners, TimeProvider clock)
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
        if (!result.Succeeded)
        {
            // The refused attempt is recorded too.
            AgreementJournal.Record(store.Db, agreement, command.Actor.Name, now,
                Phrase.Of("Forsøk på å heve avtalen ble avvist: {0}", Phrase.Of(result.Errors[0].Message)));
            await store.SaveAsync(ct);
            return result;
        }

        AgreementJournal.Record(store.Db, agreement, command.Actor.Name, now, Phrase.Of("Avtalen er hevet etter at fristen for å rette misligholdet gikk ut."));
        await CloseWaitingRequestsAsync(agreement, command.Actor.Name, now, ct);
        var saved = await store.SaveAsync(ct);
        if (saved.Succeeded)
        {
            foreach (var listener in listeners)
            {
                await listener.AgreementRescindedAsync(agreement.Id, new Contracts.AgreementActor(command.Actor.UserId, command.Actor.Name), ct);
            }

            // Rescission ends the agreement for both parties: the other one must hear of it, not find it on the page.
            await notices.ToOtherPartyAsync(agreement, command.By, "Avtalen er hevet",
                Phrase.Of("{0} har hevet «{1}» etter at fristen for å rette misligholdet gikk ut. {2}",
                    agreement.NameOf(command.By), agreement.Title, Phrase.Of(AfterRescission)), ct);
        }

        return saved;
    }

    /// <summary>What a rescission means for the money: approvals already given stand; nothing new is requested.</summary>
    public const string AfterRescission =
        "Det kan ikke sendes flere utbetalingsanmodninger. Utbetalinger fylket godkjente før hevingen, registreres som før; et oppgjør for arbeid som ellers er gjort, avtales mellom partene.";

    public const string ReturnedByRescission = "Avtalen ble hevet før anmodningen ble behandlet.";

    /// <summary>A request the county had not decided falls away with the agreement, so nobody approves it afterwards.</summary>
    private async Task CloseWaitingRequestsAsync(Agreement agreement, string by, DateTime now, CancellationToken ct)
    {
        var waiting = await store.Db.PaymentRequests
            .Where(r => r.AgreementId == agreement.Id && r.Status == PaymentRequestStatus.Sent)
            .ToListAsync(ct);
        foreach (var request in waiting)
        {
            var milestone = agreement.Milestones.Single(m => m.Id == request.MilestoneId);
            request.Return(ReturnedByRescission, by, now);
            milestone.MarkReturned();
            AgreementJournal.Record(store.Db, agreement, by, now,
                Phrase.Of("Utbetalingsanmodningen for «{0}» falt bort: {1}", milestone.Name, ReturnedByRescission));
        }
    }
}
