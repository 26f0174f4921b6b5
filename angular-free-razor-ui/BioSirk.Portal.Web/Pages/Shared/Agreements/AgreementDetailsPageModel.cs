using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Spreadsheets;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Web.Pages.Shared.Agreements;

/// <summary>
/// The agreement page, the same for the council (/rad/…) and the county (/fylke/…): what the agreement says, where
/// it stands, the money, and the forms for what this party may do next. Each POST loads the agreement through the
/// tenant filter, so another council's or county's id answers 404.
/// </summary>
[UploadsWithinLimit("Request", PaymentRequests.MaxAttachments * FileTypes.MaxVoucherBytes)]
[UploadsWithinLimit("Cost", FileTypes.MaxVoucherBytes)]
[UploadsWithinLimit("Import", FileTypes.MaxDocumentBytes)] // a timesheet is a spreadsheet, a document: 20 MB is far more rows than a year's hours
public abstract class AgreementDetailsPageModel(AgreementQueries queries, IFileStore files, TimeProvider clock) : PageModel
{
    public AgreementDetails Details { get; private set; } = null!;

    /// <summary>An amendment one party proposed and the other has not answered, with what it would change.</summary>
    public AmendmentView? Amendment => AmendAgreement.ViewOf(Details.Agreement);

    /// <summary>The agreement's results indicators (from the Indicators module), for the final report and the page.</summary>
    public IReadOnlyList<IndicatorSummary> Indicators { get; private set; } = [];

    public abstract Party Viewer { get; }

    /// <summary>May this person act for her party (a secretary of the council, an officer of the county)?</summary>
    public abstract bool CanAct { get; }

    public abstract string BasePath { get; }

    public DateOnly Today => SharedKernel.Time.Oslo.Today(clock);

    /// <summary>
    /// The agreement's next deadline as this party sees it: the deadline to remedy a breach the other party has
    /// given notice of comes first when it is sooner.
    /// </summary>
    public Deadline? NextDeadlineForViewer =>
        Details.Agreement.BreachNotices.Where(n => n.By != Viewer && n.RemedyDeadline >= Today).MinBy(n => n.RemedyDeadline) is { } notice
        && (Details.NextDeadline is null || notice.RemedyDeadline <= Details.NextDeadline.Date)
            ? new Deadline("Frist for å rette misligholdet", notice.RemedyDeadline)
            : Details.NextDeadline;

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public HoursInput Hours { get; set; } = new();

    [BindProperty]
    public CostInput Cost { get; set; } = new();

    [BindProperty]
    public RequestInput RequestForm { get; set; } = new();

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    [BindProperty]
    public PaymentInput Payment { get; set; } = new();

    [BindProperty]
    public AmendmentAnswerInput AmendmentAnswer { get; set; } = new();

    [BindProperty]
    public ReversalInput Reversal { get; set; } = new();

    [BindProperty]
    public BreachInput Breach { get; set; } = new();

    [BindProperty]
    public string? ConcurrencyStamp { get; set; }

    [BindProperty]
    public bool ConfirmsDeletion { get; set; }

    public string SelfUrl => $"{BasePath}/avtaler/{Details.Agreement.Id}";

    /// <summary>How many hour rows the page lists (the newest); the sums and the exports always have them all.</summary>
    public const int HourRowsShown = 200;

    public async Task<IActionResult> OnGetAsync(Guid agreementId)
    {
        if (!await Load(agreementId))
        {
            return NotFound();
        }

        // Today, within the period; before the period has begun there is nothing to suggest.
        Hours.Date ??= Today < Details.Agreement.PeriodStart ? null : Today < Details.Agreement.PeriodEnd ? Today : Details.Agreement.PeriodEnd;
        return Page();
    }

    public async Task<IActionResult> OnGetVoucherAsync(Guid agreementId, Guid costId)
    {
        var voucher = await queries.FindVoucherAsync(agreementId, costId);
        var stream = voucher is null ? null : await files.OpenAsync(voucher.FileId);
        return stream is null ? NotFound() : File(stream, voucher!.ContentType, voucher.FileName);
    }

    public ImportReport? ImportReport { get; private set; }

    public async Task<IActionResult> OnGetExportAsync(Guid agreementId, string? format)
    {
        if (format is not (null or "csv" or "xlsx"))
        {
            return NotFound(); // a file in a format the portal does not write (format=pdf) is not there
        }

        var export = await HttpContext.RequestServices.GetRequiredService<ExportBudget>().HandleAsync(agreementId, excel: format != "csv");
        return export is null ? NotFound() : File(export.Content, export.ContentType, export.FileName);
    }

