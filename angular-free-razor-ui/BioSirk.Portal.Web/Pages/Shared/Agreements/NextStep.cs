using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.SharedKernel.Formatting;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Pages.Shared.Agreements;

/// <summary>What the person looking at the agreement has to do next, in one sentence in her language.</summary>
public static class NextStep
{
    public static string For(AgreementDetails d, Party viewer, bool canAct, IStringLocalizer t)
    {
        var a = d.Agreement;
        var other = viewer == Party.Council ? a.CountyName : a.CouncilName;
        if (!canAct)
        {
            return t["Du kan lese avtalen. Sekretariatet i rådet og fylkesrådgiveren gjør endringene."];
        }

        switch (a.Status)
        {
            case AgreementStatus.Draft when !a.HasSigned(viewer):
                return viewer == Party.Council
                    ? t["Les gjennom utkastet, rett det som må rettes, og signer for rådet."]
                    : t["Les gjennom utkastet, rett det som må rettes, og signer for fylket."];
            case AgreementStatus.Draft:
                return t["Dere har signert. Avtalen venter på signatur fra {0}.", other];
            case AgreementStatus.Signed or AgreementStatus.FinalReportSubmitted or AgreementStatus.Approved:
                return Answer(a, viewer, other, t) ?? Money(d, viewer, t) ?? (a.Status switch
                {
                    AgreementStatus.Approved => t["Sluttrapporten er godkjent. Sluttoppgjøret gjenstår."],
                    AgreementStatus.FinalReportSubmitted => viewer == Party.Council
                        ? t["Sluttrapporten er levert. Fylket vurderer den."]
                        : t["Sluttrapporten er levert. Les den, og godkjenn den eller send den tilbake med merknader."],
                    _ when a.FinalReportReturned => viewer == Party.Council
                        ? t["Fylket sendte sluttrapporten tilbake med merknader. Rett den, og lever den på nytt innen {0}.", Norwegian.Date(a.ReportDeadline)]
                        : t["Sluttrapporten er sendt tilbake til rådet. Den kommer til deg igjen når rådet har levert den på nytt."],
                    _ => viewer == Party.Council
                        ? t["Registrer timer og kostnader fortløpende. Skriv sluttrapporten og lever den innen {0}.", Norwegian.Date(a.ReportDeadline)]
                        : t["Ingenting venter på deg nå. Rådet registrerer timer og kostnader."],
                });
            case AgreementStatus.Settled:
                return t["Avtalen er avsluttet: sluttrapporten er godkjent og sluttoppgjøret gjort."];
            default:
                return AfterRescission(d, viewer, t);
        }
    }

    /// <summary>A payment the county approved before the rescission is still registered; nothing else is left to do.</summary>
    private static string AfterRescission(AgreementDetails d, Party viewer, IStringLocalizer t)
    {
        var approved = d.Agreement.Milestones.OrderBy(m => m.Number).FirstOrDefault(m => m.IsReadyForPayment(d.Requests));
        if (approved is null)
        {
            return t["Avtalen er hevet. Det sendes ikke flere utbetalingsanmodninger."];
        }

        var amount = Norwegian.Kroner(approved.Amount ?? 0);
        return viewer == Party.Council
            ? t["Avtalen er hevet. Fylket godkjente utbetalingsanmodningen for «{0}» ({1}) før hevingen; den registreres her når pengene er betalt.", approved.Name, amount]
            : t["Avtalen er hevet. Du godkjente utbetalingsanmodningen for «{0}» ({1}) før hevingen: registrer utbetalingen når den er betalt.", approved.Name, amount];
    }

