using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Money;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Validation;

namespace BioSirk.Portal.Agreements.Domain;

/// <summary>
/// The rules an agreement's terms must meet, in one place for the forms and the API. Field names are those of
/// <see cref="AgreementTerms"/> ("Milestones[1].SharePercent" for a row); messages are in bokmål.
/// </summary>
public static class AgreementRules
{
    public const decimal MaxHourRate = 10_000m;

    public const int EarliestYear = 2000;

    public const int MaxPeriodYears = 10;

    public static IReadOnlyList<FieldError> Validate(AgreementTerms t)
    {
        var e = new Errors();
        Required(e, t.Title, nameof(t.Title), "Skriv inn tittelen på avtalen.");
        Required(e, t.Purpose, nameof(t.Purpose), "Skriv inn formålet med avtalen.");
        e.When(string.IsNullOrWhiteSpace(t.CouncilOrganisationNumber), nameof(t.CouncilOrganisationNumber), "Skriv inn rådets organisasjonsnummer.");
        e.When(!string.IsNullOrWhiteSpace(t.CouncilOrganisationNumber) && !OrganisationNumber.IsValid(t.CouncilOrganisationNumber),
            nameof(t.CouncilOrganisationNumber), "Organisasjonsnummeret må ha 9 siffer og gyldig kontrollsiffer, for eksempel 975 576 469.");
        Email(e, t.CountyContactEmail, nameof(t.CountyContactEmail));
        Email(e, t.CouncilContactEmail, nameof(t.CouncilContactEmail));

        Lengths(e, t);
        Dates(e, t);
        Amount(e, t.FrameAmount, nameof(t.FrameAmount), "avtalens ramme");
        Amount(e, t.HourRate, nameof(t.HourRate), "timeprisen");
        e.When(t.HourRate is > MaxHourRate and <= Kroner.MaxAmount, nameof(t.HourRate),
            "Timeprisen kan være høyst kr 10 000,00. Sjekk at den er skrevet riktig.");
        Milestones(e, t);
        return e.All;
    }

    /// <summary>Long enough for the seed's texts many times over; the limits keep a pasted document out of a name field.</summary>
    private static void Lengths(Errors e, AgreementTerms t)
    {
        e.WhenLongerThan(t.Title, 300, nameof(t.Title), "Tittelen")
            .WhenLongerThan(t.Purpose, 20_000, nameof(t.Purpose), "Formålet")
            .WhenLongerThan(t.SubGoals, 4_000, nameof(t.SubGoals), "Delmålene")
            .WhenLongerThan(t.CountyContactName, 200, nameof(t.CountyContactName), "Navnet")
            .WhenLongerThan(t.CountyContactEmail, 254, nameof(t.CountyContactEmail), "E-postadressen")
            .WhenLongerThan(t.CouncilContactName, 200, nameof(t.CouncilContactName), "Navnet")
            .WhenLongerThan(t.CouncilContactEmail, 254, nameof(t.CouncilContactEmail), "E-postadressen")
            .WhenLongerThan(t.DirectCostRule, 2_000, nameof(t.DirectCostRule), "Regelen for direkte kostnader")
            .WhenLongerThan(t.InvoiceText, 300, nameof(t.InvoiceText), "Fakturateksten")
            .WhenLongerThan(t.OrderNumber, 100, nameof(t.OrderNumber), "Bestillernummeret")
            .WhenLongerThan(t.ProjectNumber, 100, nameof(t.ProjectNumber), "Prosjektnummeret")
            .WhenLongerThan(t.RequiredDocumentation, 4_000, nameof(t.RequiredDocumentation), "Dokumentasjonskravet")
            .WhenLongerThan(t.Terms, 20_000, nameof(t.Terms), "Vilkårene");
        for (var i = 0; i < t.Milestones.Count; i++)
        {
            e.WhenLongerThan(t.Milestones[i].Name, 200, $"Milestones[{i}].Name", "Navnet");
        }

        for (var i = 0; i < t.WorkingGroup.Count; i++)
        {
            e.WhenLongerThan(t.WorkingGroup[i].Name, 200, $"WorkingGroup[{i}].Name", "Navnet")
                .WhenLongerThan(t.WorkingGroup[i].Role, 200, $"WorkingGroup[{i}].Role", "Rollen");
        }
    }