    public const string TimesheetTooLarge = "Filen er større enn 20 MB. Del timelisten i flere filer, og importer dem én etter én.";

    /// <summary>A timesheet file: all rows are registered, or none, with a report of the rows to fix.</summary>
    public async Task<IActionResult> OnPostImportAsync(Guid agreementId, IFormFile? timesheet)
    {
        if (!await Load(agreementId))
        {
            return NotFound();
        }

        if (!CanAct || Viewer != Party.Council)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        ModelState.Clear();
        if (UploadsWithinLimitAttribute.Exceeded(HttpContext))
        {
            ModelState.AddModelError("Timesheet", TimesheetTooLarge);
            return Page();
        }

        if (timesheet is null || timesheet.Length == 0)
        {
            ModelState.AddModelError("Timesheet", "Velg timelisten du vil importere (CSV eller Excel).");
            return Page();
        }

        await using var content = timesheet.OpenReadStream();
        var report = await HttpContext.RequestServices.GetRequiredService<ImportTimesheet>().HandleAsync(agreementId, content, timesheet.FileName, Actor);
        if (report is null)
        {
            return NotFound();
        }

        if (!report.Succeeded)
        {
            ImportReport = report;
            ModelState.AddModelError("Timesheet", report.RefusalMessage("timer"));
            return Page();
        }

        Message = report switch
        {
            { SkippedRows: > 0, Imported: 0 } => this.Localized("Ingen nye timer i timelisten: alle {0} radene er registrert fra før.", report.SkippedRows),
            { SkippedRows: > 0 } => this.Localized("Timelisten er importert: {0} rader. Hoppet over fordi de er registrert fra før: {1}.", report.Imported, report.SkippedRows),
            { Imported: 1 } => this.Localized("Timelisten er importert: 1 rad."),
            _ => this.Localized("Timelisten er importert: {0} rader.", report.Imported),
        };
        return LocalRedirect($"{SelfUrl}#hours");
    }

    public Task<IActionResult> OnPostReversePaymentAsync(Guid agreementId) => Act(agreementId, "payments", sp =>
        sp.GetRequiredService<PaymentRequests>().ReversePaymentAsync(new ReversePaymentCommand(agreementId, Reversal.PaymentId, Reversal.Reason, Actor)),
        "Betalingen er reversert. Registrer den riktige betalingen når den er gjort.", onlyFor: Party.County, prefix: "Reversal");

    /// <summary>Takes back an hour row registered by mistake; the receipt names what was removed.</summary>
    public Task<IActionResult> OnPostRemoveHoursAsync(Guid agreementId, Guid entryId) =>
        Remove(agreementId, "hours", entries => entries.RemoveHoursAsync(agreementId, entryId), h =>
            this.Localized("Timeføringen er slettet: {0} t {1}, {2}.", h.Hours.ToString("0.##", Norwegian.Culture), Norwegian.Date(h.Date), h.Person));

    public Task<IActionResult> OnPostRemoveCostAsync(Guid agreementId, Guid costId) =>
        Remove(agreementId, "costs", entries => entries.RemoveCostAsync(agreementId, costId), c =>
            this.Localized("Kostnaden er slettet: {0} {1}, {2}.", Norwegian.Kroner(c.Amount), Norwegian.Date(c.Date), c.Supplier));

    public Task<IActionResult> OnPostSignAsync(Guid agreementId) => Act(agreementId, "sign", sp =>
        sp.GetRequiredService<SignAgreement>().HandleAsync(new SignAgreementCommand(agreementId, Viewer, ConcurrencyStamp ?? "", Actor)),
        () => OtherPartyHasSigned
            ? "Avtalen er signert av begge parter og gjelder fra nå."
            : Viewer == Party.Council ? "Du har signert for rådet. Avtalen gjelder når fylket også har signert." : "Du har signert for fylket. Avtalen gjelder når rådet også har signert.");

    public Task<IActionResult> OnPostHoursAsync(Guid agreementId) => Act(agreementId, "hours", sp =>
        sp.GetRequiredService<RegisterHours>().HandleAsync(new RegisterHoursCommand(agreementId, Hours.Date, Hours.Person, Hours.Activity,
            ParseOrFlag(Hours.Hours, "Hours.Hours", "Skriv timene som et tall, for eksempel 7,5."), Hours.Comment, Actor)),
        () => Hours.Date > Details.Agreement.ActivitiesDeadline
            // Allowed (the report is written after the activities), but said, in case the date was meant otherwise.
            ? this.Localized("Timene er registrert. Merk at datoen er etter fristen for aktivitetene ({0}): timer etter fristen bør gjelde arbeidet med sluttrapporten.",
                Norwegian.Date(Details.Agreement.ActivitiesDeadline))
            : this.Localized("Timene er registrert."),
        onlyFor: Party.Council, prefix: "Hours");

