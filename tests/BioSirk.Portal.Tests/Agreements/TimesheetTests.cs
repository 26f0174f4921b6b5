using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using BioSirk.Portal.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;

namespace BioSirk.Portal.Tests.Agreements;

public sealed class TimesheetTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task CsvTimesheet_IsImportedWhole()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var csv = "Dato;Person;Aktivitet;Timer;Kommentar\n02.02.2026;Kari Nordby;Mobilisering;7,5;Møte med næringshagen\n03.02.2026;Ola Bakken;Samarbeidsarena;4;\n2026-02-04;Kari Nordby;Rapport;2,25;\n";

        Portal.Clock.Set(AfterTheWork); // the work is done, then registered
        var response = await ImportAsync(kari, id, Encoding.UTF8.GetBytes(csv), "timeliste.csv");

        await ExpectRedirectAsync(response);
        var page = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Equal(3, page.QuerySelectorAll("[data-testid=hour-rows] tbody tr").Length);
        Assert.Null(page.QuerySelector("[data-testid=hour-rows-shown]"));
        Assert.Contains("13,75 t × kr 900,00", page.QuerySelector("[data-testid=spend-table]")!.TextContent);
        Assert.Contains("kr 12 375,00", page.QuerySelector("[data-testid=spend-table]")!.TextContent);

        // The same file again, and one that overlaps it: what is registered already is not doubled.
        var again = await kari.PageAfterAsync(await ImportAsync(kari, id, Encoding.UTF8.GetBytes(csv), "timeliste.csv"));
        Assert.Equal("Ingen nye timer i timelisten: alle 3 radene er registrert fra før.", again.QuerySelector("[role=status]")!.TextContent.Trim());
        var overlapping = csv + "05.02.2026;Ola Bakken;Samarbeidsarena;3;\n";
        var more = await kari.PageAfterAsync(await ImportAsync(kari, id, Encoding.UTF8.GetBytes(overlapping), "timeliste.csv"));
        Assert.Equal("Timelisten er importert: 1 rader. Hoppet over fordi de er registrert fra før: 3.", more.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal(4, more.QuerySelectorAll("[data-testid=hour-rows] tbody tr").Length);
    }

    [Fact]
    public async Task CsvTimesheet_SavedByNorwegianExcel_KeepsItsÆØÅ()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var windows1252 = Encoding.GetEncoding(1252).GetBytes("Dato;Person;Aktivitet;Timer;Kommentar\r\n02.02.2026;Kåre Nordbø;Møte på Ål;7,5;Æ og å\r\n");

        Portal.Clock.Set(AfterTheWork); // the work is done, then registered
        await ExpectRedirectAsync(await ImportAsync(kari, id, windows1252, "timeliste.csv"));

        var row = (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=hour-rows] tbody tr")!.TextContent;
        Assert.Contains("Kåre Nordbø", row);
        Assert.Contains("Møte på Ål", row);
        Assert.DoesNotContain("\uFFFD", row);
    }

    [Fact]
    public async Task LongTimesheet_ThePageListsTheNewestRows_AndSaysTheSumsHaveThemAll()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var first = new DateOnly(2026, 1, 15);
        var rows = Enumerable.Range(0, 205).Select(i => $"{first.AddDays(i / 5):dd.MM.yyyy};Deltaker {i % 5 + 1};Mobilisering;1");
        var csv = "Dato;Person;Aktivitet;Timer\n" + string.Join('\n', rows) + "\n";

        Portal.Clock.Set(AfterTheWork); // the work is done, then registered
        await ExpectRedirectAsync(await ImportAsync(kari, id, Encoding.UTF8.GetBytes(csv), "timeliste.csv"));

        var page = await kari.GetPageAsync(CouncilUrl(id));
        var listed = page.QuerySelectorAll("[data-testid=hour-rows] tbody tr");
        Assert.Equal(200, listed.Length);
        Assert.Equal("24.02.2026", listed[0].QuerySelector("td")!.TextContent);
        Assert.Equal("Viser de 200 nyeste av 205 timeføringer. Summene gjelder alle, og Excel- og CSV-filen har alle radene.",
            page.QuerySelector("[data-testid=hour-rows-shown]")!.TextContent.Trim());
        Assert.Contains("205 t × kr 900,00", page.QuerySelector("[data-testid=spend-table]")!.TextContent);
    }

    [Fact]
    public async Task TimesheetWithBadRows_ImportsNothingAndReportsEachRow()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var csv = "Dato;Person;Aktivitet;Timer\n02.02.2026;Kari Nordby;Mobilisering;7,5\n05.01.2027;Kari Nordby;Etter perioden;3\n04.02.2026;;Rapport;mye\n20.05.2026;Kari Nordby;Neste uke;2\n";

        Portal.Clock.Set(AfterTheWork); // the work is done, then registered
        var response = await ImportAsync(kari, id, Encoding.UTF8.GetBytes(csv), "timeliste.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ReadAsync(response);
        Assert.Equal("3 av 4 rader må rettes. Ingen timer er importert: rett filen og importer den på nytt.", page.GetElementById("Timesheet-error")!.TextContent);
        var rows = page.QuerySelectorAll("[data-testid=import-report] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();
        Assert.Equal(["2", "OK"], new[] { rows[0][0], rows[0][2] });
        Assert.Equal("3", rows[1][0]);
        Assert.Equal("Datoen må ligge i avtaleperioden, 15.01.2026–31.12.2026.", rows[1][2]);
        Assert.Equal("4", rows[2][0]);
        Assert.Contains("Timene «mye» er ikke et tall", rows[2][2]);
        Assert.Contains("Skriv inn hvem som har arbeidet.", rows[2][2]);
        Assert.Equal("Datoen er fram i tid. Timer registreres når arbeidet er gjort. I dag er 15.05.2026.", rows[3][2]);
        Assert.Contains("Ingen timer er registrert ennå.", page.QuerySelector("#hours")!.TextContent);
    }

    [Fact]
    public async Task OnePersonsDay_HasAtMost24Hours_InTheFormAndInTheImport()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        Portal.Clock.Set(AfterTheWork); // the work is done, then registered
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-02-05", "Kari Nordby", "Mobilisering", "7,5"));
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-02-05", "Kari Nordby", "Rapport", "7,25"));
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-02-05", "Ola Haugen", "Rapport", "20"));

        var tooMany = await PortalClient.ReadAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-02-05", "kari nordby", "Møte", "10"));
        Assert.Equal("kari nordby har allerede 14,75 t registrert 05.02.2026. Med 10 t til blir det 24,75 t, og en dag har høyst 24.", tooMany.FieldError("Hours.Hours"));
        Assert.Equal("Møte", tooMany.FieldValue("Hours.Activity"));

        var csv = "Dato;Person;Aktivitet;Timer\n06.02.2026;Kari Nordby;Mobilisering;20\n06.02.2026;Kari Nordby;Møte;5\n05.02.2026;Kari Nordby;Møte;9,25\n";
        var page = await PortalClient.ReadAsync(await ImportAsync(kari, id, Encoding.UTF8.GetBytes(csv), "timeliste.csv"));
        var rows = page.QuerySelectorAll("[data-testid=import-report] tbody tr").Select(r => r.QuerySelectorAll("td")[2].TextContent).ToList();
        Assert.Equal(["OK", "Kari Nordby har allerede 20 t registrert 06.02.2026. Med 5 t til blir det 25 t, og en dag har høyst 24.", "OK"], rows);
    }

    [Fact]
    public async Task ExcelTimesheet_WithDatesAsExcelDays_IsImported()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var xlsx = Workbook(
            ["Dato", "Person", "Aktivitet", "Timer"],
            [new DateTime(2026, 2, 2).ToOADate(), "Kari Nordby", "Mobilisering", 7.5],
            ["03.02.2026", "Ola Bakken", "Samarbeidsarena", 4]);

        Portal.Clock.Set(AfterTheWork); // the work is done, then registered
        await ExpectRedirectAsync(await ImportAsync(kari, id, xlsx, "timeliste.xlsx"));

        var page = await kari.GetPageAsync(CouncilUrl(id));
        var first = page.QuerySelectorAll("[data-testid=hour-rows] tbody tr").Last().TextContent;
        Assert.Contains("02.02.2026", first);
        Assert.Contains("11,5 t", page.QuerySelector("[data-testid=spend-table]")!.TextContent);
    }

    [Fact]
    public async Task Export_HasTheInvoiceMarkingsOnTopAndNumbersAsNumbers()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        Portal.Clock.Set(AfterTheWork); // the work is done, then registered
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-02-05", "Kari Nordby", "Mobilisering", "7,5"));
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterCostAsync(kari, id, "2026-03-01", "Hallingdal Hotell AS", "Møteleie", "12 345,67", "%PDF-1.4"u8.ToArray(), "faktura.pdf"));

        var csv = Encoding.UTF8.GetString(await (await sigrid.GetAsync(CountyUrl(id) + "?handler=Export&format=csv")).Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split(Environment.NewLine);
        Assert.Equal("Fakturaen merkes;Missionssatsingen på sirkulær grønn nærings- og industriutvikling", lines[0]);
        Assert.Equal("Bestillernummer;B701010", lines[1]);
        Assert.Equal("Prosjektnummer;60256", lines[2]);
        Assert.Contains("05.02.2026;Kari Nordby;Mobilisering;7,5;900,00;6750,00;", csv);
        Assert.Contains("01.03.2026;Hallingdal Hotell AS;Møteleie;12345,67;faktura.pdf", csv);

        // A text that a spreadsheet would run as a formula is written so that it stays text.
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-02-06", "Kari Nordby", "=HYPERLINK(\"http://evil.example\";\"klikk\")", "1"));
        var withFormula = Encoding.UTF8.GetString(await (await sigrid.GetAsync(CountyUrl(id) + "?handler=Export&format=csv")).Content.ReadAsByteArrayAsync());
        Assert.Contains("06.02.2026;Kari Nordby;\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"klikk\"\")\";1;900,00;900,00;", withFormula);

        var xlsx = await (await kari.GetAsync(CouncilUrl(id) + "?handler=Export&format=xlsx")).Content.ReadAsByteArrayAsync();
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();
        Assert.Equal("B701010", cells[1][1].InnerText);
        var hourRow = cells.First(r => r.Count > 3 && r[1].InnerText == "Kari Nordby");
        Assert.Equal(CellValues.Number, hourRow[3].DataType!.Value);
        Assert.Equal(7.5m, decimal.Parse(hourRow[3].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        // A date is a date and an amount is kroner with two decimals in Excel, so that the county can sort and sum them.
        var formats = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var numberFormats = document.WorkbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value);
        Assert.Equal(CellValues.Number, hourRow[0].DataType!.Value);
        Assert.Equal(new DateTime(2026, 2, 5), DateTime.FromOADate(double.Parse(hourRow[0].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("dd.mm.yyyy", numberFormats[formats[(int)hourRow[0].StyleIndex!.Value].NumberFormatId!.Value]);
        Assert.Equal(4u, formats[(int)hourRow[5].StyleIndex!.Value].NumberFormatId!.Value); // built-in «#,##0.00»
        Assert.Equal(6750m, decimal.Parse(hourRow[5].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));

        // The file is named for its agreement, and a format the portal does not write is not there.
        var download = await kari.GetAsync(CouncilUrl(id) + "?handler=Export&format=xlsx");
        Assert.Equal($"timer-og-kostnader-b701010-60256-{id.ToString()[..8]}.xlsx", download.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync(CouncilUrl(id) + "?handler=Export&format=pdf")).StatusCode);
    }

    /// <summary>Posts <paramref name="file"/> to the agreement page's timesheet import, as the secretary's file field sends it.</summary>
    internal static async Task<HttpResponseMessage> ImportAsync(PortalClient client, Guid id, byte[] file, string fileName)
    {
        var page = await client.GetPageAsync(CouncilUrl(id));
        var form = (IHtmlFormElement)page.QuerySelector("form[action*=Import]")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "timesheet", fileName },
        };
        return await client.Http.PostAsync(form.GetAttribute("action"), content);
    }

    private static byte[] Workbook(params object[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var row in rows)
            {
                data.Append(new Row(row.Select(Cell)));
            }

            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Timer" }));
        }

        return stream.ToArray();
    }

    private static Cell Cell(object value) => value is string text
        ? new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) }
        : new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)) };
}
