using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BioSirk.Portal.SharedKernel.Spreadsheets;

/// <summary>The file could not be read as CSV or .xlsx; the importer answers with one message about the whole file.</summary>
public sealed class UnreadableSpreadsheetException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Reads an uploaded table the way people make them in Norway: CSV with ; or , (the one the first line uses most), or
/// an Excel .xlsx (the first sheet with a date column). Every cell comes back as text (an Excel number with a decimal comma, a percent or
/// clock-time cell as it shows: «45 %», «6:00»); numbers and
/// dates are parsed by the importer with the same rules as its form. Row i of the list is row i + 1 of the file as a
/// spreadsheet numbers it: an empty row stays in the list (empty), so that a report names the row the person sees.
/// </summary>
public static partial class SpreadsheetReader
{
    /// <param name="dateColumns">The headers (any case) a date column may have: Excel keeps dates as day numbers, which
    /// are turned into dd.MM.yyyy here.</param>
    /// <exception cref="UnreadableSpreadsheetException">The file is neither readable CSV nor a readable workbook.</exception>
    public static async Task<List<string[]>> ReadAsync(Stream file, IReadOnlyCollection<string> dateColumns, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var head = buffer.ToArray().AsSpan(0, (int)Math.Min(4, buffer.Length));
        try
        {
            return head.StartsWith("PK\u0003\u0004"u8) ? ReadXlsx(buffer, dateColumns) : ReadCsv(buffer);
        }
        catch (Exception ex) when (ex is CsvHelperException or OpenXmlPackageException or InvalidDataException or FormatException)
        {
            throw new UnreadableSpreadsheetException("The file is neither CSV nor .xlsx.", ex);
        }
    }

    /// <summary>The index of the header row: the first that is not empty. -1 when every row is.</summary>
    public static int HeaderRow(List<string[]> rows) => rows.FindIndex(r => !r.All(string.IsNullOrWhiteSpace));

    /// <summary>A header cell as a column name: trimmed, lower case, without a byte order mark.</summary>
    public static string Header(string cell) => cell.Trim().TrimStart('\uFEFF').ToLowerInvariant();

