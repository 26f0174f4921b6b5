using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Agreements.TimesheetTests;
using IndicatorSteps = BioSirk.Portal.Tests.Indicators.IndicatorSteps;

namespace BioSirk.Portal.Tests.SharedKernel;

/// <summary>The files secretaries really bring in (Excel workbooks with formatted cells, blank rows, old .xls) and take out.</summary>
public sealed class SpreadsheetFileTests(PortalFactory portal) : PortalTest(portal)
{
    // Cell formats of the test workbooks, as Excel gives them: 0 general, 1 a date, 2 a percentage («0 %»), 3 a clock time («t:mm»).
    private const uint DateCell = 1;
    private const uint PercentCell = 2;
    private const uint TimeCell = 3;

    [Fact]
    public async Task ExcelMeasurements_InAPercentCell_AreImportedAsThePercentShown()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var id = await IndicatorSteps.CreateAsync(kari, new()
        {
            ["Input.Name"] = "Andel kommuner med sirkulære innkjøp", ["Input.Unit"] = "%", ["Input.BaselineValue"] = "20", ["Input.TargetValue"] = "60",
        });
        // Excel keeps «45 %» typed in a percent cell as 0.45; the sheet shows 45 %, and so does a CSV saved from it.
        var xlsx = Workbook(
            [["Dato", "Verdi"], [(new DateTime(2026, 2, 20).ToOADate(), DateCell), (0.45, PercentCell)]]);

        await ExpectRedirectAsync(await IndicatorSteps.ImportAsync(kari, IndicatorSteps.Url(id), xlsx, "andel.xlsx"));

