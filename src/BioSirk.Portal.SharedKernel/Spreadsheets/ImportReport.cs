namespace BioSirk.Portal.SharedKernel.Spreadsheets;

/// <summary>
/// One row of an imported file: its row number in the file, what it said, and what is wrong with it (nothing: OK);
/// <see cref="Skipped"/> says why a good row was left out (it was there already).
/// </summary>
public sealed record ImportRowReport(int Row, string Summary, IReadOnlyList<string> Errors, string? Skipped = null);

/// <summary>
/// The outcome of an all-or-nothing import: the rows imported, a report row by row, or one message about the whole file.
/// </summary>
public sealed record ImportReport(int Imported, IReadOnlyList<ImportRowReport> Rows, string? FileError)
{
    public bool Succeeded => FileError is null && Rows.All(r => r.Errors.Count == 0);

    public int SkippedRows => Rows.Count(r => r.Skipped is not null);

    public static ImportReport Refused(string fileError) => new(0, [], fileError);

    /// <summary>The message beside the file field when the import was refused; <paramref name="what"/> is the plural noun ("timer", "målinger").</summary>
    public string RefusalMessage(string what) =>
        FileError ?? $"{Rows.Count(r => r.Errors.Count > 0)} av {Rows.Count} rader må rettes. Ingen {what} er importert: rett filen og importer den på nytt.";
}
