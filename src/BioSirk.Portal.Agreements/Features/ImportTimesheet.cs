using BioSirk.Portal.SharedKernel.Time;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Agreements.Features;

/// <summary>
/// One row of hours to import, numbered as its sender counts (the file's line, the API's position). A cell that could
/// not be read is null here, with its message in <see cref="ReadErrors"/> and its flag set.
/// </summary>
public sealed record TimesheetRow(int Number, string Summary, DateOnly? Date, string? Person, string? Activity, decimal? Hours, string? Comment)
{
    public IReadOnlyList<string> ReadErrors { get; init; } = [];

    public bool DateUnreadable { get; init; }

    public bool HoursUnreadable { get; init; }
}

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

        var headerRow = SpreadsheetReader.HeaderRow(table);
        if (headerRow < 0)
        {
            return ImportReport.Refused("Filen er tom. Første rad skal være overskriftene Dato, Person, Aktivitet, Timer, Kommentar.");
        }

        var header = table[headerRow].Select(h => Normalize(h)).ToList();
        var missing = Columns.Take(4).Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return ImportReport.Refused($"Første rad må ha kolonnene Dato, Person, Aktivitet og Timer. Mangler: {string.Join(", ", missing.Select(c => char.ToUpperInvariant(c[0]) + c[1..]))}.");
        }

        string Cell(string[] row, string column)
        {
            var index = header.IndexOf(column);
            return index >= 0 && index < row.Length ? row[index].Trim() : string.Empty;
        }

        var rows = new List<TimesheetRow>();
        for (var i = headerRow + 1; i < table.Count; i++)
        {
            var row = table[i];
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var readErrors = new List<string>();
            var dateText = Cell(row, "dato");
            DateOnly? date = SpreadsheetReader.ParseDate(dateText);
            if (date is null && dateText.Length > 0)
            {
                readErrors.Add($"Datoen «{dateText}» er ikke en dato (skriv dd.mm.åååå).");
            }

            var hoursText = Cell(row, "timer");
            decimal? hours = NorwegianNumber.TryParse(hoursText, out var h) ? h : null;
            if (hours is null && hoursText.Length > 0)
            {
                readErrors.Add($"Timene «{hoursText}» er ikke et tall (skriv for eksempel 7,5).");
            }

            var person = Cell(row, "person");
            var activity = Cell(row, "aktivitet");
            rows.Add(new TimesheetRow(i + 1, $"{dateText}, {person}, {activity}, {hoursText}", date, person, activity, hours, NullIfEmpty(Cell(row, "kommentar")))
            {
                ReadErrors = readErrors,
                DateUnreadable = date is null && dateText.Length > 0,
                HoursUnreadable = hours is null && hoursText.Length > 0,
            });
        }

        return rows.Count == 0
            ? ImportReport.Refused("Filen har ingen rader med timer under overskriftene.")
            : await ImportAsync(agreement, rows, by, ct);
    }

    /// <summary>Rows that are already read (the API's JSON rows): the same rule, all or nothing, as a file.</summary>
    /// <returns>null when the agreement is not visible here (404).</returns>
    public async Task<ImportReport?> HandleAsync(Guid agreementId, IReadOnlyList<TimesheetRow> rows, Actor by, CancellationToken ct = default)
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

        return rows.Count == 0 ? ImportReport.Refused("Det er ingen rader med timer å importere.") : await ImportAsync(agreement, rows, by, ct);
    }

    private async Task<ImportReport> ImportAsync(Agreement agreement, IReadOnlyList<TimesheetRow> rows, Actor by, CancellationToken ct)
    {
        var reports = new List<ImportRowReport>();
        var entries = new List<HourEntry>();
        var now = clock.GetUtcNow().UtcDateTime;
        var registered = await store.Db.Hours.Where(h => h.AgreementId == agreement.Id).Select(h => new { h.Date, h.Person, h.Activity, h.Hours, h.Comment }).ToListAsync(ct);
        foreach (var row in rows)
        {
            // An unreadable cell is reported once, as unreadable, and not again as missing.
            var rowErrors = row.ReadErrors.Concat(HourEntry.Check(agreement, Oslo.Today(clock), row.Date ?? (row.DateUnreadable ? agreement.PeriodStart : null),
                row.Person, row.Activity, row.Hours ?? (row.HoursUnreadable ? 1 : null), row.Comment).Select(e => e.Message)).ToList();
            if (rowErrors.Count == 0)
            {
                var sameDay = registered.Where(h => h.Date == row.Date).Select(h => (h.Person, h.Hours))
                    .Concat(entries.Where(e => e.Date == row.Date).Select(e => (e.Person, e.Hours)));
                if (BudgetRules.MoreThanADay(row.Person!, row.Date!.Value, BudgetRules.HoursOf(sameDay, row.Person!), row.Hours!.Value) is { } tooMany)
                {
                    rowErrors.Add(tooMany);
                }
            }

            // The same file imported again, or a file that overlaps an earlier one: what is there already is not doubled.
            var alreadyThere = rowErrors.Count == 0 && registered.Any(h => h.Date == row.Date && Same(h.Person, row.Person) && Same(h.Activity, row.Activity)
                && h.Hours == row.Hours && Same(h.Comment, row.Comment));
            if (alreadyThere)
            {
                reports.Add(new ImportRowReport(row.Number, row.Summary, [], "Hoppet over: timene er registrert fra før (samme dato, person, aktivitet og timer)."));
                continue;
            }

            reports.Add(new ImportRowReport(row.Number, row.Summary, rowErrors));
            if (rowErrors.Count == 0)
            {
                entries.Add(new HourEntry(agreement, row.Date!.Value, row.Person!, row.Activity!, row.Hours!.Value, row.Comment, by.Name, now));
            }
        }

        if (reports.Any(r => r.Errors.Count > 0))
        {
            return new ImportReport(0, reports, null);
        }

        if (entries.Count == 0)
        {
            return new ImportReport(0, reports, null);
        }

        store.MoneyChanged(agreement);
        store.Db.Hours.AddRange(entries);
        AgreementJournal.Record(store.Db, agreement, by.Name, now,
            entries.Count == 1
                ? Phrase.Of("Timeliste importert: 1 rad, {0} timer.", entries[0].Hours.ToString("0.##", Norwegian.Culture))
                : Phrase.Of("Timeliste importert: {0} rader, {1} timer.", entries.Count, entries.Sum(e => e.Hours).ToString("0.##", Norwegian.Culture)));
        var saved = await store.SaveAsync(ct);
        return saved.Succeeded ? new ImportReport(entries.Count, reports, null) : new ImportReport(0, reports, saved.Errors[0].Message);
    }

    private static string Normalize(string header)
    {
        var h = SpreadsheetReader.Header(header);
        return EnglishColumns.GetValueOrDefault(h, h);
    }

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim() ?? "", b?.Trim() ?? "", StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
