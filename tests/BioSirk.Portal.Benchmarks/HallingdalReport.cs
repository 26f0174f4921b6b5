using BioSirk.Portal.Agreements.Contracts;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Reporting.Documents;
using BioSirk.Portal.Reporting.Domain;

namespace BioSirk.Portal.Benchmarks;

/// <summary>
/// The final report of Hallingdal's Missions agreement as <see cref="FinalReportDocument"/> prints it: the template's
/// terms (frame kr 150 000, rate kr 900, order B701010, project 60256), the council's five sections, and as many hour
/// rows, direct costs and indicators as asked for. The defaults print to 10 A4 pages (the PDF benchmark checks this
/// with PdfPig on every run). Deterministic: the same arguments give the same document.
/// </summary>
internal static class HallingdalReport
{
    public const int DefaultHourRows = 65;
    public const int DefaultCostRows = 40;
    public const int DefaultIndicators = 12;

    private const string Council = "Regionrådet for Hallingdal";
    private const string County = "Buskerud fylkeskommune";
    private const int Year = 2026;

    private static readonly string[] People = ["Kari Nordby", "Jon Aasen", "Marte Grinaker", "Anders Lunde", "Per Solberg", "Ingrid Haugen"];

    private static readonly string[] Activities =
    [
        "Planlegging av samarbeidsarena", "Workshop med næringslivet i Gol", "Erfaringsdeling med kommunene",
        "Kompetansebygging, sidestrømmer", "Rapportskriving", "Møte i arbeidsgruppen", "Bedriftsbesøk i Hemsedal",
    ];

    private static readonly (string Supplier, string Description)[] Costs =
    [
        ("Gol kulturhus", "Møteleie, nettverkssamling"), ("Ål Hotell", "Servering, workshop"), ("Hemsedal Skysstasjon", "Buss til bedriftsbesøk"),
        ("NCCE", "Innleid foredragsholder"), ("Hallingdølen", "Annonse, invitasjon til samling"), ("Trykkeriet Nesbyen", "Trykk av rapport"),
    ];

    private static readonly (string Name, string Unit)[] Indicators =
    [
        ("Bedrifter i nettverket", "antall"), ("Kartlagte sidestrømmer", "antall"), ("Pilotprosjekter i gang", "antall"),
        ("Deltakere på samlinger", "antall"), ("Kommuner med i samarbeidet", "antall"), ("Andel avfall til gjenvinning", "%"),
        ("Nye sirkulære forretningsmodeller", "antall"), ("Studenter i praksis", "antall"), ("Redusert restavfall", "tonn"),
        ("Kompetansetiltak gjennomført", "antall"), ("Medieoppslag", "antall"), ("Investeringer utløst", "MNOK"),
    ];