    /// <summary>
    /// What the other party asks of her first: a breach notice to remedy before its deadline, then an amendment to
    /// accept or reject. These outrank the money, since the agreement's terms or its life depend on them.
    /// </summary>
    private static string? Answer(Agreement a, Party viewer, string other, IStringLocalizer t)
    {
        if (a.BreachNotices.Where(n => n.By != viewer).OrderBy(n => n.RemedyDeadline).FirstOrDefault() is { } notice)
        {
            return t["{0} har sendt varsel om mislighold: {1}. Rett forholdet innen {2}, ellers kan avtalen heves.",
                other, notice.Description.TrimEnd('.'), Norwegian.Date(notice.RemedyDeadline)].Value;
        }

        return a.PendingAmendment is { } proposal && proposal.By != viewer
            ? t["{0} har foreslått et tillegg til avtalen: godta eller avvis det under «Forslag til tillegg».", other].Value
            : null;
    }

    /// <summary>The council's part of the money: a request to send (again), a repayment to make, or the county's turn.</summary>
    private static string? ForCouncil(AgreementDetails d, List<PaymentMilestone> milestones, IStringLocalizer t)
    {
        // A milestone has at most one request in play (sent or approved); the others were sent back, the last decided last.
        PaymentRequest? LatestRequest(PaymentMilestone m) => d.Requests.Where(r => r.MilestoneId == m.Id)
            .OrderBy(r => r.Status == PaymentRequestStatus.Returned).ThenByDescending(r => r.DecidedAtUtc).FirstOrDefault();

        if (milestones.FirstOrDefault(m => m.State == MilestoneState.Payable && m.Amount > 0) is { } payable)
        {
            return LatestRequest(payable) is { Status: PaymentRequestStatus.Returned } returned
                ? t["Fylket sendte utbetalingsanmodningen for «{0}» tilbake: «{1}» Rett det, og send en ny anmodning.", payable.Name, returned.DecisionComment ?? ""].Value
                : t["Send utbetalingsanmodning for «{0}» ({1}).", payable.Name, Norwegian.Kroner(payable.Amount!.Value)].Value;
        }

        if (milestones.FirstOrDefault(m => m.State == MilestoneState.Payable && m.Amount < 0) is { } repayment)
        {
            return t["Betal tilbake {0} til {1} («{2}»). Fylket registrerer tilbakebetalingen når pengene er kommet.",
                Norwegian.Kroner(-repayment.Amount!.Value), d.Agreement.CountyName, repayment.Name].Value;
        }

        if (milestones.FirstOrDefault(m => m.State == MilestoneState.Requested) is not { } requested)
        {
            return null;
        }

        return LatestRequest(requested) is { Status: PaymentRequestStatus.Approved }
            ? t["Fylket har godkjent utbetalingsanmodningen for «{0}» ({1}). Den registreres her når pengene er betalt.", requested.Name, Norwegian.Kroner(requested.Amount ?? 0)].Value
            : t["Utbetalingsanmodningen for «{0}» ({1}) ligger hos fylket til behandling.", requested.Name, Norwegian.Kroner(requested.Amount ?? 0)].Value;
    }

    private static string? Money(AgreementDetails d, Party viewer, IStringLocalizer t)
    {
        var milestones = d.Agreement.Milestones.OrderBy(m => m.Number).ToList();
        if (viewer == Party.Council)
        {
            return ForCouncil(d, milestones, t);
        }

        if (d.Requests.Any(r => r.Status == PaymentRequestStatus.Sent))
        {
            return t["Behandle utbetalingsanmodningen fra rådet: godkjenn den, eller send den tilbake med en kommentar."];
        }

        var due = milestones.FirstOrDefault(m => m.State == MilestoneState.Payable && m.Amount <= 0)
                  ?? milestones.FirstOrDefault(m => m.State == MilestoneState.Requested);
        return due is null ? null : due.Amount < 0
            ? t["Registrer tilbakebetalingen fra rådet for «{0}» ({1}).", due.Name, Norwegian.Kroner(-due.Amount!.Value)].Value
            : t["Registrer utbetalingen for «{0}» ({1}).", due.Name, Norwegian.Kroner(due.Amount ?? 0)].Value;
    }
}
