using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Time;

namespace BioSirk.Portal.Agreements.Features;

public sealed record SignAgreementCommand(Guid AgreementId, Party Party, string ConcurrencyStamp, Actor By);

/// <summary>A party signs; the second signature puts the agreement in force and makes the first milestone payable.</summary>
public sealed class SignAgreement(AgreementStore store, AgreementNotices notices, TimeProvider clock)
{
    public const string ChangedWhileReading =
        "Noen andre endret avtalen mens du leste den, så den er ikke signert. Siden viser nå avtalen slik den er lagret: les den, og signer igjen hvis du er enig.";

    public async Task<Result?> HandleAsync(SignAgreementCommand command, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(command.AgreementId, ct);
        if (agreement is null)
        {
            return null;
        }

        store.Db.Entry(agreement).Property(a => a.ConcurrencyStamp).OriginalValue = command.ConcurrencyStamp;
        var now = clock.GetUtcNow().UtcDateTime;
        var result = agreement.Sign(command.Party, command.By.UserId, command.By.Name, now, Oslo.Today(clock));
        if (!result.Succeeded)
        {
            return result;
        }

        var who = command.Party == Party.Council ? agreement.CouncilName : agreement.CountyName;
        AgreementJournal.Record(store.Db, agreement, command.By.Name, now, Phrase.Of("Signert for {0}.", who));
        if (agreement.Status == AgreementStatus.Signed)
        {
            AgreementJournal.RecordVersion(store.Db, agreement, null, null, command.By.Name, now);
            foreach (var milestone in agreement.Milestones.Where(m => m.State == MilestoneState.Payable))
            {
                AgreementJournal.Record(store.Db, agreement, command.By.Name, now,
                    Phrase.Of("Avtalen er i kraft (versjon 1). «{0}» kan utbetales: {1}.", milestone.Name, Norwegian.Kroner(milestone.Amount!.Value)));
            }
        }

        var saved = await store.SaveAsync(ct);
        if (saved.IsStale)
        {
            return Result.Stale("", ChangedWhileReading); // a signature is for the text as read, so no signing over the change
        }

        if (saved.Succeeded)
        {
            await TellTheOtherPartyAsync(agreement, command.Party, ct);
        }

        return saved;
    }

    private Task TellTheOtherPartyAsync(Agreement agreement, Party signedBy, CancellationToken ct)
    {
        if (agreement.Status == AgreementStatus.Draft)
        {
            return signedBy == Party.Council
                ? notices.ToCountyAsync(agreement, "Avtale til signering",
                    Phrase.Of("{0} har signert «{1}». Fylket signerer på avtalens side.", agreement.CouncilName, agreement.Title), ct)
                : notices.ToCouncilAsync(agreement, "Avtale til signering",
                    Phrase.Of("{0} har signert «{1}». Sekretariatet signerer for rådet på avtalens side.", agreement.CountyName, agreement.Title), ct);
        }

        var inForce = Phrase.Of("«{0}» er signert av begge parter og er i kraft.", agreement.Title);
        return signedBy == Party.Council
            ? notices.ToCountyAsync(agreement, "Avtalen er i kraft",
                Phrase.Join([inForce, Phrase.Of("{0} kan nå sende utbetalingsanmodning.", agreement.CouncilName)]), ct)
            : notices.ToCouncilAsync(agreement, "Avtalen er i kraft", Phrase.Join([inForce, .. agreement.Milestones.Where(m => m.State == MilestoneState.Payable)
                .Select(m => Phrase.Of("Send utbetalingsanmodning for «{0}» ({1}) på avtalens side.", m.Name, Norwegian.Kroner(m.Amount!.Value)))]), ct);
    }
}
