using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BioSirk.Portal.SharedKernel.Spreadsheets;

/// <summary>A file to download: its name, its content type and its bytes.</summary>
public sealed record ExportFile(string FileName, string ContentType, byte[] Content)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";
}

/// <summary>
/// An amount in kroner: a number in the file, shown with two decimals (and thousands grouped in Excel). The value is
/// written exactly (hours × a rate in øre may leave parts of an øre), so that the rows add up to their sum in the file:
/// the CSV has more decimals only when there are any; Excel shows two.
/// </summary>
public readonly record struct KronerCell(decimal Value);

/// <summary>
/// Writes rows of cells (text, decimals, <see cref="KronerCell"/>, <see cref="DateOnly"/> or nothing) as CSV with
/// semicolons (numbers with a decimal comma and dates as dd.mm.åååå, as Excel in Norway reads them) or as a one-sheet
/// .xlsx where numbers stay numbers and dates are dates, so that the county can sum, sort and filter them.
/// </summary>
public static class SpreadsheetWriter
{
    private const uint DateStyle = 1;
    private const uint KronerStyle = 2;

    public static ExportFile Export(string baseName, string sheetName, IReadOnlyList<object?[]> rows, bool excel) => excel
        ? new ExportFile(baseName + ".xlsx", ExportFile.XlsxContentType, Xlsx(rows, sheetName))
        : new ExportFile(baseName + ".csv", ExportFile.CsvContentType, Csv(rows));

    public static byte[] Csv(IReadOnlyList<object?[]> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(';', row.Select(Field)));
        }

        // A BOM so that Excel opens the file as UTF-8 (æ, ø, å).
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(IReadOnlyList<object?[]> rows, string sheetName)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var row in rows)
            {
                data.Append(new Row(row.Select(Cell)));
            }

            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Cell formats by index: 0 as Excel's default, 1 a date (dd.mm.åååå), 2 an amount with two decimals.</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd.mm.yyyy" }) { Count = 1 },
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true }) // built-in «#,##0.00»
        { Count = 3 });

    private static string Field(object? value) => value switch
    {
        null => string.Empty,
        decimal number => number.ToString("0.####", CultureInfo.InvariantCulture).Replace('.', ','),
        KronerCell kroner => kroner.Value.ToString("0.00####", CultureInfo.InvariantCulture).Replace('.', ','),
        DateOnly date => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        var other => Quote(Inert(other.ToString() ?? string.Empty)),
    };

    /// <summary>
    /// A text a spreadsheet would run as a formula (=, +, -, @, or a tab or return first: «=HYPERLINK(…)» typed as an
    /// activity) gets an apostrophe in front, which Excel shows as text. Numbers are written as numbers, not through here.
    /// </summary>
    private static string Inert(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string text) =>
        text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static Cell Cell(object? value) => value switch
    {
        decimal number => new Cell { DataType = CellValues.Number, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) },
        KronerCell kroner => new Cell { DataType = CellValues.Number, CellValue = new CellValue(kroner.Value.ToString(CultureInfo.InvariantCulture)), StyleIndex = KronerStyle },
        DateOnly date => new Cell
        {
            DataType = CellValues.Number, StyleIndex = DateStyle,
            CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
        },
        null => new Cell(),
        var other => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(XmlText(other.ToString() ?? string.Empty))) },
    };

    /// <summary>
    /// A text as the workbook's XML can hold it: a control character (Word's line break, a vertical tab, pasted with the
    /// text) has no place in XML and would fail the whole file, so it is written as a space.
    /// </summary>
    private static string XmlText(string text) =>
        text.Any(c => !XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c))
            ? new string([.. text.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : ' ')])
            : text;
}
