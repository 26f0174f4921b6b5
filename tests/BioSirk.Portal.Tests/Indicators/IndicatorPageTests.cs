using System.Globalization;
using System.Net;
using System.Text;
using BioSirk.Portal.Indicators.Data;
using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Indicators.IndicatorSteps;

namespace BioSirk.Portal.Tests.Indicators;

public sealed class IndicatorPageTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task AnIndicatorDefinedLateInTheYear_IsNotOverdueTheDayItIsMade()
    {
        Portal.Clock.Set(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var id = await CreateAsync(kari, new() { ["Input.TargetDate"] = "2027-12-31" });

        var page = await kari.GetPageAsync(Url(id));
        Assert.Equal("01.01.2027", page.QuerySelector("[data-testid=next-reporting]")!.TextContent);
        Assert.DoesNotContain("(passert)", page.QuerySelector("[data-testid=next-reporting]")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCouncilsOwnPlan_IsNamedByItsKind_InTheReadersLanguage_NotAsABokmalTitle()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var id = await CreateAsync(kari);

        Assert.Equal("Rådets handlingsplan", (await kari.GetPageAsync(Url(id))).QuerySelector("[data-testid=plan]")!.TextContent.Trim());
        Assert.Equal("Rådets handlingsplan", (await kari.GetPageAsync(List)).QuerySelectorAll("[data-testid=indicator-list] tbody td")[1].TextContent);

        await kari.ChooseEnglishAsync();
        foreach (var path in new[] { Url(id), List, Url(id) + "/rediger", List + "/ny", "/rad/hallingdal", "/rad/hallingdal/mine-oppdateringer" })
        {
            var main = (await kari.GetPageAsync(path)).QuerySelector("main")!.TextContent;
            Assert.DoesNotContain("Handlingsplan for", main, StringComparison.Ordinal);
        }

        Assert.Equal("The council's action plan", (await kari.GetPageAsync(Url(id))).QuerySelector("[data-testid=plan]")!.TextContent.Trim());
    }

    [Fact]
    public async Task AShareBehindTheLine_IsSaidInPercentagePoints()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var id = await CreateAsync(kari, new() { ["Input.Unit"] = "prosent", ["Input.BaselineValue"] = "20", ["Input.TargetValue"] = "60" });
        await ExpectRedirectAsync(await MeasureAsync(kari, Url(id), "2026-02-20", "36"));

        var explanation = (await kari.GetPageAsync(Url(id))).QuerySelector("[data-testid=status-explanation]")!.TextContent;
        Assert.Contains("Siste måling (20.02.2026) er 36 prosent.", explanation);
        Assert.Contains("Målingen ligger 4 prosentpoeng bak linjen", explanation);
    }

    [Fact]
    public async Task Secretary_DefinesAnIndicatorAndRegistersAMeasurement_SeesStatusChartAndTable_AndEveryChangeIsAudited()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var empty = await kari.GetPageAsync(List);
        Assert.Contains("ingen resultatindikatorer ennå", empty.QuerySelector("[data-testid=empty-state]")!.TextContent);

        var id = await CreateAsync(kari);
        var page = await kari.GetPageAsync(Url(id));
        Assert.Equal("Ingen data", page.QuerySelector("[data-testid=indicator-status]")!.TextContent);
        Assert.Equal("01.04.2026", page.QuerySelector("[data-testid=next-reporting]")!.TextContent);

        await ExpectRedirectAsync(await MeasureAsync(kari, Url(id), "2026-02-20", "140", "Produksjonsrapport", "Ovnen sto i to uker"));

        page = await kari.GetPageAsync(Url(id));
        Assert.Equal("Risiko", page.QuerySelector("[data-testid=indicator-status]")!.TextContent);
        Assert.Equal(
            "Siste måling (20.02.2026) er 140 tonn. Etter en jevn linje fra utgangsverdien (100 tonn, 01.01.2026) til målet (200 tonn, 11.04.2026) "
            + "var forventet verdi den datoen 150 tonn. Målingen ligger 10 tonn bak linjen, det er 10 % av hele endringen fra utgangsverdi til mål. Inntil 10 % bak er risiko.",
            page.QuerySelector("[data-testid=status-explanation]")!.TextContent);
        Assert.Equal("20.05.2026", page.QuerySelector("[data-testid=next-reporting]")!.TextContent);
        var chart = page.QuerySelector("svg[data-testid=indicator-chart]")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal("Utvikling over tid", chart.QuerySelector("title")!.TextContent);
        Assert.Contains("Status: Risiko", chart.QuerySelector("desc")!.TextContent);
        Assert.Single(chart.QuerySelectorAll("circle.measured-point"));
        Assert.NotNull(chart.QuerySelector("polyline.expected"));
        Assert.NotNull(chart.QuerySelector("path.target-marker"));
        var row = page.QuerySelectorAll("[data-testid=measurement-rows] tbody td").Select(td => td.TextContent).ToArray();
        Assert.Equal(["20.02.2026", "140 tonn", "150 tonn", "Produksjonsrapport", "Ovnen sto i to uker", "Kari Nordby"], row[..6]);
        Assert.Contains("Rett eller slett", row[6]);

        var list = await kari.GetPageAsync(List);
        Assert.Contains("Risiko", list.QuerySelector("[data-testid=indicator-list]")!.TextContent);
        Assert.Empty((await kari.GetPageAsync(List + "?Status=OffTrack")).QuerySelectorAll("[data-testid=indicator-list]"));

        var edit = await kari.FormValuesAsync(Url(id) + "/rediger", "main form");
        edit["Input.TargetValue"] = "250";
        await ExpectRedirectAsync(await kari.PostFormAsync(Url(id) + "/rediger", edit));

        var audit = await Portal.WithScopeAsync(sp => sp.GetRequiredService<IndicatorsDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Indicator" || a.EntityType == "Measurement").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(
            [("Indicator", AuditAction.Created), ("Measurement", AuditAction.Created), ("Indicator", AuditAction.Updated)],
            audit.Select(a => (a.EntityType, a.Action)).ToArray());
        Assert.All(audit, a => Assert.Equal("Kari Nordby", a.UserName));
        Assert.Contains("\"TargetValue\":{\"old\":200", audit[2].Changes);
        Assert.Contains("\"new\":250", audit[2].Changes);
    }

    [Fact]
    public async Task InEnglish_TheStatusIsExplainedInEnglish_WithTheNumbersAndDatesAsInNorwegian()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var id = await CreateAsync(kari);
        await ExpectRedirectAsync(await MeasureAsync(kari, Url(id), "2026-02-20", "140", "Produksjonsrapport"));
        await kari.ChooseEnglishAsync();

        var page = await kari.GetPageAsync(Url(id));
        Assert.Equal("At risk", page.QuerySelector("[data-testid=indicator-status]")!.TextContent);
        Assert.Equal(
            "The latest measurement (20.02.2026) is 140 tonn. On a straight line from the baseline (100 tonn, 01.01.2026) to the target (200 tonn, 11.04.2026), "
            + "the expected value on that date was 150 tonn. The measurement is 10 tonn behind the line, which is 10 % of the whole change from baseline to "
            + "target. Up to 10 % behind is at risk.",
            page.QuerySelector("[data-testid=status-explanation]")!.TextContent);
        var chart = page.QuerySelector("svg[data-testid=indicator-chart]")!;
        Assert.Equal("Progress over time", chart.QuerySelector("title")!.TextContent);
        Assert.Equal(
            "Baseline 100 tonn on 01.01.2026, target 200 tonn by 11.04.2026 (higher is better). The dashed line shows the expected value along the way. "
            + "One measurement; latest 140 tonn on 20.02.2026. Status: At risk. The figures are in the table below.",
            chart.QuerySelector("desc")!.TextContent);
    }

    [Fact]
    public async Task InEnglish_AValueWithACommaBeforeThreeDigits_IsAskedAbout_AndCommaThousandsAreRead()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var id = await CreateAsync(kari);
        await kari.ChooseEnglishAsync();

        var asked = await PortalClient.ReadAsync(await MeasureAsync(kari, Url(id), "2026-02-20", "12,345"));
        Assert.Equal("“12,345” can mean both 12 345 and 12,345 (with a decimal comma). Write 12345 if you mean 12 345, or 12,3450 if you mean the decimals.",
            asked.FieldError("Measurement.Value"));
        Assert.Equal("12,345", asked.FieldValue("Measurement.Value"));

        await ExpectRedirectAsync(await MeasureAsync(kari, Url(id), "2026-02-20", "1,234,567"));
        Assert.Contains("1 234 567 tonn", (await kari.GetPageAsync(Url(id))).QuerySelector("[data-testid=status-explanation]")!.TextContent);

        // In Norwegian «12,345» is a decimal comma, as always.
        using var ola = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        await ExpectRedirectAsync(await MeasureAsync(ola, Url(id), "2026-02-21", "12,345"));
        Assert.Contains("12,345 tonn", (await ola.GetPageAsync(Url(id))).QuerySelector("[data-testid=status-explanation]")!.TextContent);
    }

    [Fact]
    public async Task BadInput_InTheIndicatorForm_ShowsTheMessageBesideTheField_AndKeepsTheInput()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);

        var response = await PostNewAsync(kari, Biochar(new() { ["Input.TargetValue"] = "100", ["Input.Unit"] = "", ["Input.BaselineValue"] = "100" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ReadAsync(response);
        Assert.Equal("Målverdien kan ikke være lik utgangsverdien: da er det ingen endring å måle. Skriv inn verdien dere vil nå.", page.FieldError("Input.TargetValue"));
        Assert.Equal("Skriv inn enheten, for eksempel tonn, prosent eller antall.", page.FieldError("Input.Unit"));
        Assert.Equal("Tonn biokull produsert", page.FieldValue("Input.Name"));
        Assert.Equal("100", page.FieldValue("Input.TargetValue"));
        Assert.Equal("11.04.2026", page.FieldValue("Input.TargetDate"));
        Assert.NotNull(page.GetElementById("error-summary"));

        response = await PostNewAsync(kari, Biochar(new() { ["Input.BaselineValue"] = "hundre", ["Input.TargetValue"] = "1,23456" }));
        page = await PortalClient.ReadAsync(response);
        Assert.Equal("Skriv verdien som et tall, for eksempel 1 234,5.", page.FieldError("Input.BaselineValue"));
        Assert.Equal("hundre", page.FieldValue("Input.BaselineValue"));
        Assert.Equal("Tallet kan ha høyst fire desimaler.", page.FieldError("Input.TargetValue"));
        Assert.Equal("1,23456", page.FieldValue("Input.TargetValue"));

        // A year no indicator has is refused beside the field (it once made every list of the council answer 500).
        response = await PostNewAsync(kari, Biochar(new() { ["Input.BaselineDate"] = "9999-01-01", ["Input.TargetDate"] = "9999-12-31" }));
        page = await PortalClient.ReadAsync(response);
        Assert.Equal("Årstallet i 01.01.9999 kan ikke stemme. Skriv en dato mellom 1900 og 2099.", page.FieldError("Input.BaselineDate"));
        Assert.Equal("Årstallet i 31.12.9999 kan ikke stemme. Skriv en dato mellom 1900 og 2099.", page.FieldError("Input.TargetDate"));
        Assert.Equal("9999-12-31", page.FieldValue("Input.TargetDate"));
        Assert.Equal(HttpStatusCode.OK, (await kari.GetAsync(List)).StatusCode);

        // The description has the length its column has (longer gave PostgreSQL's error, and the text was lost).
        var pasted = new string('x', 2_001);
        page = await PortalClient.ReadAsync(await PostNewAsync(kari, Biochar(new() { ["Input.Description"] = pasted })));
        Assert.Equal("Beskrivelsen kan være på høyst 2 000 tegn (nå 2 001).", page.FieldError("Input.Description"));
        Assert.Equal(pasted, page.FieldValue("Input.Description"));
    }

    [Fact]
    public async Task AValueThatLooksMistyped_IsSavedOnlyOnceSheConfirmsIt_AndTheFormKeepsWhatSheTyped()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var share = await CreateAsync(kari, new() { ["Input.Name"] = "Andel gjenvunnet", ["Input.Unit"] = "prosent", ["Input.BaselineValue"] = "20", ["Input.TargetValue"] = "60" });
        await ExpectRedirectAsync(await MeasureAsync(kari, Url(share), "2026-02-01", "35"));

        foreach (var (date, value, doubt) in new[]
        {
            ("2026-02-01", "40", "Det finnes allerede en måling for 01.02.2026: 35 prosent. Kryss av hvis du vil registrere en til for samme dato."),
            ("2026-02-15", "-5", "Verdien -5 prosent er negativ, men utgangsverdien og målverdien er ikke det. Kryss av hvis målingen er riktig."),
            ("2026-02-15", "250", "Verdien 250 prosent er over 100 prosent, og det er en andel sjelden. Kryss av hvis målingen er riktig."),
        })
        {
            var asked = await PortalClient.ReadAsync(await MeasureAsync(kari, Url(share), date, value, "Rapport"));
            Assert.Equal(doubt, asked.GetElementById("Measurement_ConfirmsDoubt-error")!.TextContent);
            Assert.Equal(value, asked.FieldValue("Measurement.Value"));
            Assert.Equal("Rapport", asked.FieldValue("Measurement.Source"));
        }

        // In English the question is English too: the doubt is a sentence of its own inside «{0} Kryss av …».
        await kari.ChooseEnglishAsync();
        var inEnglish = await PortalClient.ReadAsync(await MeasureAsync(kari, Url(share), "2026-02-15", "250", "Rapport"));
        Assert.Equal("The value 250 prosent is above 100 percent, which a share rarely is. Tick the box if the measurement is right.",
            inEnglish.GetElementById("Measurement_ConfirmsDoubt-error")!.TextContent);

        Assert.Single((await kari.GetPageAsync(Url(share))).QuerySelectorAll("[data-testid=measurement-rows] tbody tr"));
        await ExpectRedirectAsync(await kari.SubmitAsync(Url(share), "form#register-measurement", new()
        {
            ["Measurement.Date"] = "2026-02-15", ["Measurement.Value"] = "250", ["Measurement.ConfirmsDoubt"] = "true",
        }));
        Assert.Equal(2, (await kari.GetPageAsync(Url(share))).QuerySelectorAll("[data-testid=measurement-rows] tbody tr").Length);
    }

    [Fact]
    public async Task TheExpectedValue_OfOneDate_ReadsTheSameInEveryRow()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        // From 0 to 3 in 100 days: 0,99 expected on 3 February, which one decimal would show as 1.
        var id = await CreateAsync(kari, new() { ["Input.BaselineValue"] = "0", ["Input.TargetValue"] = "3" });
        await ExpectRedirectAsync(await MeasureAsync(kari, Url(id), "2026-02-03", "1,5"));
        await ExpectRedirectAsync(await kari.SubmitAsync(Url(id), "form#register-measurement", new()
        {
            ["Measurement.Date"] = "2026-02-03", ["Measurement.Value"] = "1,125", ["Measurement.ConfirmsDoubt"] = "true",
        }));

        var expected = (await kari.GetPageAsync(Url(id))).QuerySelectorAll("[data-testid=measurement-rows] tbody tr")
            .Select(r => r.QuerySelectorAll("td")[2].TextContent.Trim()).ToList();
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected[0], expected[1]);
    }

    [Fact]
    public async Task AMeasurementDecadesBack_LeavesTheChartsYearsReadable()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var id = await CreateAsync(kari);

        // Decades before the baseline is asked about first: more often a typing error than history.
        var asked = await PortalClient.ReadAsync(await MeasureAsync(kari, Url(id), "1990-01-01", "10"));
        Assert.Equal("Datoen 01.01.1990 er mer enn 10 år før datoen for utgangsverdien (01.01.2026). Kryss av hvis målingen er riktig.",
            asked.GetElementById("Measurement_ConfirmsDoubt-error")!.TextContent);
        await ExpectRedirectAsync(await kari.SubmitAsync(Url(id), "form#register-measurement", new()
        {
            ["Measurement.Date"] = "1990-01-01", ["Measurement.Value"] = "10", ["Measurement.ConfirmsDoubt"] = "true",
        }));

        var years = (await kari.GetPageAsync(Url(id))).QuerySelectorAll("[data-testid=indicator-chart] .tick-label")
            .Select(t => t.TextContent).Where(t => t.Length == 4 && t.All(char.IsAsciiDigit)).ToList();
        Assert.InRange(years.Count, 3, 9); // not one label for each of 37 years, printed on top of each other
        Assert.Contains("1990", years);
    }

    [Fact]
    public async Task BadInput_InTheMeasurementForm_ShowsTheMessageBesideTheField_AndKeepsTheInput_AndAcceptsADateBeforeTheBaseline()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var id = await CreateAsync(kari);

        var response = await MeasureAsync(kari, Url(id), "2026-03-03", "mye", "Rapport");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ReadAsync(response);
        Assert.Equal("Datoen kan ikke være fram i tid (i dag er 02.03.2026).", page.FieldError("Measurement.Date"));
        Assert.Equal("Skriv verdien som et tall, for eksempel 1 234,5.", page.FieldError("Measurement.Value"));
        Assert.Equal("mye", page.FieldValue("Measurement.Value"));
        Assert.Equal("Rapport", page.FieldValue("Measurement.Source"));

        // A number no measurement holds is «too large», as in the indicator's own form, not «not a number».
        var huge = await PortalClient.ReadAsync(await MeasureAsync(kari, Url(id), "2026-02-01", "123456789012345678901234567890"));
        Assert.Equal("Tallet er for stort.", huge.FieldError("Measurement.Value"));

        // A date that is no date is called so (not «fill in the date»), and stays as typed; «%» after a number is fine.
        var noDate = await PortalClient.ReadAsync(await MeasureAsync(kari, Url(id), "31.02.2026", "45,5 %"));
        Assert.Equal("«31.02.2026» er ikke en gyldig dato. Skriv datoen som dd.mm.åååå.", noDate.FieldError("Measurement.Date"));
        Assert.Equal("31.02.2026", noDate.FieldValue("Measurement.Date"));
        Assert.Null(noDate.FieldError("Measurement.Value"));

        await ExpectRedirectAsync(await MeasureAsync(kari, Url(id), "2025-12-01", "1 234,5"));
        page = await kari.GetPageAsync(Url(id));
        Assert.Equal("Nådd", page.QuerySelector("[data-testid=indicator-status]")!.TextContent);
        Assert.Equal("1 234,5 tonn", page.QuerySelectorAll("[data-testid=measurement-rows] tbody td")[1].TextContent);
        Assert.Equal("100 tonn", page.QuerySelectorAll("[data-testid=measurement-rows] tbody td")[2].TextContent);
    }

    [Fact]
    public async Task CsvImport_OfAGoodFile_ImportsEveryRow()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var id = await CreateAsync(kari);
        var csv = "Dato,Verdi,Kilde,Kommentar\n31.01.2026,\"125,5\",Produksjonsrapport,\n2026-02-20,150,Produksjonsrapport,På linjen\n";

        await ExpectRedirectAsync(await ImportAsync(kari, Url(id), Encoding.UTF8.GetBytes(csv), "biokull.csv"));

        var page = await kari.GetPageAsync(Url(id));
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=measurement-rows] tbody tr").Length);
        Assert.Equal("I rute", page.QuerySelector("[data-testid=indicator-status]")!.TextContent);
        Assert.Equal("125,5 tonn", page.QuerySelectorAll("[data-testid=measurement-rows] tbody tr")[0].QuerySelectorAll("td")[1].TextContent);
    }

    [Fact]
    public async Task CsvImport_OfTheSameFileAgain_SkipsWhatIsThere_AndAnotherValueOnAMeasuredDateIsReported()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var id = await CreateAsync(kari);
        var csv = "Dato;Verdi;Kilde\n31.01.2026;125,5;Rapport\n20.02.2026;150;Rapport\n";
        await ExpectRedirectAsync(await ImportAsync(kari, Url(id), Encoding.UTF8.GetBytes(csv), "biokull.csv"));

        var again = await kari.PageAfterAsync(await ImportAsync(kari, Url(id), Encoding.UTF8.GetBytes(csv), "biokull.csv"));
        Assert.Contains("Ingen nye målinger i filen: alle 2 fantes allerede med samme dato og verdi.", again.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(2, again.QuerySelectorAll("[data-testid=measurement-rows] tbody tr").Length);

        var extended = await kari.PageAfterAsync(await ImportAsync(kari, Url(id), Encoding.UTF8.GetBytes(csv + "01.03.2026;160;Rapport\n"), "biokull.csv"));
        Assert.Contains("Målinger importert: 1. Hoppet over fordi de fantes fra før med samme dato og verdi: 2.", extended.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(3, extended.QuerySelectorAll("[data-testid=measurement-rows] tbody tr").Length);

        var changed = await PortalClient.ReadAsync(await ImportAsync(kari, Url(id), Encoding.UTF8.GetBytes("Dato;Verdi\n20.02.2026;155\n02.03.2026;1.234\n"), "biokull.csv"));
        var rows = changed.QuerySelectorAll("[data-testid=import-report] tbody tr").Select(r => r.QuerySelectorAll("td")[2].TextContent).ToList();
        Assert.Equal("Det finnes allerede en måling for 20.02.2026 (150 tonn). Rett datoen, eller registrer denne målingen i skjemaet hvis begge skal stå.", rows[0]);
        Assert.Equal("«1.234» kan bety både 1 234 og 1,234. Skriv 1234 hvis du mener 1 234, eller 1,234 med komma hvis du mener desimaler.", rows[1]);
        Assert.Equal(3, changed.QuerySelectorAll("[data-testid=measurement-rows] tbody tr").Length);

        // A date twice in the file is the file's mistake: it says which rows, not that the indicator has it.
        var twice = await PortalClient.ReadAsync(await ImportAsync(kari, Url(id), Encoding.UTF8.GetBytes("Dato;Verdi\n25.02.2026;165\n25.02.2026;170\n"), "biokull.csv"));
        Assert.Equal("OK | Datoen 25.02.2026 står også på rad 2 i filen (165 tonn). Rett datoen, eller registrer denne målingen i skjemaet hvis begge skal stå.",
            string.Join(" | ", twice.QuerySelectorAll("[data-testid=import-report] tbody tr").Select(r => r.QuerySelectorAll("td")[2].TextContent)));
        Assert.Equal(3, twice.QuerySelectorAll("[data-testid=measurement-rows] tbody tr").Length);
    }

    [Fact]
    public async Task AWrongMeasurement_IsDeleted_AndTheFormIsFilledWithIt_ToRegisterTheRightValue()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var id = await CreateAsync(kari);
        var ambiguous = await PortalClient.ReadAsync(await MeasureAsync(kari, Url(id), "2026-02-20", "1.234", "Produksjonsrapport"));
        Assert.Equal("«1.234» kan bety både 1 234 og 1,234. Skriv 1234 hvis du mener 1 234, eller 1,234 med komma hvis du mener desimaler.",
            ambiguous.FieldError("Measurement.Value"));
        Assert.Equal("1.234", ambiguous.FieldValue("Measurement.Value"));
        await ExpectRedirectAsync(await MeasureAsync(kari, Url(id), "2026-02-20", "1 234", "Produksjonsrapport"));
        var page = await kari.GetPageAsync(Url(id));
        var deleteForm = page.QuerySelector("[data-testid=measurement-rows] form[action*=DeleteMeasurement]")!;
        var measurementId = deleteForm.QuerySelector("input[name=measurementId]")!.GetAttribute("value")!;
        Assert.Equal("Slett målingen for 20.02.2026", deleteForm.QuerySelector("button")!.TextContent);

        // Only those who may register may delete; a member's post is refused and changes nothing.
        Assert.Empty((await ola.GetPageAsync(Url(id))).QuerySelectorAll("form[action*=DeleteMeasurement]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await ola.PostWithTokenAsync(Url(id) + "?handler=DeleteMeasurement", new() { ["measurementId"] = measurementId })).StatusCode);

        var deleted = await kari.PageAfterAsync(await kari.PostWithTokenAsync(Url(id) + "?handler=DeleteMeasurement", new() { ["measurementId"] = measurementId }));
        Assert.Contains("Målingen for 20.02.2026 (1 234 tonn) er slettet.", deleted.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("Ingen målinger er registrert ennå.", deleted.QuerySelector("#measurements")!.TextContent);
        Assert.NotNull(deleted.QuerySelector("[data-testid=filled-from-deleted]"));
        Assert.Equal("20.02.2026", deleted.FieldValue("Measurement.Date"));
        Assert.Equal("1234", deleted.FieldValue("Measurement.Value"));
        Assert.Equal("Produksjonsrapport", deleted.FieldValue("Measurement.Source"));
        // The same «Slett» from a tab opened before: the page says it is gone already, not «page not found».
        var again = await kari.PostWithTokenAsync(Url(id) + "?handler=DeleteMeasurement", new() { ["measurementId"] = measurementId });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Målingen er allerede slettet. Siden viser målingene slik de er nå.",
            (await PortalClient.ReadAsync(again)).GetElementById("error-summary")!.TextContent, StringComparison.Ordinal);
        await ExpectRedirectAsync(await MeasureAsync(kari, Url(id), "2026-02-20", "123,4", "Produksjonsrapport"));
        Assert.Equal("123,4 tonn", (await kari.GetPageAsync(Url(id))).QuerySelectorAll("[data-testid=measurement-rows] tbody td")[1].TextContent);

        var log = await Portal.WithScopeAsync(sp => sp.GetRequiredService<IndicatorsDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "Measurement" && e.EntityId == measurementId).OrderBy(e => e.Id).Select(e => new { e.Action, e.UserName, e.Changes }).ToListAsync());
        Assert.Equal([AuditAction.Created, AuditAction.Deleted], log.Select(e => e.Action).ToArray());
        Assert.Equal("Kari Nordby", log[1].UserName);
        Assert.Contains("1234", log[1].Changes);
    }

    [Fact]
    public async Task CsvImport_WithBadRows_ImportsNothingAndReportsEachRow()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var id = await CreateAsync(kari);
        var csv = "Dato;Verdi;Kilde;Kommentar\n31.01.2026;125,5;Rapport;\n31.02.2026;130;Rapport;\n15.02.2026;mye;;\n;140;;\n01.04.2026;150;;\n20.02.2026;-3;;\n01.01.1850;5;;\n";

        var response = await ImportAsync(kari, Url(id), Encoding.UTF8.GetBytes(csv), "biokull.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ReadAsync(response);
        Assert.Equal("6 av 7 rader må rettes. Ingen målinger er importert: rett filen og importer den på nytt.", page.GetElementById("MeasurementsFile-error")!.TextContent);
        var rows = page.QuerySelectorAll("[data-testid=import-report] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();
        Assert.Equal(["2", "31.01.2026; 125,5; Rapport", "OK"], rows[0]);
        Assert.Equal(["3", "Datoen «31.02.2026» er ikke en dato (skriv dd.mm.åååå)."], new[] { rows[1][0], rows[1][2] });
        Assert.Equal(["4", "Verdien «mye» er ikke et tall (skriv for eksempel 1 234,5)."], new[] { rows[2][0], rows[2][2] });
        Assert.Equal(["5", "Skriv inn datoen målingen gjelder (dd.mm.åååå)."], new[] { rows[3][0], rows[3][2] });
        Assert.Equal(["6", "Datoen kan ikke være fram i tid (i dag er 02.03.2026)."], new[] { rows[4][0], rows[4][2] });
        // What the form asks about, an import refuses: it cannot ask.
        Assert.Equal(["7", "Verdien -3 tonn er negativ, men utgangsverdien og målverdien er ikke det. Er målingen riktig, registrer den i skjemaet og kryss av for det der."],
            new[] { rows[5][0], rows[5][2] });
        Assert.Equal(["8", "Årstallet i 01.01.1850 kan ikke stemme. Skriv en dato mellom 1900 og 2099."], new[] { rows[6][0], rows[6][2] });
        Assert.Contains("Ingen målinger er registrert ennå.", page.QuerySelector("#measurements")!.TextContent);

        var unreadable = await PortalClient.ReadAsync(await ImportAsync(kari, Url(id), "PK\u0003\u0004 ikke en arbeidsbok"u8.ToArray(), "biokull.xlsx"));
        Assert.Equal("Filen «biokull.xlsx» kunne ikke leses. Lagre den som CSV (semikolon) eller Excel (.xlsx) og prøv igjen.", unreadable.GetElementById("MeasurementsFile-error")!.TextContent);
        var noHeader = await PortalClient.ReadAsync(await ImportAsync(kari, Url(id), Encoding.UTF8.GetBytes("Når;Hvor mye\n31.01.2026;3\n"), "biokull.csv"));
        Assert.Equal("Første rad må ha kolonnene Dato og Verdi (og gjerne Kilde og Kommentar). Mangler: Dato, Verdi.", noHeader.GetElementById("MeasurementsFile-error")!.TextContent);
    }

    [Fact]
    public async Task Export_AsCsvAndExcel_ReadsBackWithNumbersAsNumbers()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var id = await CreateAsync(kari);
        await ExpectRedirectAsync(await MeasureAsync(kari, Url(id), "2026-02-20", "140,25", "Rapport; mars", "Første"));
        await ExpectRedirectAsync(await MeasureAsync(kari, Url(id), "2026-02-27", "101,125"));

        var csv = Encoding.UTF8.GetString(await (await kari.GetAsync(Url(id) + "?handler=Export&format=csv")).Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Dato;Verdi;Kilde;Kommentar;Forventet;Registrert av", "20.02.2026;140,25;\"Rapport; mars\";Første;150;Kari Nordby"], lines[..2]);

        var response = await kari.GetAsync(Url(id) + "?handler=Export&format=xlsx");
        Assert.Equal("indikator-tonn-biokull-produsert.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();
        Assert.Equal("Verdi", rows[0][1].InnerText);
        Assert.Equal(new DateTime(2026, 2, 20), DateTime.FromOADate(double.Parse(rows[1][0].CellValue!.Text, CultureInfo.InvariantCulture))); // a date Excel sorts
        Assert.Equal(CellValues.Number, rows[1][1].DataType!.Value);
        Assert.Equal(140.25m, decimal.Parse(rows[1][1].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(150m, decimal.Parse(rows[1][4].CellValue!.Text, CultureInfo.InvariantCulture));

        // What was exported can be imported again (into another indicator): the import reads the same columns.
        var other = await CreateAsync(kari, new() { ["Input.Name"] = "Tonn biokull, kopi" });
        await ExpectRedirectAsync(await ImportAsync(kari, Url(other), Encoding.UTF8.GetBytes(csv), "eksport.csv"));
        // The Excel file too: its number cells are numbers (101.125 inside the file), not «thousands or decimals?».
        var fromExcel = await CreateAsync(kari, new() { ["Input.Name"] = "Tonn biokull, fra Excel" });
        await ExpectRedirectAsync(await ImportAsync(kari, Url(fromExcel), await (await kari.GetAsync(Url(id) + "?handler=Export&format=xlsx")).Content.ReadAsByteArrayAsync(), "eksport.xlsx"));
        var imported = (await kari.GetPageAsync(Url(fromExcel))).QuerySelector("[data-testid=measurement-rows]")!.TextContent;
        Assert.Contains("101,125", imported);
        Assert.Contains("27.02.2026", imported);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync(Url(id) + "?handler=Export&format=pdf")).StatusCode);
    }

    [Fact]
    public async Task EditedByTwoAtOnce_TheSecondSaveShowsAConflictAndKeepsTheInput()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var secondTab = await Portal.SignedInAsync(Demo.HallingdalSecretary); // the same secretary in another browser
        var id = await CreateAsync(kari);
        var first = await kari.FormValuesAsync(Url(id) + "/rediger", "main form");
        var second = await secondTab.FormValuesAsync(Url(id) + "/rediger", "main form");

        first["Input.TargetValue"] = "250";
        await ExpectRedirectAsync(await kari.PostFormAsync(Url(id) + "/rediger", first));
        second["Input.Name"] = "Biokull (tonn)";
        var response = await secondTab.PostFormAsync(Url(id) + "/rediger", second);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ReadAsync(response);
        Assert.Contains("Noen andre har lagret endringer i indikatoren mens du arbeidet.", page.GetElementById("error-summary")!.TextContent);
        Assert.Equal("Biokull (tonn)", page.FieldValue("Input.Name"));
        var saved = await kari.GetPageAsync(Url(id));
        Assert.Equal("Tonn biokull produsert", saved.QuerySelector("h1")!.TextContent);
        Assert.Contains("250 tonn", saved.QuerySelector("[data-testid=definition]")!.TextContent);

        // Told, she saves again from the same form: her whole version stands, the first save's target included.
        await ExpectRedirectAsync(await secondTab.PostFormAsync(Url(id) + "/rediger", PortalClient.FormValues(page, "main form")));
        var overwritten = await kari.GetPageAsync(Url(id));
        Assert.Equal("Biokull (tonn)", overwritten.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("250 tonn", overwritten.QuerySelector("[data-testid=definition]")!.TextContent);
    }

    [Fact]
    public async Task Member_ReadsWithoutForms_AndAPostFromHerAnswers403()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var id = await CreateAsync(kari);

        var page = await ola.GetPageAsync(Url(id));
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
        Assert.Empty(page.QuerySelectorAll($"a[href$='{id}/rediger']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await ola.PostWithTokenAsync(Url(id) + "?handler=Measurement",
            new() { ["Measurement.Date"] = "2026-02-20", ["Measurement.Value"] = "150" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ola.GetAsync(Url(id) + "/rediger")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ola.GetAsync(List + "/ny")).StatusCode);
        Assert.Empty((await ola.GetPageAsync(List)).QuerySelectorAll("a[href$='/indikatorer/ny']"));
    }
}
