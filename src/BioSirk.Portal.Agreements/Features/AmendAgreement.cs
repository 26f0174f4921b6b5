using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Agreements.Features;

public sealed record AmendAgreementCommand(Guid AgreementId, AgreementTerms Terms, string? Reason, string ConcurrencyStamp, Actor By, Party Party);

/// <param name="ProposalId">The proposal the party read: a proposal replaced meanwhile is not answered unread.</param>
public sealed record AnswerAmendmentCommand(Guid AgreementId, Guid ProposalId, Party Party, Actor By, string? Comment = null);

/// <summary>A proposal, with what it would change: what the answering party reads before it accepts.</summary>
public sealed record AmendmentView(AmendmentProposal Proposal, IReadOnlyList<TermChange> Changes);

/// <summary>
/// A change to a signed agreement (tillegg) is agreed by both parties: one proposes it with its reason, the other
/// accepts it (a new version, and the change log of what changed) or rejects it with a comment. Each step is recorded,
/// and the other party is told at once.
/// </summary>
public sealed class AmendAgreement(AgreementStore store, AgreementNotices notices, TimeProvider clock)
{
    public async Task<Result?> ProposeAsync(AmendAgreementCommand command, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(command.AgreementId, ct);
        if (agreement is null)
        {
            return null;
        }

        store.Db.Entry(agreement).Property(a => a.ConcurrencyStamp).OriginalValue = command.ConcurrencyStamp;
        var changes = TermsDiff.Between(agreement.ToTerms(), command.Terms);
        var now = clock.GetUtcNow().UtcDateTime;
        var budgetErrors = await AmendmentBudgetChecks.CheckAsync(store.Db, agreement.Id, command.Terms, ct);
        // Every refusal is known before the agreement is touched: the page shown again reads this same entity, and a
        // proposal put on it and then refused would show as sent.
        var refusal = agreement.AmendmentRefusal(command.Terms, command.Reason, command.Party);
        if (!refusal.Succeeded || budgetErrors.Count > 0)
        {
            return Result.Fail([.. refusal.Errors, .. budgetErrors]);
        }

        if (changes.Count == 0)
        {
            return Result.Fail("", "Ingenting er endret. Endre vilkårene du vil endre, og skriv begrunnelsen.");
        }

        var result = agreement.ProposeAmendment(command.Terms, command.Reason, command.Party, AgreementJournal.Serialize(command.Terms),
            command.By.UserId, command.By.Name, now);
        if (!result.Succeeded)
        {
            return result;
        }

        var changed = Changed(changes);
        AgreementJournal.Record(store.Db, agreement, command.By.Name, now,
            Phrase.Of("Forslag til tillegg. Endrer: {0}. Begrunnelse: {1}", changed, command.Reason!.Trim()));
        var saved = await store.SaveAsync(ct);
        if (saved.Succeeded)
        {
            await notices.ToOtherPartyAsync(agreement, command.Party, "Forslag til tillegg",
                Phrase.Of("{0} foreslår et tillegg til «{1}». Endrer: {2}. Begrunnelse: {3} Godta eller avvis forslaget på avtalesiden.",
                    agreement.NameOf(command.Party), agreement.Title, changed, command.Reason.Trim()), ct);
        }

        return saved;
    }