    /// <summary>The cost form came with a file: a message about the voucher then asks for it again (a browser never keeps it).</summary>
    public bool VoucherChosen { get; private set; }

    public Task<IActionResult> OnPostCostAsync(Guid agreementId, IFormFile? voucher)
    {
        var tooLarge = UploadsWithinLimitAttribute.Exceeded(HttpContext); // the voucher was left out as it came: nothing is registered
        VoucherChosen = tooLarge || voucher is { Length: > 0 };
        return Act(agreementId, "costs", async sp =>
        {
            if (tooLarge)
            {
                return Result.Fail("Voucher", RegisterDirectCost.VoucherTooLarge);
            }

            await using var content = voucher?.OpenReadStream() ?? Stream.Null;
            var upload = voucher is null ? null : new VoucherUpload(content, voucher.FileName, voucher.Length);
            return await sp.GetRequiredService<RegisterDirectCost>().HandleAsync(new RegisterDirectCostCommand(agreementId, Cost.Date, Cost.Supplier,
                Cost.Description, ParseOrFlag(Cost.Amount, "Cost.Amount", "Skriv beløpet som et tall, for eksempel 12 345,67.", isAmount: true), upload, Actor));
        }, "Kostnaden er registrert.", onlyFor: Party.Council, prefix: "Cost");
    }

    /// <summary>The payment request came with files: a message beside another field then asks for them again.</summary>
    public bool AttachmentsChosen { get; private set; }

    public Task<IActionResult> OnPostRequestAsync(Guid agreementId, Guid milestoneId, List<IFormFile>? attachments)
    {
        if (UploadsWithinLimitAttribute.Exceeded(HttpContext))
        {
            // The files were left out as they came (together over the limit): nothing is sent, the status stays in the form.
            AttachmentsChosen = true;
            return Act(agreementId, "payments", _ => Task.FromResult<Result?>(Result.Fail("Attachments", PaymentRequests.AttachmentsTooLarge)),
                "", onlyFor: Party.Council, prefix: "RequestForm");
        }

        AttachmentsChosen = attachments?.Any(f => f.Length > 0) == true;
        return SendPaymentRequestAsync(agreementId, milestoneId, attachments);
    }

    private Task<IActionResult> SendPaymentRequestAsync(Guid agreementId, Guid milestoneId, List<IFormFile>? attachments) => Act(agreementId, "payments", async sp =>
    {
        var streams = (attachments ?? []).Select(f => (File: f, Stream: f.OpenReadStream())).ToList();
        try
        {
            var uploads = streams.Select(s => new VoucherUpload(s.Stream, s.File.FileName, s.File.Length)).ToList();
            return await sp.GetRequiredService<PaymentRequests>().SendAsync(
                new SendPaymentRequestCommand(agreementId, milestoneId, RequestForm.StatusText, Actor) { Attachments = uploads });
        }
        finally
        {
            streams.ForEach(s => s.Stream.Dispose());
        }
    }, "Utbetalingsanmodningen er sendt til fylket.", onlyFor: Party.Council, prefix: "RequestForm");

    public async Task<IActionResult> OnGetAttachmentAsync(Guid agreementId, Guid requestId, Guid fileId)
    {
        var attachment = await queries.FindRequestAttachmentAsync(agreementId, requestId, fileId);
        var stream = attachment is null ? null : await files.OpenAsync(attachment.FileId);
        return stream is null ? NotFound() : File(stream, attachment!.ContentType, attachment.FileName);
    }

    public Task<IActionResult> OnPostDecideAsync(Guid agreementId, Guid requestId) => Act(agreementId, "payments", sp =>
        sp.GetRequiredService<PaymentRequests>().DecideAsync(new DecidePaymentRequestCommand(agreementId, requestId, Decision.Approve, Decision.Comment, Actor)),
        Decision.Approve ? "Anmodningen er godkjent." : "Anmodningen er sendt tilbake til rådet.", onlyFor: Party.County, prefix: "Decision");

    /// <summary>
    /// The milestone whose payment form was sent. Refused, its form is shown again with what she typed, also when the
    /// refusal is that its request still waits for approval (and the page would otherwise offer no payment form for it).
    /// </summary>
    public Guid? PaymentPostedFor { get; private set; }

