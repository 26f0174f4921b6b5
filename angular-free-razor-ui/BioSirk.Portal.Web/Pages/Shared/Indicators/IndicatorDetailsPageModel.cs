using System.Text.Json;
using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Indicators.Contracts;
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
/// the indicator through the tenant filter first, so another council's id answers 404 before anything else. A locked
/// indicator (its agreement's final report approved, <see cref="IndicatorLock"/>) shows why instead of the forms, and a
/// form sent to it from a page opened before answers 409 with the reason and what was typed.
/// </summary>
[UploadsWithinLimit("Import", FileTypes.MaxDocumentBytes)] // a file of measurements is a spreadsheet, a document
public abstract class IndicatorDetailsPageModel(IndicatorQueries queries, PortalContext portal, TimeProvider clock) : PageModel
{
    public IndicatorDetails Details { get; private set; } = null!;

    public string BasePath => portal.Prefix;

    public string SelfUrl => $"{BasePath}/indikatorer/{Details.Indicator.Id}";

    /// <summary>Why nothing of the indicator changes now (its agreement's final report lies with the county, or is approved); null when it may.</summary>
    public string? LockedBecause { get; private set; }

    public bool IsLocked => LockedBecause is not null;

    public bool CanEdit => !IsLocked && IndicatorAccess.CanEdit(Details.Indicator, portal.Council?.Id, portal.IsIn(CouncilRoles.Secretary));

    public bool CanMeasure => !IsLocked && MayMeasure;

    /// <summary>A form was sent to the locked indicator and refused (409).</summary>
    public bool Refused { get; private set; }

    /// <summary>What a form sent to a locked indicator held: shown to copy, as it was not saved.</summary>
    public IReadOnlyList<(string Label, string Text)> Unsent { get; private set; } = [];

    private bool MayMeasure => IndicatorAccess.CanMeasure(Details.Indicator, portal.Council?.Id, portal.IsIn(CouncilRoles.Secretary), CurrentUser.IdOf(User));

    public DateOnly Today => SharedKernel.Time.Oslo.Today(clock);

    [TempData]
    public string? Message { get; set; }

    /// <summary>A deleted measurement, to fill the form with so that only what was wrong is retyped.</summary>
    [TempData]
    public string? Correction { get; set; }

    [BindProperty]
    public MeasurementInput Measurement { get; set; } = new();

    public ImportReport? ImportReport { get; private set; }

    public bool FilledFromDeleted { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid indicatorId)
    {
        if (!await Load(indicatorId))
        {
            return NotFound();
        }

        if (Correction is { } correction && JsonSerializer.Deserialize<MeasurementInput>(correction) is { } deleted)
        {
            Measurement = deleted;
            FilledFromDeleted = true;
        }

        Measurement.Date ??= Today;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid indicatorId, string? format)
    {
        if (format is not (null or "csv" or "xlsx"))
        {
            return NotFound(); // a file in a format the portal does not write (format=pdf) is not there
        }

        var export = await HttpContext.RequestServices.GetRequiredService<ExportMeasurements>().HandleAsync(indicatorId, excel: format != "csv");
        return export is null ? NotFound() : File(export.Content, export.ContentType, export.FileName);
    }

    public async Task<IActionResult> OnPostMeasurementAsync(Guid indicatorId)
    {
        if (!await Load(indicatorId))
        {
            return NotFound();
        }

        if (!MayMeasure)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (IsLocked)
        {
            return Locked(("Dato", Measurement.Date is { } date ? Norwegian.Date(date) : null), ("Verdi", Measurement.Value),
                ("Kilde", Measurement.Source), ("Kommentar", Measurement.Comment));
        }

        ModelState.ClearAllButUnreadable();
        var parseErrors = new List<FieldError>();
        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(Measurement.Value))
        {
            if (NorwegianNumber.TryParseValue(Measurement.Value, out var parsed, out var error))
            {
                value = parsed;
            }
            else
            {
                parseErrors.Add(new FieldError("Value", error!));
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

    /// <summary>A measurement registered by mistake is deleted; the form below is filled with it, to register the right value.</summary>
    public async Task<IActionResult> OnPostDeleteMeasurementAsync(Guid indicatorId, Guid measurementId)
    {
        if (!await Load(indicatorId))
        {
            return NotFound();
        }

        if (!MayMeasure)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (IsLocked)
        {
            return Locked();
        }

        if (await HttpContext.RequestServices.GetRequiredService<DeleteMeasurement>().HandleAsync(indicatorId, measurementId) is not var (result, deleted))
        {
            return NotFound();
        }

        if (!result.Succeeded || deleted is null)
        {
            ModelState.AddModelError("", this.Localized(result.Errors[0].Message));
            await Load(indicatorId);
            Measurement.Date ??= Today;
            return Page();
        }

        Message = this.Localized("Målingen for {0} ({1} {2}) er slettet.",
            Norwegian.Date(deleted.Date), IndicatorTexts.Value(deleted.Value), Details.Indicator.Unit);
        Correction = JsonSerializer.Serialize(new MeasurementInput
        {
            Date = deleted.Date, Value = IndicatorTexts.Input(deleted.Value), Source = deleted.Source, Comment = deleted.Comment,
        });
        return LocalRedirect($"{SelfUrl}#register-measurement");
    }

    public const string MeasurementsFileTooLarge = "Filen er større enn 20 MB. Del målingene i flere filer, og importer dem én etter én.";

    /// <summary>A file of measurements: all rows are registered, or none, with a report of the rows to fix.</summary>
    public async Task<IActionResult> OnPostImportAsync(Guid indicatorId, IFormFile? measurementsFile)
    {
        if (!await Load(indicatorId))
        {
            return NotFound();
        }

        if (!MayMeasure)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (IsLocked)
        {
            return Locked();
        }

        ModelState.Clear();
        if (UploadsWithinLimitAttribute.Exceeded(HttpContext))
        {
            ModelState.AddModelError("MeasurementsFile", MeasurementsFileTooLarge);
            return Page();
        }

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

        Message = report switch
        {
            { SkippedRows: > 0, Imported: 0 } => this.Localized("Ingen nye målinger i filen: alle {0} fantes allerede med samme dato og verdi.", report.SkippedRows),
            { SkippedRows: > 0 } => this.Localized("Målinger importert: {0}. Hoppet over fordi de fantes fra før med samme dato og verdi: {1}.", report.Imported, report.SkippedRows),
            { Imported: 1 } => this.Localized("Målingen er importert: 1 rad."),
            _ => this.Localized("Målingene er importert: {0} rader.", report.Imported),
        };
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
        LockedBecause = await HttpContext.RequestServices.GetRequiredService<IndicatorLock>().LockedBecauseAsync(details.Indicator, HttpContext.RequestAborted);
        return true;
    }

    /// <summary>
    /// A form sent to a locked indicator from a page opened before the county approved the report: 409, the page with the
    /// reason instead of the forms, and what she typed to copy.
    /// </summary>
    private PageResult Locked(params (string Label, string? Text)[] typed)
    {
        ModelState.Clear();
        Refused = true;
        Unsent = PlanClosedView.Typed(typed);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
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