    /// <summary>Dates as people type them, and as the date fields of the forms take them: 15.02.2026, 5.2.2026, 2026-02-15, 15.02.26, 5.2.26.</summary>
    public static DateOnly? ParseDate(string text)
    {
        string[] formats = ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd", "dd.MM.yy", "d.M.yy"];
        return DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    private static List<string[]> ReadCsv(MemoryStream stream)
    {
        var text = DecodeText(stream.ToArray());
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            // Text has no NUL, a binary file has many: an Excel 97–2003 workbook (.xls), one with a password, a PDF.
            throw new InvalidDataException("A binary file, not CSV.");
        }

        var firstLine = text.Split('\n')[0];
        var delimiter = firstLine.Count(c => c == ';') >= firstLine.Count(c => c == ',') ? ";" : ",";
        using var csv = new CsvParser(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter, BadDataFound = null, IgnoreBlankLines = false });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Record ?? []);
        }

        return rows;
    }

    /// <summary>
    /// UTF-8 (with or without a byte order mark) or UTF-16 with one; otherwise Windows-1252, which is what Norwegian
    /// Excel writes for «CSV (semikolonseparert)»: read as UTF-8, its æ, ø and å would come out as «�».
    /// </summary>
    public static string DecodeText(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) || bytes.AsSpan().StartsWith(Encoding.Unicode.Preamble)
            || bytes.AsSpan().StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.Value.GetString(bytes);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    private const uint MaxExcelRows = 1_048_576;

    /// <summary>
    /// A workbook is a zip: a few megabytes can unpack to gigabytes (a "zip bomb") and the sheet is read whole into
    /// memory. A year's timesheet unpacks to a few megabytes; one that says it unpacks to more than this is not opened.
    /// </summary>
    private const long MaxUnpackedBytes = 50 * 1024 * 1024;

    private static List<string[]> ReadXlsx(Stream stream, IReadOnlyCollection<string> dateColumns)
    {
        RefuseTooLargeWhenUnpacked(stream);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook.");
        // A chart moved to a sheet of its own is put before its data, and a guide sheet often comes first: the table is
        // on the first worksheet with a date column, or else on the first worksheet (whose header is then reported).
        var worksheets = (workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
            .Select(s => s.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) ? part as WorksheetPart : null).OfType<WorksheetPart>().ToList();
        if (worksheets.Count == 0)
        {
            throw new InvalidDataException("No worksheet.");
        }

        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var formats = CellFormats(workbook);
        List<string[]>? first = null, rows = null;
        foreach (var part in worksheets)
        {
            var read = ReadSheet(part, shared, formats);
            first ??= read;
            if (HeaderRow(read) is var h and >= 0 && read[h].Any(cell => dateColumns.Contains(Header(cell))))
            {
                rows = read;
                break;
            }
        }

        rows ??= first!;
        if (HeaderRow(rows) is var headerRow and >= 0)
        {
            var column = Array.FindIndex(rows[headerRow], h => dateColumns.Contains(Header(h)));
            foreach (var r in rows.Skip(headerRow + 1).Where(r => column >= 0 && column < r.Length))
            {
                if (double.TryParse(r[column].Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
                {
                    r[column] = DateTime.FromOADate(serial).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
                }
            }
        }

        return rows;
    }

    private static void RefuseTooLargeWhenUnpacked(Stream stream)
    {
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                throw new InvalidDataException("The workbook unpacks to more than 50 MB.");
            }
        }

        stream.Position = 0;
    }

    private static List<string[]> ReadSheet(WorksheetPart part, List<string> shared, List<Shown> formats)
    {
        var rows = new List<string[]>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            // Excel leaves empty rows out of the file; the rows after them keep their numbers (up to Excel's last row).
            while (row.RowIndex?.Value is { } number and <= MaxExcelRows && rows.Count < number - 1)
            {
                rows.Add([]);
            }

            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var index = ColumnIndex(cell.CellReference?.Value);
                while (cells.Count < index)
                {
                    cells.Add(string.Empty);
                }

                cells.Add(CellText(cell, shared, formats));
            }

            rows.Add([.. cells]);
        }

        return rows;
    }

    private static string CellText(Cell cell, List<string> shared, List<Shown> formats)
    {
        var value = cell.CellValue?.InnerText ?? cell.InlineString?.InnerText ?? string.Empty;
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(value, out var i) && i < shared.Count)
        {
            return shared[i];
        }

        // A number cell holds 101.125 however Excel shows it; as text with a point it would read as «thousands or
        // decimals?». It is written as it is typed in Norway: 101,125.
        var isNumber = cell.DataType is null || cell.DataType.Value == CellValues.Number;
        if (!isNumber || !decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return value;
        }

        // A percent cell holds 0.45 for the 45 % it shows (and a CSV saved from it says), a clock time 0.25 for 6:00:
        // read as 0,45 or 0,25 they would be another value without a word. They are read as shown.
        return (cell.StyleIndex?.Value is { } style && style < formats.Count ? formats[(int)style] : Shown.AsIs) switch
        {
            Shown.Percent => Typed(number * 100) + " %",
            Shown.ClockTime => ClockTime(number, elapsed: false),
            Shown.ElapsedTime => ClockTime(number, elapsed: true),
            _ => Typed(number),
        };
    }

    private static string Typed(decimal number) => number.ToString("0.############", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>6:00 for 0.25 of a day; a clock time shows the time of day, an elapsed time («[t]:mm») all its hours.</summary>
    private static string ClockTime(decimal days, bool elapsed)
    {
        var minutes = (long)decimal.Round(days * 1440, MidpointRounding.AwayFromZero);
        minutes = elapsed ? minutes : ((minutes % 1440) + 1440) % 1440;
        return (minutes / 60).ToString(CultureInfo.InvariantCulture) + ":" + Math.Abs(minutes % 60).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>How a number cell shows its value, by its cell format.</summary>
    private enum Shown
    {
        AsIs,
        Percent,
        ClockTime,
        ElapsedTime,
    }

    /// <summary>What each cell format (a cell's style index) makes of a number.</summary>
    private static List<Shown> CellFormats(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var custom = new Dictionary<uint, string>();
        foreach (var format in stylesheet?.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id)
            {
                custom.TryAdd(id, format.FormatCode?.Value ?? string.Empty);
            }
        }

        return [.. (stylesheet?.CellFormats?.Elements<CellFormat>() ?? []).Select(f => f.NumberFormatId?.Value ?? 0).Select(id => id switch
        {
            9 or 10 => Shown.Percent,
            18 or 19 or 20 or 21 or 45 or 47 => Shown.ClockTime,
            46 => Shown.ElapsedTime,
            _ => custom.TryGetValue(id, out var code) ? ShownBy(code) : Shown.AsIs,
        })];
    }

    /// <summary>A custom format's first section, without its quoted text, escaped characters and [colours] or [$-414].</summary>
    private static Shown ShownBy(string code)
    {
        var section = QuotedOrEscaped().Replace(code, string.Empty).Split(';')[0].ToLowerInvariant();
        var elapsed = section.Contains("[h", StringComparison.Ordinal);
        var plain = Bracketed().Replace(section, string.Empty);
        if (plain.Contains('%', StringComparison.Ordinal))
        {
            return Shown.Percent;
        }

        var isTime = (elapsed || plain.Contains('h', StringComparison.Ordinal) || plain.Contains("ss", StringComparison.Ordinal))
            && !plain.Contains('y', StringComparison.Ordinal) && !plain.Contains('d', StringComparison.Ordinal);
        return !isTime ? Shown.AsIs : elapsed ? Shown.ElapsedTime : Shown.ClockTime;
    }

    [GeneratedRegex(@"""[^""]*""|\\.")]
    private static partial Regex QuotedOrEscaped();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Bracketed();

    private static int ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return 0;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }
}
