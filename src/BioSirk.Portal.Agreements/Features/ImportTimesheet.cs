using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Spreadsheets;

namespace BioSirk.Portal.Agreements.Features;

/// <summary>
/// Imports a timesheet (CSV with ; or , or an Excel .xlsx) with the columns Dato, Person, Aktivitet, Timer and
/// optionally Kommentar. Every row is checked with the same rule as the form; if any row is wrong nothing is
/// imported, and the report says which rows to fix, so that a corrected file can be imported again without duplicates.
/// </summary>
public sealed class ImportTimesheet(AgreementStore store, TimeProvider clock)
{
    private static readonly string[] Columns = ["dato", "person", "aktivitet", "timer", "kommentar"];
    private static readonly Dictionary<string, string> EnglishColumns = new() { ["date"] = "dato", ["activity"] = "aktivitet", ["hours"] = "timer", ["comment"] = "kommentar" };

    public async Task<ImportReport?> HandleAsync(Guid agreementId, Stream file, string fileName, Actor by, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(agreementId, ct);
        if (agreement is null)
        {
            return null;
        }

        if (BudgetRules.ClosedFor(agreement) is { } closed)
        {
            return ImportReport.Refused(closed);
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

        if (table.Count == 0)
        {
            return ImportReport.Refused("Filen er tom. Første rad skal være overskriftene Dato, Person, Aktivitet, Timer, Kommentar.");
        }

        var header = table[0].Select(h => Normalize(h)).ToList();
        var missing = Columns.Take(4).Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return ImportReport.Refused($"Første rad må ha kolonnene Dato, Person, Aktivitet og Timer. Mangler: {string.Join(", ", missing)}.");
        }

        string Cell(string[] row, string column)
        {
            var index = header.IndexOf(column);
            return index >= 0 && index < row.Length ? row[index].Trim() : string.Empty;
        }

        var reports = new List<ImportRowReport>();
        var entries = new List<HourEntry>();
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 1; i < table.Count; i++)
        {
            var row = table[i];
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var rowErrors = new List<string>();
            var dateText = Cell(row, "dato");
            DateOnly? date = SpreadsheetReader.ParseDate(dateText);
            if (date is null && dateText.Length > 0)
            {
                rowErrors.Add($"Datoen «{dateText}» er ikke en dato (skriv dd.mm.åååå).");
            }

            var hoursText = Cell(row, "timer");
            decimal? hours = NorwegianNumber.TryParse(hoursText, out var h) ? h : null;
            if (hours is null && hoursText.Length > 0)
            {
                rowErrors.Add($"Timene «{hoursText}» er ikke et tall (skriv for eksempel 7,5).");
            }

            var person = Cell(row, "person");
            var activity = Cell(row, "aktivitet");
            rowErrors.AddRange(HourEntry.Check(agreement, date ?? (dateText.Length > 0 ? agreement.PeriodStart : null), person, activity, hours ?? (hoursText.Length > 0 ? 1 : null))
                .Select(e => e.Message));
            var summary = $"{dateText}, {person}, {activity}, {hoursText}";
            reports.Add(new ImportRowReport(i + 1, summary, rowErrors));
            if (rowErrors.Count == 0)
            {
                entries.Add(new HourEntry(agreement, date!.Value, person, activity, hours!.Value, NullIfEmpty(Cell(row, "kommentar")), by.Name, now));
            }
        }

        if (reports.Count == 0)
        {
            return ImportReport.Refused("Filen har ingen rader med timer under overskriftene.");
        }

        if (reports.Any(r => r.Errors.Count > 0))
        {
            return new ImportReport(0, reports, null);
        }

        store.Db.Hours.AddRange(entries);
        AgreementJournal.Record(store.Db, agreement, by.Name, now,
            $"Timeliste importert: {entries.Count} rader, {entries.Sum(e => e.Hours).ToString("0.##", Norwegian.Culture)} timer.");
        var saved = await store.SaveAsync(ct);
        return saved.Succeeded ? new ImportReport(entries.Count, reports, null) : new ImportReport(0, reports, saved.Errors[0].Message);
    }

    private static string Normalize(string header)
    {
        var h = SpreadsheetReader.Header(header);
        return EnglishColumns.GetValueOrDefault(h, h);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
