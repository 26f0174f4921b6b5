using BioSirk.Portal.Indicators.Data;
using BioSirk.Portal.Indicators.Domain;
using BioSirk.Portal.SharedKernel.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Indicators.Features;

/// <summary>
/// An indicator's measurements as CSV or Excel: the columns of the import first (Dato, Verdi, Kilde, Kommentar), so
/// that an exported file can be edited and imported elsewhere, then the expected value and who registered it.
/// Values are numbers in the files.
/// </summary>
public sealed class ExportMeasurements(IndicatorsDbContext db)
{
    public static readonly string[] Columns = ["Dato", "Verdi", "Kilde", "Kommentar", "Forventet", "Registrert av"];

    public async Task<ExportFile?> HandleAsync(Guid indicatorId, bool excel, CancellationToken ct = default)
    {
        var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null)
        {
            return null;
        }

        var measurements = await db.Measurements.AsNoTracking().Where(m => m.IndicatorId == indicatorId)
            .OrderBy(m => m.Date).ThenBy(m => m.RegisteredAtUtc).ToListAsync(ct);
        var rows = new List<object?[]> { Columns };
        rows.AddRange(measurements.Select(m => new object?[]
        {
            m.Date, m.Value, m.Source, m.Comment,
            decimal.Round(IndicatorStatusRule.Expected(indicator.BaselineValue, indicator.BaselineDate, indicator.TargetValue, indicator.TargetDate, m.Date), IndicatorRules.MaxDecimals),
            m.RegisteredByName,
        }));
        var name = "indikator-" + Slug(indicator.Name);
        return SpreadsheetWriter.Export(name, "Målinger", rows, excel);
    }

    private static string Slug(string text)
    {
        var chars = text.ToLowerInvariant().Replace("æ", "ae").Replace("ø", "o").Replace("å", "a")
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length > 60 ? slug[..60] : slug.Length == 0 ? "maalinger" : slug;
    }
}
