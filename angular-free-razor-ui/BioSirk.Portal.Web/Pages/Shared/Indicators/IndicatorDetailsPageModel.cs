using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Indicators.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Spreadsheets;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Shared.Indicators;

/// <summary>
/// The indicator page, the same for the council (/rad/…) and the funding county (/fylke/…, read only): definition,
/// status in words, chart and table, and, for those who may, the measurement form and the import. Every handler loads
/// the indicator through the tenant filter first, so another council's id answers 404 before anything else.
/// </summary>
public abstract class IndicatorDetailsPageModel(IndicatorQueries queries, PortalContext portal, TimeProvider clock) : PageModel
{
    public IndicatorDetails Details { get; private set; } = null!;

    public string BasePath => portal.Prefix;

    public string SelfUrl => $"{BasePath}/indikatorer/{Details.Indicator.Id}";

    public bool CanEdit => IndicatorAccess.CanEdit(Details.Indicator, portal.Council?.Id, portal.IsIn(CouncilRoles.Secretary));

    public bool CanMeasure => IndicatorAccess.CanMeasure(Details.Indicator, portal.Council?.Id, portal.IsIn(CouncilRoles.Secretary), CurrentUser.IdOf(User));

    public DateOnly Today => SharedKernel.Time.Oslo.Today(clock);

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public MeasurementInput Measurement { get; set; } = new();

    public ImportReport? ImportReport { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid indicatorId)
    {
        if (!await Load(indicatorId))
        {
            return NotFound();
        }

        Measurement.Date ??= Today;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid indicatorId, string? format)
    {
        var export = await HttpContext.RequestServices.GetRequiredService<ExportMeasurements>().HandleAsync(indicatorId, excel: format != "csv");
        return export is null ? NotFound() : File(export.Content, export.ContentType, export.FileName);
    }

    public async Task<IActionResult> OnPostMeasurementAsync(Guid indicatorId)
    {
        if (!await Load(indicatorId))
        {
            return NotFound();
        }

        if (!CanMeasure)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        ModelState.ClearAllButUnreadable();
        var parseErrors = new List<FieldError>();
        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(Measurement.Value))
        {
            if (NorwegianNumber.TryParse(Measurement.Value, out var parsed))
            {
                value = parsed;
            }
            else
            {
                parseErrors.Add(new FieldError("Value", NorwegianNumber.IsTooLarge(Measurement.Value)
                    ? "Tallet er for stort." : "Skriv verdien som et tall, for eksempel 1 234,5."));
            }
        }

        var result = await HttpContext.RequestServices.GetRequiredService<RegisterMeasurement>().HandleAsync(
            new RegisterMeasurementCommand(indicatorId, value, Measurement.Date, Measurement.Source, Measurement.Comment, Actor)
            {
                AsksAboutDoubts = !Measurement.ConfirmsDoubt,
            });
        if (result is null)
        {
            return NotFound();
        }

        parseErrors.AddTo(result.Errors, ModelState, nameof(Measurement));

        if (!ModelState.IsValid)
        {
            await Load(indicatorId);
            return Page();
        }

        Message = "Målingen er registrert.";
        return LocalRedirect($"{SelfUrl}#measurements");
    }

    /// <summary>A file of measurements: all rows are registered, or none, with a report of the rows to fix.</summary>
    public async Task<IActionResult> OnPostImportAsync(Guid indicatorId, IFormFile? measurementsFile)
    {
        if (!await Load(indicatorId))
        {
            return NotFound();
        }

        if (!CanMeasure)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        ModelState.Clear();
        if (measurementsFile is null || measurementsFile.Length == 0)
        {
            ModelState.AddModelError("MeasurementsFile", "Velg filen med målinger du vil importere (CSV eller Excel).");
            return Page();
        }

        await using var content = measurementsFile.OpenReadStream();
        var report = await HttpContext.RequestServices.GetRequiredService<ImportMeasurements>().HandleAsync(indicatorId, content, measurementsFile.FileName, Actor);
        if (report is null)
        {
            return NotFound();
        }

        if (!report.Succeeded)
        {
            ImportReport = report;
            ModelState.AddModelError("MeasurementsFile", report.RefusalMessage("målinger"));
            return Page();
        }

        Message = this.Localized("Målingene er importert: {0} rader.", report.Imported);
        return LocalRedirect($"{SelfUrl}#measurements");
    }

    private ActingPerson Actor => new(CurrentUser.IdOf(User)!.Value, User.FindFirst(CurrentUser.FullNameClaim)?.Value ?? User.Identity!.Name!);

    private async Task<bool> Load(Guid indicatorId)
    {
        var details = await queries.GetAsync(indicatorId);
        if (details is null)
        {
            return false;
        }

        Details = details;
        return true;
    }

    public sealed class MeasurementInput
    {
        public DateOnly? Date { get; set; }

        public string? Value { get; set; }

        public string? Source { get; set; }

        public string? Comment { get; set; }

        public bool ConfirmsDoubt { get; set; }
    }
}
