using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.SharedKernel.Formatting;

namespace BioSirk.Portal.Web.Pages.Shared.Agreements;

/// <summary>What the person looking at the agreement has to do next, in one sentence.</summary>
public static class NextStep
{
    public static string For(AgreementDetails d, Party viewer, bool canAct)
    {
        var a = d.Agreement;
        var other = viewer == Party.Council ? a.CountyName : a.CouncilName;
        if (!canAct)
        {
            return "Du kan lese avtalen. Sekretariatet i rådet og fylkesrådgiveren gjør endringene.";
        }

        switch (a.Status)
        {
            case AgreementStatus.Draft when !a.HasSigned(viewer):
                return viewer == Party.Council
                    ? "Les gjennom utkastet, rett det som må rettes, og signer for rådet."
                    : "Les gjennom utkastet, rett det som må rettes, og signer for fylket.";
            case AgreementStatus.Draft:
                return $"Dere har signert. Avtalen venter på signatur fra {other}.";
            case AgreementStatus.Signed or AgreementStatus.FinalReportSubmitted or AgreementStatus.Approved:
                return Money(d, viewer) ?? (a.Status switch
                {
                    AgreementStatus.Approved => "Sluttrapporten er godkjent. Sluttoppgjøret gjenstår.",
                    AgreementStatus.FinalReportSubmitted => viewer == Party.Council
                        ? "Sluttrapporten er levert. Fylket vurderer den."
                        : "Sluttrapporten er levert. Les den, og godkjenn den eller send den tilbake med merknader.",
                    _ => viewer == Party.Council
                        ? $"Registrer timer og kostnader fortløpende. Skriv sluttrapporten og lever den innen {Norwegian.Date(a.ReportDeadline)}."
                        : "Ingenting venter på deg nå. Rådet registrerer timer og kostnader.",
                });
            case AgreementStatus.Settled:
                return "Avtalen er avsluttet: sluttrapporten er godkjent og sluttoppgjøret gjort.";
            default:
                return "Avtalen er hevet.";
        }
    }

    private static string? Money(AgreementDetails d, Party viewer)
    {
        var milestones = d.Agreement.Milestones.OrderBy(m => m.Number).ToList();
        if (viewer == Party.Council)
        {
            var payable = milestones.FirstOrDefault(m => m.State == MilestoneState.Payable && m.Amount > 0);
            return payable is null ? null : $"Send utbetalingsanmodning for «{payable.Name}» ({Norwegian.Kroner(payable.Amount!.Value)}).";
        }

        if (d.Requests.Any(r => r.Status == PaymentRequestStatus.Sent))
        {
            return "Behandle utbetalingsanmodningen fra rådet: godkjenn den, eller send den tilbake med en kommentar.";
        }

        var due = milestones.FirstOrDefault(m => m.State == MilestoneState.Payable && m.Amount <= 0)
                  ?? milestones.FirstOrDefault(m => m.State == MilestoneState.Requested);
        return due is null ? null : due.Amount < 0
            ? $"Registrer tilbakebetalingen fra rådet for «{due.Name}» ({Norwegian.Kroner(-due.Amount!.Value)})."
            : $"Registrer utbetalingen for «{due.Name}» ({Norwegian.Kroner(due.Amount ?? 0)}).";
    }
}
