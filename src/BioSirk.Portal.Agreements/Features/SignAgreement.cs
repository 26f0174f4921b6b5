using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Time;

namespace BioSirk.Portal.Agreements.Features;

public sealed record SignAgreementCommand(Guid AgreementId, Party Party, string ConcurrencyStamp, Actor By);

/// <summary>A party signs; the second signature puts the agreement in force and makes the first milestone payable.</summary>
public sealed class SignAgreement(AgreementStore store, AgreementNotices notices, TimeProvider clock)
{
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
        AgreementJournal.Record(store.Db, agreement, command.By.Name, now, $"Signert for {who}.");
        if (agreement.Status == AgreementStatus.Signed)
        {
            AgreementJournal.RecordVersion(store.Db, agreement, null, null, command.By.Name, now);
            foreach (var milestone in agreement.Milestones.Where(m => m.State == MilestoneState.Payable))
            {
                AgreementJournal.Record(store.Db, agreement, command.By.Name, now,
                    $"Avtalen er i kraft (versjon 1). «{milestone.Name}» kan utbetales: {Norwegian.Kroner(milestone.Amount!.Value)}.");
            }
        }

        var saved = await store.SaveAsync(ct);
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
                    $"{agreement.CouncilName} har signert «{agreement.Title}». Fylket signerer på avtalens side.", ct)
                : notices.ToCouncilAsync(agreement, "Avtale til signering",
                    $"{agreement.CountyName} har signert «{agreement.Title}». Sekretariatet signerer for rådet på avtalens side.", ct);
        }

        var inForce = $"«{agreement.Title}» er signert av begge parter og er i kraft.";
        return signedBy == Party.Council
            ? notices.ToCountyAsync(agreement, "Avtalen er i kraft", $"{inForce} {agreement.CouncilName} kan nå sende utbetalingsanmodning.", ct)
            : notices.ToCouncilAsync(agreement, "Avtalen er i kraft", inForce + string.Concat(agreement.Milestones.Where(m => m.State == MilestoneState.Payable)
                .Select(m => $" Send utbetalingsanmodning for «{m.Name}» ({Norwegian.Kroner(m.Amount!.Value)}) på avtalens side.")), ct);
    }
}