    public Task<IActionResult> OnPostPaymentAsync(Guid agreementId, Guid milestoneId)
    {
        PaymentPostedFor = milestoneId;
        return Act(agreementId, "payments", sp =>
            sp.GetRequiredService<PaymentRequests>().RegisterPaymentAsync(new RegisterPaymentCommand(agreementId, milestoneId, Payment.Date,
                ParseOrFlag(Payment.Amount, "Payment.Amount", "Skriv beløpet som et tall, for eksempel 112 500 eller -17 500.", isAmount: true), Payment.Reference, Actor)
                { ConfirmsDeviation = Payment.ConfirmsDeviation }),
            "Betalingen er registrert.", onlyFor: Party.County, prefix: "Payment");
    }

    public Task<IActionResult> OnPostBreachAsync(Guid agreementId) => Act(agreementId, "breach", sp =>
        sp.GetRequiredService<Rescission>().GiveNoticeAsync(new BreachNoticeCommand(agreementId, Viewer, Breach.Description, Breach.RemedyDeadline, Actor, Breach.ConfirmsShortDeadline)),
        "Varselet om mislighold er registrert.", prefix: "Breach");

    public Task<IActionResult> OnPostAcceptAmendmentAsync(Guid agreementId) => Act(agreementId, "amendment", sp =>
        sp.GetRequiredService<AmendAgreement>().AcceptAsync(new AnswerAmendmentCommand(agreementId, AmendmentAnswer.ProposalId, Viewer, Actor)),
        () => this.Localized("Tillegget er godtatt. Versjon {0} gjelder nå.", Details.Agreement.Version + 1), prefix: "AmendmentAnswer");

    public Task<IActionResult> OnPostRejectAmendmentAsync(Guid agreementId) => Act(agreementId, "amendment", sp =>
        sp.GetRequiredService<AmendAgreement>().RejectAsync(new AnswerAmendmentCommand(agreementId, AmendmentAnswer.ProposalId, Viewer, Actor, AmendmentAnswer.Comment)),
        "Forslaget er avvist, og den andre parten har fått beskjed.", prefix: "AmendmentAnswer");

    public Task<IActionResult> OnPostWithdrawAmendmentAsync(Guid agreementId) => Act(agreementId, "amendment", sp =>
        sp.GetRequiredService<AmendAgreement>().WithdrawAsync(new AnswerAmendmentCommand(agreementId, AmendmentAnswer.ProposalId, Viewer, Actor)),
        "Forslaget til tillegg er trukket tilbake.");

    public Task<IActionResult> OnPostWithdrawBreachAsync(Guid agreementId) => Act(agreementId, "breach", sp =>
        sp.GetRequiredService<Rescission>().WithdrawNoticeAsync(new WithdrawBreachNoticeCommand(agreementId, Viewer, Actor)),
        "Varselet om mislighold er trukket tilbake, og den andre parten har fått beskjed.");

    public Task<IActionResult> OnPostRescindAsync(Guid agreementId) => Act(agreementId, "breach", sp => Breach.ConfirmsRescission
            ? sp.GetRequiredService<Rescission>().RescindAsync(new RescindCommand(agreementId, Viewer, Actor))
            : Task.FromResult<Result?>(Result.Fail(nameof(BreachInput.ConfirmsRescission), "Kryss av for at du vil heve avtalen. Hevingen kan ikke angres.")),
        "Avtalen er hevet.", prefix: "Breach");

    protected Actor Actor => new(CurrentUser.IdOf(User)!.Value, User.FindFirst(CurrentUser.FullNameClaim)?.Value ?? User.Identity!.Name!);

    private readonly List<FieldError> parseErrors = [];

    private decimal? ParseOrFlag(string? text, string field, string message, bool isAmount = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (isAmount ? NorwegianNumber.TryParseAmount(text, out var value) : NorwegianNumber.TryParse(text, out value))
        {
            return value;
        }

        parseErrors.Add(new FieldError(field, isAmount ? NorwegianNumber.AmountAmbiguity(text) ?? message : message));
        return null;
    }

    /// <summary>The receipt names the row as the page listed it (hours and kroner in Norwegian format), in the reader's language.</summary>
    private Task<IActionResult> Remove<TEntry>(Guid agreementId, string anchor, Func<RemoveBudgetEntry, Task<Result<TEntry>?>> remove, Func<TEntry, string> receipt)
    {
        TEntry? removed = default;
        return Act(agreementId, anchor, async sp =>
        {
            var result = await remove(sp.GetRequiredService<RemoveBudgetEntry>());
            removed = result is null ? default : result.Value;
            return result;
        }, () => receipt(removed!), onlyFor: Party.Council);
    }

