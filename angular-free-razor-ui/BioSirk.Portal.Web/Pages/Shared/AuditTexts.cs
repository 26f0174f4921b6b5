using System.Globalization;
using BioSirk.Portal.Platform.Features.Accounts;
using BioSirk.Portal.SharedKernel.Formatting;

namespace BioSirk.Portal.Web.Pages;

/// <summary>
/// The audit log in words a council admin reads: the entities and fields by their Norwegian names, instants in Oslo
/// time, dates as dd.mm.åååå. The log itself stores the code names, so that it stays exact when the texts change.
/// </summary>
public static class AuditTexts
{
    private static readonly Dictionary<string, string> Entities = new(StringComparer.Ordinal)
    {
        ["AdoptionDecision"] = "Vedtak om veikart", ["AgendaAttachment"] = "Vedlegg til sak", ["AgendaItem"] = "Sak",
        ["Agreement"] = "Avtale", ["County"] = "Fylke", ["CountyMembership"] = "Fylkesrolle", ["DirectCost"] = "Direkte kostnad",
        ["EntraConnection"] = "Microsoft-innlogging", ["FinalReport"] = "Sluttrapport", ["FocusArea"] = "Satsingsområde", ["Goal"] = "Mål",
        ["HourEntry"] = "Timeføring", ["Indicator"] = "Indikator", ["Invitation"] = "Invitasjon", ["Measurement"] = "Måling",
        ["Meeting"] = "Møte", ["MeetingComment"] = "Kommentar i møte", ["MeetingParticipant"] = "Deltaker i møte", ["MinutesPdf"] = "Protokoll (PDF)", ["Partnership"] = "Partnerskap",
        ["PartnershipMember"] = "Medlem av partnerskap", ["Payment"] = "Betaling", ["PaymentMilestone"] = "Utbetaling etter avtalen", ["PaymentRequest"] = "Utbetalingsanmodning",
        ["ReportPdf"] = "Sluttrapport (PDF)", ["ReportSubmission"] = "Levert sluttrapport", ["Roadmap"] = "Veikart",
        ["RoadmapAction"] = "Tiltak", ["RoadmapVersion"] = "Veikartversjon", ["Tenant"] = "Regionråd", ["TenantMembership"] = "Medlemskap",
        ["PortalUser"] = "Bruker",
        ["Agreement.CouncilSignature"] = "Avtale: rådets signatur", ["Agreement.CountySignature"] = "Avtale: fylkets signatur",
        ["AgendaItem.Links"] = "Sak: lenke", ["RoadmapAction.Links"] = "Tiltak: lenke", ["FinalReport.Attachments"] = "Sluttrapport: vedlegg",
        ["ReportSubmission.Timesheet"] = "Levert sluttrapport: timeliste", ["ReportSubmission.Comments"] = "Levert sluttrapport: merknad",
        ["PaymentRequest.Attachments"] = "Utbetalingsanmodning: vedlegg",
        ["DirectCost.Voucher"] = "Direkte kostnad: bilag", ["Agreement.BreachNotices"] = "Avtale: varsel om mislighold", ["Agreement.PendingAmendment"] = "Avtale: forslag til tillegg",
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["CancelledAtUtc"] = "Avlyst", ["CancellationReason"] = "Grunn til avlysning", ["WithdrawnAtUtc"] = "Trukket", ["WithdrawalReason"] = "Grunn til at saken ble trukket",
        ["Attempts"] = "Forsøk", ["Changes"] = "Endringer", ["DefinedOn"] = "Definert", ["Failure"] = "Feil", ["InvoiceOrderNumber"] = "Bestillernummer",
        ["InvoiceProjectNumber"] = "Prosjektnummer", ["RequestedAtUtc"] = "Bestilt", ["RequestedBy"] = "Bestilt av", ["FinalReportReturned"] = "Sluttrapport sendt tilbake",
        ["AbsenceNote"] = "Merknad om forfall", ["AbsenceReportedAtUtc"] = "Forfall registrert", ["AcceptedAtUtc"] = "Akseptert", ["Activities"] = "Gjennomførte aktiviteter", ["ActivitiesDeadline"] = "Frist for aktivitetene",
        ["Activity"] = "Aktivitet", ["AdoptedResolution"] = "Vedtatt vedtak", ["NoResolution"] = "Ingen vedtak", ["MinutesNote"] = "Notat i protokollen", ["AgreementTitle"] = "Avtale", ["AllowedDomains"] = "Tillatte domener", ["ApprovedDomains"] = "Godkjente domener", ["ApprovedEntraTenantId"] = "Godkjent Entra-leietaker",
        ["Amount"] = "Beløp", ["Assessment"] = "Vurdering", ["AuthorName"] = "Skrevet av", ["AwaitsApproval"] = "Venter på godkjenning",
        ["Background"] = "Bakgrunn", ["BaselineDate"] = "Utgangsdato", ["BaselineValue"] = "Utgangsverdi", ["BreachNotice"] = "Varsel om mislighold",
        ["CaseNumber"] = "Saksnummer", ["CaseReference"] = "Saksreferanse", ["CaseYear"] = "Saksår", ["Comment"] = "Kommentar", ["CompletedAtUtc"] = "Ferdig",
        ["ContactEmail"] = "Kontaktens e-post", ["ContactName"] = "Kontaktperson", ["ContentType"] = "Filtype",
        ["CouncilContactEmail"] = "Rådets kontakt (e-post)", ["CouncilContactName"] = "Rådets kontaktperson", ["CouncilName"] = "Regionråd",
        ["CouncilOrganisationNumber"] = "Rådets org.nr.", ["CouncilSignature"] = "Rådets signatur",
        ["CountyContactEmail"] = "Fylkets kontakt (e-post)", ["CountyContactName"] = "Fylkets kontaktperson", ["CountyName"] = "Fylke",
        ["CountySignature"] = "Fylkets signatur", ["CreatedAtUtc"] = "Opprettet", ["Date"] = "Dato", ["DecidedAtUtc"] = "Avgjort",
        ["DecidedBy"] = "Avgjort av", ["DecidedOn"] = "Vedtaksdato", ["Decision"] = "Avgjørelse", ["DecisionComment"] = "Merknad til avgjørelsen",
        ["DecisionWanted"] = "Ønsket vedtak", ["DeletedAtUtc"] = "Slettet", ["Description"] = "Beskrivelse", ["Deviations"] = "Avvik",
        ["Direction"] = "Retning", ["DirectCostRule"] = "Regel for direkte kostnader", ["DueDate"] = "Forfallsdato", ["EditedAtUtc"] = "Redigert",
        ["Email"] = "E-post", ["EntraTenantId"] = "Microsoft Entra-tenant (ID)", ["End"] = "Slutt", ["EndsAtUtc"] = "Slutter", ["ExpiresAtUtc"] = "Utløper", ["FileName"] = "Filnavn",
        ["FrameAmount"] = "Ramme", ["Frequency"] = "Hyppighet", ["FrozenAtUtc"] = "Låst", ["FrozenByName"] = "Låst av", ["FullName"] = "Navn",
        ["FurtherWork"] = "Videre arbeid", ["HiddenAtUtc"] = "Skjult", ["HiddenByName"] = "Skjult av", ["HourRate"] = "Timepris", ["Hours"] = "Timer",
        ["InvoiceMarking"] = "Fakturamerking", ["InvoiceText"] = "Fakturatekst", ["IsActive"] = "Aktiv", ["Judgement"] = "Vurdering",
        ["JudgementComment"] = "Kommentar til vurderingen", ["Label"] = "Navn på versjonen", ["LastEditedAtUtc"] = "Sist endret",
        ["By"] = "Part", ["GivenOn"] = "Gitt", ["RemedyDeadline"] = "Frist for å rette", ["Reason"] = "Begrunnelse", ["AtUtc"] = "Tidspunkt",
        ["LastEditedBy"] = "Sist endret av", ["Name"] = "Navn", ["Number"] = "Nummer", ["OrderNumber"] = "Bestillernummer",
        ["OrganisationNumber"] = "Org.nr.", ["Outcome"] = "Utfall", ["OwnerKind"] = "Eier", ["PayableSinceUtc"] = "Kan utbetales fra",
        ["PeriodEnd"] = "Periode slutt", ["PeriodStart"] = "Periode start", ["Person"] = "Person", ["Phase"] = "Utviklingsfase", ["Place"] = "Sted",
        ["PlanKind"] = "Plan", ["PlanTitle"] = "Plan", ["Position"] = "Plassering", ["PostedAtUtc"] = "Skrevet",
        ["ProgressUpdatedAtUtc"] = "Fremdrift rapportert", ["ProgressUpdatedBy"] = "Fremdrift rapportert av", ["ProjectNumber"] = "Prosjektnummer",
        ["ProposedResolution"] = "Forslag til vedtak", ["PublishedAtUtc"] = "Publisert", ["Purpose"] = "Formål", ["RecordedAtUtc"] = "Registrert",
        ["RecordedByName"] = "Registrert av", ["Reference"] = "Referanse", ["RegisteredAtUtc"] = "Registrert", ["RegisteredBy"] = "Registrert av",
        ["RegisteredByName"] = "Registrert av", ["ReportDeadline"] = "Frist for sluttrapporten", ["ReportingDates"] = "Rapporteringsdatoer",
        ["RequiredDocumentation"] = "Krav til dokumentasjon", ["RescindedAtUtc"] = "Hevet", ["ResponsibleName"] = "Ansvarlig", ["Results"] = "Resultater",
        ["Revision"] = "Revisjon", ["Roles"] = "Roller", ["SentAtUtc"] = "Sendt", ["SentBy"] = "Sendt av", ["Sequence"] = "Løpenummer",
        ["SharePercent"] = "Andel (%)", ["Size"] = "Størrelse (byte)", ["Slug"] = "Kortform i nettadressen", ["Source"] = "Kilde", ["SpentSoFar"] = "Brukt så langt",
        ["Stage"] = "Fase", ["Start"] = "Start", ["StartsAtUtc"] = "Starter", ["State"] = "Tilstand", ["Status"] = "Status", ["StatusText"] = "Status (tekst)",
        ["SubGoals"] = "Delmål", ["SubmittedAtUtc"] = "Levert", ["SubmittedBy"] = "Levert av", ["SubmittedVersions"] = "Leverte versjoner",
        ["Supplier"] = "Leverandør", ["TargetDate"] = "Måldato", ["TargetValue"] = "Målverdi", ["Terms"] = "Vilkår", ["Text"] = "Tekst",
        ["Timesheet"] = "Timeliste", ["Title"] = "Tittel", ["Trigger"] = "Utløses", ["Unit"] = "Enhet", ["UploadedAtUtc"] = "Lastet opp",
        ["UploadedBy"] = "Lastet opp av", ["UseOfFunds"] = "Bruk av midlene", ["Value"] = "Verdi", ["Version"] = "Versjon", ["VideoLink"] = "Videolenke",
        ["Voucher"] = "Bilag",
    };

