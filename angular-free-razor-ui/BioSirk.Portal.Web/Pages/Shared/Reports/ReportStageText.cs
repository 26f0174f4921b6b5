using BioSirk.Portal.Agreements.Contracts;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.Reporting.Features;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Pages.Shared.Reports;

/// <summary>
/// The final report's state and next step in words, for the council's and the county's pages, in the reader's language
/// (<see cref="Hint"/> and <see cref="Decision"/> are looked up by the pages).
/// </summary>
public static class ReportStageText
{
    private const string Rescinded = "Avtalen er hevet, så det leveres ingen sluttrapport.";

    public static string For(FinalReportView v, IStringLocalizer t) => v.Report is null
        ? t["Ikke påbegynt"]
        : v.Stage switch
        {
            ReportStage.Submitted => t["Levert (versjon {0}) – hos fylket", v.Pending?.Version ?? 0],
            ReportStage.Approved => t["Godkjent"],
            _ when v.Returned is not null => t["Sendt tilbake (versjon {0}) – under arbeid", v.Returned.Version],
            _ => t["Utkast"],
        };

    public static string NextStepForCouncil(FinalReportView v, bool canSubmit, IStringLocalizer t) => v.Stage switch
    {
        _ when v.Agreement.Stage == AgreementReportStage.NotInForce => t["Sluttrapporten skrives når avtalen er signert av begge parter."],
        _ when v.Agreement.Stage == AgreementReportStage.Rescinded => t[Rescinded],
        ReportStage.Submitted => t["Fylket vurderer rapporten. Dere får beskjed når den er godkjent eller sendt tilbake."],
        ReportStage.Approved => t["Rapporten er godkjent. Sluttoppgjøret står på avtalens side."],
        _ when v.Returned is not null => canSubmit
            ? t["Rett delene fylket har merknader til, og lever rapporten på nytt."]
            : t["Rett delene fylket har merknader til; sekretariatet leverer rapporten på nytt."],
        _ => canSubmit
            ? t["Skriv de fem delene, se over forhåndsvisningen og lever rapporten innen {0}.", SharedKernel.Formatting.Norwegian.Date(v.Agreement.ReportDeadline)]
            : t["Skriv i delene; sekretariatet leverer rapporten innen {0}.", SharedKernel.Formatting.Norwegian.Date(v.Agreement.ReportDeadline)],
    };

    public static string NextStepForCounty(FinalReportView v, IStringLocalizer t) => v.Stage switch
    {
        _ when v.Agreement.Stage == AgreementReportStage.Rescinded => t[Rescinded],
        ReportStage.Submitted => t["Les rapporten, og godkjenn den eller send den tilbake med merknader til delene som må rettes."],
        ReportStage.Approved => t["Rapporten er godkjent. Registrer sluttbetalingen (eller tilbakebetalingen) på avtalens side."],
        _ when v.Returned is not null => t["Rapporten er sendt tilbake. Rådet leverer en ny versjon."],
        _ => t["Rådet har ikke levert sluttrapporten ennå."],
    };

    public static string Hint(ReportSection section) => section switch
    {
        ReportSection.Activities => "Hva er gjort i perioden: møter, kartlegginger, tiltak, med tid og sted.",
        ReportSection.Results => "Svar på hvert delmål i avtalen, ett avsnitt per delmål. Indikatorene tas med automatisk.",
        ReportSection.Deviations => "Hva ble annerledes enn planlagt, og hvorfor. Skriv «Ingen avvik» hvis det ikke var noen.",
        ReportSection.UseOfFunds => "Hvordan timene og kostnadene fordelte seg. Tallene og sluttoppgjøret tas med automatisk.",
        _ => "Hva skjer videre etter avtaleperioden, og hvem har ansvaret.",
    };

    public static string Decision(ReportDecision decision) => decision switch
    {
        ReportDecision.Pending => "Venter på fylket",
        ReportDecision.Returned => "Sendt tilbake",
        ReportDecision.Approved => "Godkjent",
        _ => "Avbrutt",
    };
}
