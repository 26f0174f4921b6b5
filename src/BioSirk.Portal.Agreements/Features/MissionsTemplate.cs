using BioSirk.Portal.Agreements.Domain;

namespace BioSirk.Portal.Agreements.Features;

/// <summary>
/// The "Missions-avtale" template: the text and figures of Buskerud fylkeskommune's agreement with Regionrådet for
/// Hallingdal (seed 002), so that an agreement like it is drafted in about a minute.
/// </summary>
public static class MissionsTemplate
{
    public const string Title = "Missionssatsingen på sirkulær grønn nærings- og industriutvikling";

    /// <summary>
    /// The year a new draft is for: this year, or the next once this year's activities deadline (30 November) is less
    /// than two months away, so that a draft made in the autumn does not start with deadlines that have passed.
    /// </summary>
    public static int YearOf(DateOnly today) => today.AddMonths(2) > new DateOnly(today.Year, 11, 30) ? today.Year + 1 : today.Year;

    /// <summary>
    /// The template for a council and a county, with the organisation number and contact persons that each keeps in the
    /// portal (the council's admin in the council's details, the host admin for the county, with the order and project
    /// numbers the county's invoices carry).
    /// </summary>
    public static AgreementTerms For(TemplateParty council, TemplateParty county, int year) => For(council.Name, county.Name, year) with
    {
        CouncilOrganisationNumber = council.OrganisationNumber,
        CouncilContactName = council.ContactName,
        CouncilContactEmail = council.ContactEmail,
        CountyContactName = county.ContactName,
        CountyContactEmail = county.ContactEmail,
        OrderNumber = county.InvoiceOrderNumber,
        ProjectNumber = county.InvoiceProjectNumber,
    };

    private static AgreementTerms For(string councilName, string countyName, int year) => new()
    {
        Title = Title,
        Purpose =
            "Formålet er å skape gode samarbeidsarenaer mellom næringsliv, utdanning og kommuner, og teste metoder for " +
            "kompetansebygging og erfaringsdeling. Målet er å legge til rette for at bedrifter, myndigheter på alle nivåer, " +
            "forskere, investorer, lokalsamfunn og innbyggere sammen kan løse samfunnsoppdragene.",
        SubGoals = string.Join('\n',
            "Mobilisere og inspirere politikere, kommuner, bedrifter, forskningsmiljø, borgere og andre interessenter til en felles satsing på grønn omstilling og sirkulærøkonomi",
            $"Etablere en samarbeidsarena for {ShortName(councilName)} som kan følge opp missionssatsingen",
            "Utvikle og teste alternative metoder og modeller for kompetanseoppbygging og erfaringsutveksling",
            "Etablere gode metoder og modeller for kompetanseoppbygging og erfaringsutveksling som kan brukes i arbeidet med oppfølging av samarbeidsarenaer",
            "Utvikling av et forslag til videre oppfølging som en del av sluttrapporten"),
        PeriodStart = new DateOnly(year, 1, 15),
        PeriodEnd = new DateOnly(year, 12, 31),
        ActivitiesDeadline = new DateOnly(year, 11, 30),
        ReportDeadline = new DateOnly(year, 12, 31),
        FrameAmount = 150_000m,
        HourRate = 900m,
        DirectCostRule = "Direkte kostnader dekkes uten påslag.",
        InvoiceText = Title,
        RequiredDocumentation = string.Join('\n',
            "Timelister",
            "Dokumentasjon for gjennomførte aktiviteter og kostnader (bilag)",
            "Sluttrapport med oppdaterte resultatindikatorer"),
        Terms = string.Join("\n\n",
            $"Avtalen utløper når sluttrapporteringen for prosjektet er endelig godkjent av {countyName} og de siste avregningene i prosjektet er gjennomført.",
            "Avtalen kan ikke sies opp.",
            "Avtalen kan heves av en part hvis den misligholdes vesentlig av den andre parten, forutsatt at det er gitt en rimelig frist for å utbedre misligholdet, og utbedring ikke har skjedd innen fristen.",
            $"{councilName} sikrer at {countyName}s retningslinjer for kommunikasjon blir overholdt."),
        Milestones =
        [
            new MilestoneTerms("Ved signering", 75m, MilestoneTrigger.AtSigning, null),
            new MilestoneTerms("Sluttoppgjør når sluttrapport og sluttfaktura med alle bilag er levert og godkjent", 25m, MilestoneTrigger.FinalReportApproved, null),
        ],
        WorkingGroup =
        [
            new WorkingGroupMemberTerms("De fire interkommunale politiske rådene i fylket", "Deltakere"),
            new WorkingGroupMemberTerms("Norsk senter for sirkulærøkonomi (NCCE)", "Faglig partner"),
            new WorkingGroupMemberTerms(countyName, "Oppdragsgiver"),
        ],
    };

    private static string ShortName(string councilName) =>
        councilName.StartsWith("Regionrådet for ", StringComparison.Ordinal) ? councilName["Regionrådet for ".Length..] : councilName;
}

/// <summary>A party as the template names it: its name, and what the portal knows of its number and contact person.</summary>
/// <param name="InvoiceOrderNumber">A county's: the order and project numbers its invoices carry.</param>
public sealed record TemplateParty(
    string Name, string? OrganisationNumber = null, string? ContactName = null, string? ContactEmail = null,
    string? InvoiceOrderNumber = null, string? InvoiceProjectNumber = null);