        var page = await kari.GetPageAsync(IndicatorSteps.Url(id));
        Assert.Equal("45 %", page.QuerySelectorAll("[data-testid=measurement-rows] tbody tr")[0].QuerySelectorAll("td")[1].TextContent);
    }

    [Fact]
    public async Task ExcelMeasurements_BehindAChartSheetAndAGuideSheet_AreReadFromTheSheetWithTheColumns()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var id = await IndicatorSteps.CreateAsync(kari);
        // A chart moved to its own sheet (F11) is put before the sheet of its data; a guide sheet often comes first too.
        var xlsx = Workbook(chartSheetFirst: true,
            ("Veiledning", [["Fyll inn målingene på arket Målinger."]]),
            ("Målinger", [["Dato", "Verdi"], [(new DateTime(2026, 2, 20).ToOADate(), DateCell), (150.0, 0u)]]));

        await ExpectRedirectAsync(await IndicatorSteps.ImportAsync(kari, IndicatorSteps.Url(id), xlsx, "biokull.xlsx"));

        var page = await kari.GetPageAsync(IndicatorSteps.Url(id));
        Assert.Equal("150 tonn", page.QuerySelectorAll("[data-testid=measurement-rows] tbody tr")[0].QuerySelectorAll("td")[1].TextContent);
    }

    [Fact]
    public async Task ExcelTimesheet_OnItsSecondSheet_IsImported()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var xlsx = Workbook(chartSheetFirst: false,
            ("Veiledning", [["Timelisten fylles ut på arket Timer."]]),
            ("Timer", [["Dato", "Person", "Aktivitet", "Timer"], ["02.02.2026", "Kari Nordby", "Mobilisering", (7.5, 0u)]]));

        Portal.Clock.Set(AfterTheWork);
        await ExpectRedirectAsync(await ImportAsync(kari, id, xlsx, "timeliste.xlsx"));

        Assert.Contains("02.02.2026", (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=hour-rows] tbody tr")!.TextContent);
    }

    [Fact]
    public async Task AWorkbookThatUnpacksToFarMoreThanATimesheet_IsRefusedUnread()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var xlsx = Workbook(chartSheetFirst: false,
            ("Timer", [["Dato", "Person", "Aktivitet", "Timer"], ["02.02.2026", "Kari Nordby", "Mobilisering", (7.5, 0u)]]));
        // 60 MB of zeros in a part of the workbook: a few kilobytes to upload, 60 MB to unpack.
        using (var package = new MemoryStream())
        {
            package.Write(xlsx);
            using (var zip = new System.IO.Compression.ZipArchive(package, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
            await using (var padding = zip.CreateEntry("xl/media/padding.bin", System.IO.Compression.CompressionLevel.SmallestSize).Open())
            {
                var zeros = new byte[1024 * 1024];
                for (var i = 0; i < 60; i++)
                {
                    await padding.WriteAsync(zeros);
                }
            }

            xlsx = package.ToArray();
        }

        Assert.True(xlsx.Length < 1024 * 1024, $"The test's workbook is {xlsx.Length} bytes.");
        Portal.Clock.Set(AfterTheWork);
        var page = await PortalClient.ReadAsync(await ImportAsync(kari, id, xlsx, "timeliste.xlsx"));

        Assert.Equal("Filen «timeliste.xlsx» kunne ikke leses. Lagre den som CSV (semikolon) eller Excel (.xlsx) og prøv igjen.", page.GetElementById("Timesheet-error")!.TextContent);
        Assert.Null((await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=hour-rows] tbody tr"));
    }

    [Fact]
    public async Task ExcelTimesheet_WithHoursTypedAsClockTime_IsNotReadAsPartsOfADay()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        // «6:00» typed in the Timer column is a clock time to Excel: a quarter of a day, 0.25.
        var xlsx = Workbook(
            [["Dato", "Person", "Aktivitet", "Timer"], [(new DateTime(2026, 2, 2).ToOADate(), DateCell), "Kari Nordby", "Mobilisering", (0.25, TimeCell)]]);

        Portal.Clock.Set(AfterTheWork);
        var response = await ImportAsync(kari, id, xlsx, "timeliste.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ReadAsync(response);
        var row = page.QuerySelectorAll("[data-testid=import-report] tbody tr").Single().QuerySelectorAll("td").Select(td => td.TextContent).ToArray();
        Assert.Equal("2", row[0]);
        Assert.Equal("Timene «6:00» er ikke et tall (skriv for eksempel 7,5).", row[2]);
        Assert.Contains("Ingen timer er registrert ennå.", page.QuerySelector("#hours")!.TextContent);
    }

    [Fact]
    public async Task TimesheetWithABlankRow_NamesTheWrongRowAsTheSpreadsheetNumbersIt()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        Portal.Clock.Set(AfterTheWork);

        var csv = "Dato;Person;Aktivitet;Timer\r\n02.02.2026;Kari Nordby;Mobilisering;7,5\r\n\r\n05.01.2027;Kari Nordby;Etter perioden;3\r\n";
        var fromCsv = await PortalClient.ReadAsync(await ImportAsync(kari, id, Encoding.UTF8.GetBytes(csv), "timeliste.csv"));
        Assert.Equal(["2", "4"], ReportedRows(fromCsv));

        // Excel leaves an empty row out of the file: the row after it is row 4 all the same.
        var xlsx = Workbook(
            [["Dato", "Person", "Aktivitet", "Timer"], ["02.02.2026", "Kari Nordby", "Mobilisering", (7.5, 0u)], null,
                ["05.01.2027", "Kari Nordby", "Etter perioden", (3.0, 0u)]]);
        var fromXlsx = await PortalClient.ReadAsync(await ImportAsync(kari, id, xlsx, "timeliste.xlsx"));
        Assert.Equal(["2", "4"], ReportedRows(fromXlsx));
    }

    [Fact]
    public async Task OldExcelFile_IsToldToBeSavedAsXlsx_NotThatItsColumnsAreMissing()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        // An Excel 97–2003 workbook (or a workbook with a password): a compound file, binary, not CSV.
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00, .. Encoding.Unicode.GetBytes("Dato;Person;Aktivitet;Timer"), 0x00, 0x00, 0x3E, 0x00, 0x03];

        Portal.Clock.Set(AfterTheWork);
        var page = await PortalClient.ReadAsync(await ImportAsync(kari, id, xls, "timeliste.xls"));

        Assert.Equal("Filen «timeliste.xls» kunne ikke leses. Lagre den som CSV (semikolon) eller Excel (.xlsx) og prøv igjen.", page.GetElementById("Timesheet-error")!.TextContent);
    }

    [Fact]
    public async Task TimesheetDates_AsTheFormTakesThem_AreTakenByTheImportToo()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        Portal.Clock.Set(AfterTheWork);
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "4.2.26", "Kari Nordby", "Mobilisering", "1"));

        var csv = "Dato;Person;Aktivitet;Timer\n5.2.26;Kari Nordby;Mobilisering;2\n";
        await ExpectRedirectAsync(await ImportAsync(kari, id, Encoding.UTF8.GetBytes(csv), "timeliste.csv"));

        Assert.Contains("05.02.2026", (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=hour-rows] tbody tr")!.TextContent);
    }

    [Fact]
    public async Task Export_OfAnActivityPastedWithAControlCharacter_StillOpensInExcel()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        Portal.Clock.Set(AfterTheWork);
        // Word's line break (Shift+Enter) is a vertical tab; pasted into the form it comes along.
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-02-05", "Kari Nordby", "Møte\u000Bnæringshagen", "7,5"));

        var download = await sigrid.GetAsync(CountyUrl(id) + "?handler=Export&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), false);
        var texts = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().Select(c => c.InnerText).ToList();
        Assert.Contains(texts, t => t.StartsWith("Møte", StringComparison.Ordinal) && t.EndsWith("næringshagen", StringComparison.Ordinal));
    }

    private static string[] ReportedRows(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=import-report] tbody tr").Select(r => r.QuerySelector("td")!.TextContent)];

    /// <summary>
    /// A workbook as Excel writes it: rows and cells with their references, an empty row left out (null), a text in a
    /// shared-string-free inline cell, a number with its cell format (a (value, style) pair).
    /// </summary>
    private static byte[] Workbook(object?[]?[] rows) => Workbook(false, ("Ark1", rows));

    private static byte[] Workbook(bool chartSheetFirst, params (string Name, object?[]?[] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellStyleFormats(new CellFormat()) { Count = 1 },
                new CellFormats(
                    new CellFormat(),
                    new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 20, ApplyNumberFormat = true }) { Count = 4 });
            var list = workbook.Workbook.AppendChild(new Sheets());
            if (chartSheetFirst)
            {
                var chart = workbook.AddNewPart<ChartsheetPart>();
                chart.Chartsheet = new Chartsheet(new ChartSheetViews(new ChartSheetView { WorkbookViewId = 0 }));
                list.Append(new Sheet { Id = workbook.GetIdOfPart(chart), SheetId = 99, Name = "Diagram1" });
            }

            foreach (var (name, rows) in sheets)
            {
                var sheet = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    if (rows[r] is not { } row)
                    {
                        continue;
                    }

                    var number = (uint)(r + 1);
                    data.Append(new Row(row.Select((value, c) => Cell(value, $"{(char)('A' + c)}{number}"))) { RowIndex = number });
                }

                sheet.Worksheet = new Worksheet(data);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = (uint)list.ChildElements.Count + 1, Name = name });
            }
        }

        return stream.ToArray();
    }

    private static Cell Cell(object? value, string reference) => value switch
    {
        string text => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) },
        ValueTuple<double, uint> (var number, var style) => new Cell
        {
            CellReference = reference, StyleIndex = style == 0 ? null : (UInt32Value)style, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)),
        },
        _ => new Cell { CellReference = reference },
    };
}