    private static void Dates(Errors e, AgreementTerms t)
    {
        e.When(t.PeriodStart is null, nameof(t.PeriodStart), "Skriv inn når avtaleperioden starter (dd.mm.åååå).");
        e.When(t.PeriodEnd is null, nameof(t.PeriodEnd), "Skriv inn når avtaleperioden slutter (dd.mm.åååå).");
        if (t.PeriodStart is not { } start || t.PeriodEnd is not { } end)
        {
            return;
        }

        if (end <= start)
        {
            e.Add(nameof(t.PeriodEnd), $"Perioden må slutte etter at den starter ({Norwegian.Date(start)}).");
            return;
        }

        if (start.Year < EarliestYear || end > start.AddYears(MaxPeriodYears))
        {
            e.Add(start.Year < EarliestYear ? nameof(t.PeriodStart) : nameof(t.PeriodEnd),
                $"Sjekk årstallet: en avtaleperiode starter tidligst i {EarliestYear} og varer høyst {MaxPeriodYears} år.");
            return;
        }

        InsidePeriod(e, t.ActivitiesDeadline, start, end, nameof(t.ActivitiesDeadline), "Fristen for aktivitetene");
        InsidePeriod(e, t.ReportDeadline, start, end, nameof(t.ReportDeadline), "Fristen for sluttrapporten");
        // The report tells what the activities achieved: it cannot be due before they are.
        if (t.ActivitiesDeadline is { } activities && t.ReportDeadline is { } report && report < activities
            && activities >= start && activities <= end && report >= start && report <= end)
        {
            e.Add(nameof(t.ReportDeadline), $"Fristen for sluttrapporten kan ikke være før fristen for aktivitetene ({Norwegian.Date(activities)}).");
        }

        for (var i = 0; i < t.Milestones.Count; i++)
        {
            if (t.Milestones[i].Trigger == MilestoneTrigger.OnDate)
            {
                var (due, latest, field) = (t.Milestones[i].DueDate, end.AddMonths(3), $"Milestones[{i}].DueDate");
                e.When(due is null, field, "Datoen for utbetalingen må fylles ut (dd.mm.åååå).")
                    .When(due < start || due > latest, field,
                        $"Datoen for utbetalingen må ligge i avtaleperioden eller de tre månedene etter, {Norwegian.Date(start)}–{Norwegian.Date(latest)}.");
            }
        }
    }

    private static void InsidePeriod(Errors e, DateOnly? date, DateOnly start, DateOnly end, string field, string what)
    {
        if (date is null)
        {
            e.Add(field, $"{what} må fylles ut (dd.mm.åååå).");
        }
        else if (date < start || date > end)
        {
            e.Add(field, $"{what} må ligge i avtaleperioden, {Norwegian.Date(start)}–{Norwegian.Date(end)}.");
        }
    }

    private static void Amount(Errors e, decimal? amount, string field, string what)
    {
        if (amount is null)
        {
            e.Add(field, $"Skriv inn {what} i kroner.");
        }
        else if (amount <= 0)
        {
            e.Add(field, $"Beløpet for {what} må være større enn 0.");
        }
        else if (!Kroner.HasWholeOre(amount.Value))
        {
            e.Add(field, $"Beløpet for {what} kan ha høyst to desimaler (hele øre).");
        }
        else if (amount > Kroner.MaxAmount)
        {
            e.Add(field, $"Beløpet for {what} er for stort (høyst {Norwegian.Kroner(Kroner.MaxAmount)}). Sjekk at det er skrevet riktig.");
        }
    }

    private static void Milestones(Errors e, AgreementTerms t)
    {
        var rows = t.Milestones;
        if (rows.Count == 0)
        {
            e.Add("Milestones", "Legg inn minst én utbetaling (andel i prosent og når den utløses).");
            return;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            Required(e, row.Name, $"Milestones[{i}].Name", "Gi utbetalingen et navn, for eksempel «Ved signering».");
            if (row.SharePercent is not { } share)
            {
                e.Add($"Milestones[{i}].SharePercent", "Skriv inn andelen i prosent.");
            }
            else if (share <= 0 || share > 100 || !Kroner.HasWholeOre(share))
            {
                e.Add($"Milestones[{i}].SharePercent", "Andelen må være større enn 0 og høyst 100 prosent, med høyst to desimaler.");
            }

            e.When(row.Trigger is null, $"Milestones[{i}].Trigger", "Velg når utbetalingen utløses.");
        }

        var total = rows.Sum(r => r.SharePercent ?? 0);
        if (rows.All(r => r.SharePercent is not null) && total != 100)
        {
            e.Add("Milestones", $"Andelene må til sammen være 100 %. Nå er summen {total.ToString("0.##", Norwegian.Culture)} %.");
        }

        e.When(rows.Count(r => r.Trigger == MilestoneTrigger.FinalReportApproved) > 1, "Milestones",
            "Bare én utbetaling kan utløses av godkjent sluttrapport: det er sluttoppgjøret.");
    }

    private static void Required(Errors e, string? value, string field, string message) =>
        e.When(string.IsNullOrWhiteSpace(value), field, message);

    private static void Email(Errors e, string? value, string field) =>
        e.When(!string.IsNullOrWhiteSpace(value) && !EmailAddress.IsValid(value), field,
            "E-postadressen er ikke gyldig. Skriv den slik: navn@kommune.no.");
}