    /// <summary>The states and roles the log stores by their code names (a set of flags as "Member, Secretary").</summary>
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["Member"] = "medlem", ["Secretary"] = "sekretariat", ["TenantAdmin"] = "administrator", ["None"] = "ingen",
        ["Draft"] = "utkast", ["Signed"] = "signert", ["FinalReportSubmitted"] = "sluttrapport levert", ["Approved"] = "godkjent",
        ["Settled"] = "avsluttet", ["Rescinded"] = "hevet", ["Waiting"] = "ikke utløst", ["Payable"] = "kan utbetales",
        ["Requested"] = "anmodet", ["Paid"] = "betalt", ["InFinalSettlement"] = "inngår i sluttoppgjøret", ["Sent"] = "sendt", ["Returned"] = "sendt tilbake", ["Pending"] = "venter",
        ["Withdrawn"] = "trukket", ["Submitted"] = "levert", ["Queued"] = "i kø", ["Rendering"] = "lages", ["Ready"] = "klar",
        ["Failed"] = "feilet", ["AtSigning"] = "ved signering", ["FinalReportApproved"] = "når sluttrapporten er godkjent",
        ["OnDate"] = "på en dato", ["Accepted"] = "godtatt", ["Expired"] = "utløpt", ["Revoked"] = "trukket tilbake",
        ["Adopted"] = "vedtatt", ["AdoptedWithChanges"] = "vedtatt med endringer", ["NotAdopted"] = "ikke vedtatt",
        ["OnTrack"] = "i rute", ["AtRisk"] = "risiko for forsinkelse", ["Late"] = "forsinket",
        ["NotStarted"] = "ikke startet", ["InProgress"] = "pågår", ["Done"] = "fullført", ["Cancelled"] = "avlyst",
        ["Mapping"] = "1 kartlegging", ["SelectionAndMobilisation"] = "2 utvelgelse og mobilisering", ["Implementation"] = "3 implementering", ["Learning"] = "4 læring",
        ["HigherIsBetter"] = "høyere er bedre", ["LowerIsBetter"] = "lavere er bedre",
        ["Monthly"] = "hver måned", ["Quarterly"] = "hvert kvartal", ["HalfYearly"] = "hvert halvår", ["Yearly"] = "hvert år",
        ["Agreement"] = "avtale", ["RoadmapGoal"] = "mål i veikartet", ["Council"] = "rådet", ["County"] = "fylket", ["Indicator"] = "indikator", ["MeetingItem"] = "møtesak",
    };

    /// <summary>
    /// For an English reader the log speaks the code's own English names, spaced out («Activities deadline»), except
    /// where the code's word is not what a user knows the thing as.
    /// </summary>
    private static readonly Dictionary<string, string> EnglishNames = new(StringComparer.Ordinal)
    {
        ["Tenant"] = "Regional council", ["TenantMembership"] = "Membership", ["TenantAdmin"] = "administrator", ["PortalUser"] = "User",
        ["EntraConnection"] = "Microsoft sign-in", [SignInJournal.EntityType] = "Sign-in", ["Metode"] = "Method", ["Slug"] = "Address", ["FullName"] = "Name", ["OwnerKind"] = "Owner",
        ["Agreement.CouncilSignature"] = "Agreement: the council's signature", ["Agreement.CountySignature"] = "Agreement: the county's signature",
        ["AgendaItem.Links"] = "Agenda item: link", ["RoadmapAction.Links"] = "Action: link", ["FinalReport.Attachments"] = "Final report: attachment",
        ["ReportSubmission.Timesheet"] = "Submitted final report: timesheet", ["ReportSubmission.Comments"] = "Submitted final report: comment",
        ["PaymentRequest.Attachments"] = "Payment request: attachment",
        ["DirectCost.Voucher"] = "Direct cost: voucher", ["Agreement.BreachNotices"] = "Agreement: notice of breach", ["Agreement.PendingAmendment"] = "Agreement: proposed amendment",
    };

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Entity(string type) => English ? InEnglish(type) : Entities.GetValueOrDefault(type, type);

    /// <summary>Ids, hashes and stored snapshots say nothing to a reader, and a hash is nobody's business (a named field is shown).</summary>
    public static bool IsShown(string field) => field is not ("Sha256" or "SecurityStamp" or "ConcurrencyStamp" or "Revision")
        && (Fields.ContainsKey(field)
            || !(field.EndsWith("Id", StringComparison.Ordinal) || field.EndsWith("Ids", StringComparison.Ordinal)
                 || field.EndsWith("Hash", StringComparison.Ordinal) || field.EndsWith("Json", StringComparison.Ordinal)));

    public static string Field(string name) => English ? InEnglish(name) : Fields.GetValueOrDefault(name, name);

    /// <summary>«ActivitiesDeadline» → «Activities deadline», «AcceptedAtUtc» → «Accepted at».</summary>
    private static string InEnglish(string code)
    {
        if (EnglishNames.TryGetValue(code, out var name))
        {
            return name;
        }

        var bare = code.EndsWith("Utc", StringComparison.Ordinal) ? code[..^3] : code;
        var words = System.Text.RegularExpressions.Regex.Replace(bare, "(?<=[a-z0-9])(?=[A-Z])", " ").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static readonly HashSet<string> Money = new(StringComparer.Ordinal) { "Amount", "FrameAmount", "HourRate", "SpentSoFar" };

    /// <summary>Counters and years, which are not grouped in thousands («2026», not «2 026»).</summary>
    private static readonly HashSet<string> Counters = new(StringComparer.Ordinal) { "CaseYear", "Year", "Number", "Sequence", "Version", "Revision" };

    /// <summary>A number as the page writes it: kroner for amounts, «1 500» and «1,2345» (every decimal kept) for quantities.</summary>
    public static string Number(string field, decimal number) => Money.Contains(field)
        ? Norwegian.Kroner(number).Replace('\u2212', '-')
        : number.ToString(Counters.Contains(field) ? "0.####" : "#,##0.####", Norwegian.Culture).Replace('\u00A0', ' ').Replace('\u2212', '-');

    /// <summary>An instant (a field ending in Utc) in Oslo time, a date as dd.mm.åååå, true/false as ja/nei; anything else as stored.</summary>
    public static string Value(string field, string value)
    {
        if (field.EndsWith("Utc", StringComparison.Ordinal)
            && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant))
        {
            var oslo = SharedKernel.Time.Oslo.ToOslo(instant);
            return oslo.ToString(English ? "dd.MM.yyyy 'at' HH:mm" : "dd.MM.yyyy 'kl.' HH:mm", CultureInfo.InvariantCulture);
        }

        if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Norwegian.Date(date);
        }

        var words = value.Split(", ");
        if (words.All(Words.ContainsKey))
        {
            return string.Join(", ", words.Select(w => English ? InEnglish(w).ToLowerInvariant() : Words[w]));
        }

        return value switch
        {
            "true" => English ? "yes" : "ja",
            "false" => English ? "no" : "nei",
            SignInJournal.PasswordMethod when English => "E-mail and password",
            _ => value,
        };
    }
}
