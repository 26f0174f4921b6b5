using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Agreements.Features;

/// <summary>
/// Hours and direct costs of an agreement as Excel or CSV, with the invoice markings at the top, as the county wants
/// them with the invoice. Amounts and hours are numbers in the files (formatted only on screen).
/// </summary>
public sealed class ExportBudget(AgreementsDbContext db)
{
    public async Task<ExportFile?> HandleAsync(Guid agreementId, bool excel, CancellationToken ct = default)
    {
        var agreement = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement is null)
        {
            return null;
        }

        var hours = await db.Hours.AsNoTracking().Where(h => h.AgreementId == agreementId).OrderBy(h => h.Date).ThenBy(h => h.Person).ToListAsync(ct);
        var costs = await db.DirectCosts.AsNoTracking().Where(c => c.AgreementId == agreementId).OrderBy(c => c.Date).ToListAsync(ct);
        var rows = Rows(agreement, hours, costs);
        // Two agreements may share the order and project numbers (one per year): the id's first characters tell their files apart.
        var name = $"timer-og-kostnader-{agreement.OrderNumber}-{agreement.ProjectNumber}-{agreement.Id.ToString()[..8]}".ToLowerInvariant();
        return SpreadsheetWriter.Export(name, "Timer og kostnader", rows, excel);
    }

    /// <summary>The sheet as rows of cells: text, numbers (hours), amounts in kroner and dates.</summary>
    private static List<object?[]> Rows(Agreement a, List<HourEntry> hours, List<DirectCost> costs)
    {
        var rows = new List<object?[]>
        {
            new object?[] { "Fakturaen merkes", a.InvoiceText },
            new object?[] { "Bestillernummer", a.OrderNumber },
            new object?[] { "Prosjektnummer", a.ProjectNumber },
            new object?[] { "Avtale", $"{a.CountyName} – {a.CouncilName}" },
            new object?[] { "Periode", a.PeriodStart, a.PeriodEnd },
        };
        // One row per rate when an amendment changed it, each with the days it prices.
        var rates = a.HourRatePeriods();
        rows.AddRange(rates.Count == 1
            ? [["Timepris (kr eks. mva.)", new KronerCell(a.HourRate)]]
            : rates.Select(r => new object?[] { "Timepris (kr eks. mva.)", new KronerCell(r.Rate), "fra", r.From, r.To is null ? null : "til", r.To }));
        rows.Add([]);
        rows.Add(["Timer"]);
        rows.Add(["Dato", "Person", "Aktivitet", "Timer", "Timepris (kr)", "Beløp (kr)", "Kommentar"]);
        rows.AddRange(hours.Select(h => new object?[] { h.Date, h.Person, h.Activity, h.Hours, new KronerCell(h.HourRate), new KronerCell(h.Cost), h.Comment }));
        rows.Add(["Sum timer", null, null, hours.Sum(h => h.Hours), null, new KronerCell(hours.Sum(h => h.Cost))]);
        rows.Add([]);
        rows.Add(["Direkte kostnader"]);
        rows.Add(["Dato", "Leverandør", "Beskrivelse", "Beløp (kr eks. mva.)", "Bilag"]);
        rows.AddRange(costs.Select(c => new object?[] { c.Date, c.Supplier, c.Description, new KronerCell(c.Amount), c.Voucher?.FileName }));
        rows.Add(["Sum direkte kostnader", null, null, new KronerCell(costs.Sum(c => c.Amount))]);
        return rows;
    }
}
