using BioSirk.Portal.Indicators.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Spreadsheets;
using BioSirk.Portal.SharedKernel.Time;

namespace BioSirk.Portal.Indicators.Features;

/// <summary>
/// Imports measurements from CSV (; or ,) or Excel with the columns Dato, Verdi and optionally Kilde and Kommentar.
/// Each row is checked with the rule of the form; if any row is wrong nothing is imported, and the report says which
/// rows to fix, so that the corrected file can be imported again without duplicates. Nothing is imported into a locked
/// indicator.
/// </summary>
public sealed class ImportMeasurements(IndicatorStore store, IndicatorLock locks, TimeProvider clock)
{
    private static readonly Dictionary<string, string> EnglishColumns = new() { ["date"] = "dato", ["value"] = "verdi", ["source"] = "kilde", ["comment"] = "kommentar" };

    /// <returns>null when the indicator is not visible here (404).</returns>
    public async Task<ImportReport?> HandleAsync(Guid indicatorId, Stream file, string fileName, ActingPerson by, CancellationToken ct = default)
    {
        var indicator = await store.FindAsync(indicatorId, ct);
        if (indicator is null)
        {
            return null;
        }

        if (await locks.LockedBecauseAsync(indicator, ct) is { } locked)
        {
            return ImportReport.Refused(locked);
        }

        List<string[]> table;
        try
        {
            table = await SpreadsheetReader.ReadAsync(file, ["dato", "date"], ct);
        }
        catch (UnreadableSpreadsheetException)
        {
            return ImportReport.Refused($"Filen «{fileName}» kunne ikke leses. Lagre den som CSV (semikolon) eller Excel (.xlsx) og prøv igjen.");
        }

        var headerRow = SpreadsheetReader.HeaderRow(table);
        if (headerRow < 0)
        {
            return ImportReport.Refused("Filen er tom. Første rad skal være overskriftene Dato;Verdi;Kilde;Kommentar.");
        }

        var header = table[headerRow].Select(Normalize).ToList();
        var missing = new[] { "dato", "verdi" }.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return ImportReport.Refused($"Første rad må ha kolonnene Dato og Verdi (og gjerne Kilde og Kommentar). Mangler: {string.Join(", ", missing.Select(c => char.ToUpperInvariant(c[0]) + c[1..]))}.");
        }

        string Cell(string[] row, string column)
        {
            var index = header.IndexOf(column);
            return index >= 0 && index < row.Length ? row[index].Trim() : string.Empty;
        }

        var today = Oslo.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var reports = new List<ImportRowReport>();
        var rows = new List<(int Row, decimal Value, DateOnly Date, string Source, string Comment)>();
        for (var i = headerRow + 1; i < table.Count; i++)
        {
            var row = table[i];
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var errors = new List<string>();
            var dateText = Cell(row, "dato");
            var date = SpreadsheetReader.ParseDate(dateText);
            if (date is null && dateText.Length > 0)
            {
                errors.Add($"Datoen «{dateText}» er ikke en dato (skriv dd.mm.åååå).");
            }

            var valueText = Cell(row, "verdi");
            decimal? value = NorwegianNumber.TryParseValue(valueText, out var v, out var unreadable) ? v : null;
            if (value is null && valueText.Length > 0)
            {
                errors.Add(NorwegianNumber.IsAmbiguous(valueText) ? unreadable! : $"Verdien «{valueText}» er ikke et tall (skriv for eksempel 1 234,5).");
            }

            var source = Cell(row, "kilde");
            var comment = Cell(row, "kommentar");
            // A value or date that could not be read is reported once, above, not again as missing.
            errors.AddRange(IndicatorRules.CheckMeasurement(
                    value ?? (valueText.Length > 0 ? 0 : null), date ?? (dateText.Length > 0 ? today : null), source, comment, today)
                .Select(e => e.Message));
            var summary = string.Join("; ", new[] { dateText, valueText, source, comment }.Where(t => t.Length > 0));
            if (errors.Count > 0)
            {
                reports.Add(new ImportRowReport(i + 1, summary, errors));
                continue;
            }

            // A file imported again (or with earlier rows kept) must not count a value twice; another value on a
            // measured date is a question only the form can ask.
            List<decimal> stored = [.. indicator.Measurements.Where(m => m.Date == date).Select(m => m.Value)];
            var earlierInFile = rows.Where(r => r.Date == date).ToList();
            if (stored.Contains(value!.Value) || earlierInFile.Any(r => r.Value == value))
            {
                reports.Add(new ImportRowReport(i + 1, summary, [], stored.Contains(value.Value)
                    ? "Finnes allerede med samme dato og verdi, hoppes over."
                    : $"Samme dato og verdi som rad {earlierInFile.First(r => r.Value == value).Row}, hoppes over."));
                continue;
            }

            if (indicator.Oddity(value.Value, date!.Value) is { } odd)
            {
                errors.Add($"{odd} Er målingen riktig, registrer den i skjemaet og kryss av for det der.");
            }
            else if (stored.Count > 0)
            {
                errors.Add($"Det finnes allerede en måling for {Norwegian.Date(date!.Value)} ({string.Join(", ", stored.Select(v => $"{Norwegian.Number(v)} {indicator.Unit}"))}). "
                    + "Rett datoen, eller registrer denne målingen i skjemaet hvis begge skal stå.");
            }
            else if (earlierInFile.Count > 0)
            {
                errors.Add($"Datoen {Norwegian.Date(date!.Value)} står også på rad {string.Join(" og ", earlierInFile.Select(r => r.Row))} i filen "
                    + $"({string.Join(", ", earlierInFile.Select(r => $"{Norwegian.Number(r.Value)} {indicator.Unit}"))}). "
                    + "Rett datoen, eller registrer denne målingen i skjemaet hvis begge skal stå.");
            }
            else
            {
                rows.Add((i + 1, value.Value, date!.Value, source, comment));
            }

            reports.Add(new ImportRowReport(i + 1, summary, errors));
        }

        if (reports.Count == 0)
        {
            return ImportReport.Refused("Filen har ingen målinger under overskriftene.");
        }

        if (reports.Any(r => r.Errors.Count > 0))
        {
            return new ImportReport(0, reports, null);
        }

        foreach (var row in rows)
        {
            store.Db.Measurements.Add(indicator.Register(row.Value, row.Date, row.Source, row.Comment, by.UserId, by.Name, today, now).Value!);
        }

        if (rows.Count > 0)
        {
            store.MeasurementAdded(indicator);
        }

        var saved = await store.SaveAsync(ct);
        return saved.Succeeded ? new ImportReport(rows.Count, reports, null) : new ImportReport(0, reports, saved.Errors[0].Message);
    }

    private static string Normalize(string header)
    {
        var h = SpreadsheetReader.Header(header);
        return EnglishColumns.GetValueOrDefault(h, h);
    }
}