    public static ReportContent Create(int hourRows = DefaultHourRows, int costRows = DefaultCostRows, int indicators = DefaultIndicators)
    {
        var terms = MissionsTemplate.For(new(Council, "975576469"), new(County, InvoiceOrderNumber: "B701010", InvoiceProjectNumber: "60256"), Year);
        var random = new Random(60256);
        var start = terms.PeriodStart!.Value;
        var end = new DateOnly(Year, 11, 30);
        var days = end.DayNumber - start.DayNumber;
        var rate = terms.HourRate!.Value;

        // Hours (≈ 130 h × kr 900) and costs (≈ kr 28 000) together stay under the frame (kr 150 000) and above the
        // 75 % paid at signing, so the settlement is a final payment, whatever the number of rows.
        var hours = Enumerable.Range(0, hourRows).Select(_ => start.AddDays(random.Next(days))).Order().Select(date =>
        {
            var h = Math.Max(0.25m, Math.Round(random.Next(2, 7) * 130m / Math.Max(hourRows, 1)) / 4); // ≈ 130 h in all
            return new HourLine(date, People[random.Next(People.Length)], Activities[random.Next(Activities.Length)], h, h * rate);
        }).ToList();
        var costs = Enumerable.Range(0, costRows).Select(_ => start.AddDays(random.Next(days))).Order().Select((date, i) =>
        {
            var (supplier, description) = Costs[random.Next(Costs.Length)];
            var amount = Math.Round(100m * random.Next(3, 12) * 40 / Math.Max(costRows, 1)); // ≈ kr 28 000 in all
            return new CostLine(date, supplier, description, amount, i % 4 == 3 ? null : $"bilag-{i + 1:000}.pdf");
        }).ToList();

        var hoursTotal = hours.Sum(h => h.Hours);
        var hourCost = hours.Sum(h => h.Amount);
        var direct = costs.Sum(c => c.Amount);
        var spent = hourCost + direct;
        var frame = terms.FrameAmount!.Value;
        var eligible = Math.Min(spent, frame);
        var paid = frame * 0.75m;
        var budget = new BudgetFigures(hoursTotal, hourCost, direct, spent, frame, frame - spent, Math.Round(100 * spent / frame, 1),
            Math.Max(0, spent - frame), eligible, paid, eligible - paid);

        var agreementId = new Guid("0b701010-6025-4600-8000-000000000001");
        var basis = new AgreementReportBasis(
            agreementId, Guid.Empty, Guid.Empty, terms.Title!, Council, "975576469", "Kari Nordby, sekretar.hallingdal@demo.biosirk.no",
            County, "Sigrid Lien, radgiver.buskerud@demo.biosirk.no", terms.Purpose!, terms.SubGoals!, start, terms.PeriodEnd!.Value,
            terms.ReportDeadline!.Value, AgreementReportStage.InForce, "I kraft", rate, terms.DirectCostRule!,
            new InvoiceMarkings(terms.InvoiceText!, terms.OrderNumber!, terms.ProjectNumber!), terms.RequiredDocumentation!,
            terms.WorkingGroup!.Select(w => new WorkingGroupLine(w.Name ?? "", w.Role ?? "")).ToList(), budget, hours, costs,
            [new PaymentLine(new DateOnly(Year, 2, 1), "Ved signering", paid, "Faktura 2026-014")],
            [
                new MilestoneLine(1, "Ved signering", 75m, "Ved signering", paid, "Utbetalt"),
                new MilestoneLine(2, "Sluttoppgjør", 25m, "Når sluttrapporten er godkjent", null, "Venter"),
            ]);

        var snapshot = Enumerable.Range(0, indicators).Select(i =>
        {
            var (name, unit) = Indicators[i % Indicators.Length];
            var target = 10m * (i + 2);
            var latest = target * (0.5m + 0.1m * (i % 6));
            return new IndicatorSnapshot(new Guid(i + 1, 0, 0, new byte[8]), i < Indicators.Length ? name : $"{name} ({i / Indicators.Length + 1})", unit, "Increase",
                0m, start, target, terms.PeriodEnd!.Value, latest, new DateOnly(Year, 11, 15), (IndicatorState)(1 + i % 4), target * 0.9m);
        }).ToList();

        var sections = new ReportSections(
            Activities: string.Join("\n\n",
                "Tolv møter med bedrifter i Gol, Ål og Hemsedal, to nettverkssamlinger og en studietur til Nesbyen.",
                "Kartlegging av sidestrømmer i 14 bedrifter innen trelast, næringsmiddel og reiseliv; resultatene er delt i nettverket.",
                "Erfaringsdeling med de tre andre regionrådene i fylket og med NCCE, fire ganger i løpet av året."),
            Results: string.Join('\n',
                "Delmål 1: politikere, kommuner og bedrifter er mobilisert; 38 bedrifter er med i nettverket.",
                "Delmål 2: samarbeidsarenaen for Hallingdal er etablert og møtes hvert kvartal.",
                "Delmål 3: to metoder for kompetanseoppbygging er testet med 60 deltakere.",
                "Delmål 4: metodene er beskrevet i en veileder som de andre regionrådene bruker.",
                "Delmål 5: forslaget til videre oppfølging står i kapittel 7."),
            Deviations: "Studieturen til Nederland ble erstattet av en tur til Nesbyen; pengene gikk til flere bedriftsbesøk.",
            UseOfFunds: "Timene gikk i hovedsak til mobilisering og bedriftsbesøk; møteleie, servering og skyss er de direkte kostnadene.",
            FurtherWork: "Regionrådet viderefører nettverket i 2027 med egne midler, og søker fylkeskommunen om et treårig hovedprosjekt.");

        return new ReportContent(basis, sections, snapshot, [new AttachmentLine("referater-2026.pdf", 412_000), new AttachmentLine("veileder.pdf", 1_200_000)],
            new DateOnly(Year, 12, 1), "Utkast per 1. desember 2026 – ikke levert");
    }
}