    /// <summary>A draft made by mistake is deleted (after a tick); the list of agreements says which one went.</summary>
    public async Task<IActionResult> OnPostDeleteDraftAsync(Guid agreementId)
    {
        if (!await Load(agreementId))
        {
            return NotFound();
        }

        if (!CanAct)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        ModelState.Clear();
        var result = await HttpContext.RequestServices.GetRequiredService<DeleteDraftAgreement>().HandleAsync(
            new DeleteDraftAgreementCommand(agreementId, ConfirmsDeletion, ConcurrencyStamp ?? "", Actor, Viewer));
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }

            await Load(agreementId);
            return Page();
        }

        Message = this.Localized("Utkastet «{0}» er slettet.", result.Value!);
        return LocalRedirect($"{BasePath}/avtaler");
    }

    /// <summary>Read before the signature is added, so it says whether this one completes the agreement.</summary>
    private bool OtherPartyHasSigned => (Viewer == Party.Council ? Details.Agreement.CountySignature : Details.Agreement.CouncilSignature) is not null;

    /// <summary>
    /// Runs one action: 404 when the agreement is not visible here, 403 when this person may not act, the page again
    /// with messages beside the fields (and what was typed) when refused, otherwise back to the page with a receipt.
    /// </summary>
    private Task<IActionResult> Act(Guid agreementId, string anchor, Func<IServiceProvider, Task<Result?>> action, string done,
        Party? onlyFor = null, string prefix = "") => Act(agreementId, anchor, action, () => done, onlyFor, prefix);

    private async Task<IActionResult> Act(Guid agreementId, string anchor, Func<IServiceProvider, Task<Result?>> action, Func<string> done,
        Party? onlyFor = null, string prefix = "")
    {
        if (!await Load(agreementId))
        {
            return NotFound();
        }

        if (!CanAct || (onlyFor is { } party && party != Viewer))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        ModelState.ClearAllButUnreadable();
        var result = await action(HttpContext.RequestServices);
        if (result is null)
        {
            return NotFound();
        }

        var shown = parseErrors.Select(e => e.Field).Concat(ModelStateExtensions.Unreadable(ModelState)).ToHashSet();
        foreach (var error in parseErrors.Concat(result.Errors.Where(e => !shown.Contains($"{prefix}.{e.Field}"))))
        {
            var key = error.Field.Length == 0 ? string.Empty : error.Field.Contains('.', StringComparison.Ordinal) ? error.Field : $"{prefix}.{error.Field}";
            ModelState.AddModelError(key, error.Message);
        }

        if (!ModelState.IsValid)
        {
            await Load(agreementId);
            return Page();
        }

        Message = done();
        return LocalRedirect($"{SelfUrl}#{anchor}");
    }

    private async Task<bool> Load(Guid agreementId)
    {
        var details = await queries.GetAsync(agreementId);
        if (details is null)
        {
            return false;
        }

        Details = details;
        Indicators = await HttpContext.RequestServices.GetRequiredService<IIndicatorReader>().ListForPlanAsync(PlanKind.Agreement, agreementId);
        ConcurrencyStamp ??= details.Agreement.ConcurrencyStamp;
        return true;
    }

    public sealed class HoursInput
    {
        public DateOnly? Date { get; set; }

        public string? Person { get; set; }

        public string? Activity { get; set; }

        public string? Hours { get; set; }

        public string? Comment { get; set; }
    }

    public sealed class CostInput
    {
        public DateOnly? Date { get; set; }

        public string? Supplier { get; set; }

        public string? Description { get; set; }

        public string? Amount { get; set; }
    }

    public sealed class RequestInput
    {
        public string? StatusText { get; set; }
    }

    public sealed class DecisionInput
    {
        public bool Approve { get; set; }

        public string? Comment { get; set; }
    }

    public sealed class PaymentInput
    {
        public DateOnly? Date { get; set; }

        public string? Amount { get; set; }

        public string? Reference { get; set; }

        public bool ConfirmsDeviation { get; set; }
    }

    public sealed class ReversalInput
    {
        public Guid? PaymentId { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class AmendmentAnswerInput
    {
        public Guid ProposalId { get; set; }

        public string? Comment { get; set; }
    }

    public sealed class BreachInput
    {
        public string? Description { get; set; }

        public DateOnly? RemedyDeadline { get; set; }

        /// <summary>A deadline to remedy under two weeks is given only with this ticked (see <see cref="Agreement.ReasonableRemedyDays"/>).</summary>
        public bool ConfirmsShortDeadline { get; set; }

        /// <summary>Rescission cannot be undone: the button acts only with this ticked.</summary>
        public bool ConfirmsRescission { get; set; }
    }
}