    public async Task<Result?> AcceptAsync(AnswerAmendmentCommand command, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(command.AgreementId, ct);
        if (agreement?.PendingAmendment is not { } proposal)
        {
            return agreement is null ? null : Result.Fail("", "Det er ikke noe forslag til tillegg å svare på.");
        }

        var before = agreement.ToTerms();
        var terms = AgreementJournal.Deserialize(proposal.TermsJson);
        if (proposal.Id == command.ProposalId && proposal.By != command.Party
            && await AmendmentBudgetChecks.CheckAsync(store.Db, agreement.Id, terms, ct) is { Count: > 0 } budgetErrors)
        {
            return Result.Fail("", "Tillegget kan ikke godtas slik det er: " + string.Join(" ", budgetErrors.Select(e => e.Message)) + " Avvis det, og be om et nytt forslag.");
        }

        var today = SharedKernel.Time.Oslo.Today(clock);
        var result = agreement.AcceptAmendment(command.Party, command.ProposalId, terms, today);
        if (!result.Succeeded)
        {
            return result;
        }

        if (agreement.HourRate != before.HourRate)
        {
            // Hours are not registered ahead of their day, so only today's can meet the new rate.
            foreach (var hours in await store.Db.Hours.Where(h => h.AgreementId == agreement.Id && h.Date >= today).ToListAsync(ct))
            {
                hours.Reprice(agreement);
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changed = Changed(TermsDiff.Between(before, agreement.ToTerms()));
        AgreementJournal.RecordVersion(store.Db, agreement, before, proposal.Reason, $"{proposal.Name}, {command.By.Name}", now);
        AgreementJournal.Record(store.Db, agreement, command.By.Name, now,
            Phrase.Of("Tillegg godtatt: versjon {0}. Endret: {1}. Begrunnelse: {2}", agreement.Version, changed, proposal.Reason));
        AgreementJournal.RecordDue(store.Db, agreement, agreement.MakeDatedPaymentsDue(today, now), command.By.Name, now);
        var saved = await store.SaveAsync(ct);
        if (saved.Succeeded)
        {
            await notices.ToOtherPartyAsync(agreement, command.Party, "Tillegg godtatt",
                Phrase.Of("{0} har godtatt tillegget til «{1}». Versjon {2} gjelder nå. Endret: {3}.",
                    agreement.NameOf(command.Party), agreement.Title, agreement.Version, changed), ct);
        }

        return saved;
    }

    public async Task<Result?> RejectAsync(AnswerAmendmentCommand command, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(command.AgreementId, ct);
        if (agreement is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(command.Comment))
        {
            return Result.Fail("Comment", "Skriv hvorfor dere avviser forslaget, så den andre parten vet hva som må endres.");
        }

        var result = agreement.RejectAmendment(command.Party, command.ProposalId);
        if (!result.Succeeded)
        {
            return result;
        }

        var comment = command.Comment.Trim();
        AgreementJournal.Record(store.Db, agreement, command.By.Name, clock.GetUtcNow().UtcDateTime, Phrase.Of("Forslaget til tillegg er avvist: {0}", comment));
        var saved = await store.SaveAsync(ct);
        if (saved.Succeeded)
        {
            await notices.ToOtherPartyAsync(agreement, command.Party, "Tillegg avvist",
                Phrase.Of("{0} har avvist forslaget til tillegg til «{1}»: {2}", agreement.NameOf(command.Party), agreement.Title, comment), ct);
        }

        return saved;
    }

    public async Task<Result?> WithdrawAsync(AnswerAmendmentCommand command, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(command.AgreementId, ct);
        if (agreement is null)
        {
            return null;
        }

        var result = agreement.WithdrawAmendment(command.Party);
        if (!result.Succeeded)
        {
            return result;
        }

        AgreementJournal.Record(store.Db, agreement, command.By.Name, clock.GetUtcNow().UtcDateTime, Phrase.Of("Forslaget til tillegg er trukket tilbake."));
        var saved = await store.SaveAsync(ct);
        if (saved.Succeeded)
        {
            await notices.ToOtherPartyAsync(agreement, command.Party, "Forslag til tillegg trukket",
                Phrase.Of("{0} har trukket tilbake forslaget til tillegg til «{1}».", agreement.NameOf(command.Party), agreement.Title), ct);
        }

        return saved;
    }

    /// <summary>The pending proposal and what it would change from the terms in force; null when there is none.</summary>
    public static AmendmentView? ViewOf(Agreement agreement) => agreement.PendingAmendment is { } proposal
        ? new AmendmentView(proposal, TermsDiff.Between(agreement.ToTerms(), AgreementJournal.Deserialize(proposal.TermsJson)))
        : null;

    /// <summary>The proposed terms, for the proposer to revise.</summary>
    public static AgreementTerms? ProposedTerms(Agreement agreement) =>
        agreement.PendingAmendment is { } proposal ? AgreementJournal.Deserialize(proposal.TermsJson) : null;

    private static Phrase Changed(IEnumerable<TermChange> changes) => Phrase.Join(changes.Select(c => Phrase.Of(c.Field)), ", ");

}
