using BioSirk.Portal.Agreements.Contracts;
using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.Reporting.Features;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Pages.Shared;
using BioSirk.Portal.Web.Pages.Shared.Reports;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Reports;

/// <summary>The sections as the form posts them.</summary>
public sealed class SectionsInput
{
    public string? Activities { get; set; }

    /// <summary>The secretary's "the report is ready": delivery locks it until the county has assessed it.</summary>
    public bool ConfirmsDelivery { get; set; }

    public string? Results { get; set; }

    public string? Deviations { get; set; }

    public string? UseOfFunds { get; set; }

    public string? FurtherWork { get; set; }

    public ReportSections ToSections() => new(Activities ?? "", Results ?? "", Deviations ?? "", UseOfFunds ?? "", FurtherWork ?? "");

    public static SectionsInput From(ReportSections s, bool confirmsDelivery = false) => new()
    {
        Activities = s.Activities, Results = s.Results, Deviations = s.Deviations, UseOfFunds = s.UseOfFunds, FurtherWork = s.FurtherWork,
        ConfirmsDelivery = confirmsDelivery,
    };
}

/// <summary>
/// The council writes its final report: the sections (the county's comments beside them after a return), the
/// attachments, "Lag PDF" with live progress, and the delivery. Members and secretaries write; the secretary delivers.
/// </summary>
[UploadsWithinLimit("Attach", FileTypes.MaxVoucherBytes)]
public sealed class CouncilFinalReportModel(PortalContext portal, FinalReportQueries queries, IFileStore files, IIndicatorReader indicators)
    : FinalReportPageModel(portal, queries, files)
{
    /// <summary>The agreement's indicators as they stand: what the report will show under «Resultatindikatorer».</summary>
    public IReadOnlyList<IndicatorSummary> Indicators { get; private set; } = [];

    [BindProperty]
    public SectionsInput Input { get; set; } = new();

    [BindProperty]
    public string? ConcurrencyStamp { get; set; }

    /// <summary>The sections as the form was read (hidden fields): what someone else saved meanwhile is merged, not overwritten.</summary>
    [BindProperty]
    public SectionsInput Original { get; set; } = new();

    /// <summary>The sections both this writer and someone else changed: the stored text is shown under each.</summary>
    public IReadOnlyList<ReportSection> Conflicts { get; private set; } = [];

    /// <summary>
    /// After a save refused because the report was locked meanwhile (delivered from another tab): the sections typed
    /// that differ from what is stored, shown so that they are not lost with the form.
    /// </summary>
    public IReadOnlyList<(ReportSection Section, string Text)> Unsaved { get; private set; } = [];

    public bool CanWrite => Portal.IsIn(CouncilRoles.Member) || Portal.IsIn(CouncilRoles.Secretary);

    public bool CanSubmit => Portal.IsIn(CouncilRoles.Secretary);

    public async Task<IActionResult> OnGetAsync(Guid agreementId)
    {
        if (!await LoadWithIndicatorsAsync(agreementId))
        {
            return NotFound();
        }

        Input = SectionsInput.From(View.Report?.Sections ?? ReportSections.Empty);
        Original = SectionsInput.From(View.Report?.Sections ?? ReportSections.Empty);
        ConcurrencyStamp = View.Report?.ConcurrencyStamp ?? WriteReportCommand.NoReportYet;
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid agreementId) => Act(agreementId, CanWrite, "write", async sp =>
        await sp.GetRequiredService<ReportDrafts>().WriteAsync(new WriteReportCommand(agreementId, Input.ToSections(), ConcurrencyStamp, Actor, Original.ToSections())),
        "Sluttrapporten er lagret.");

    /// <summary>Saves what is in the form, then shows it as the county will read it (a plain link would leave the typed text behind).</summary>
    public Task<IActionResult> OnPostPreviewAsync(Guid agreementId) => Act(agreementId, CanWrite, "write", async sp =>
        await sp.GetRequiredService<ReportDrafts>().WriteAsync(new WriteReportCommand(agreementId, Input.ToSections(), ConcurrencyStamp, Actor, Original.ToSections())),
        done: "", then: "/forhandsvisning");

    /// <summary>
    /// Saves what is in the form, then freezes it and queues its PDF. The form is on the page only while the report can
    /// be changed: from a tab left open after the delivery, the save is refused and shows what was typed.
    /// </summary>
    public Task<IActionResult> OnPostPdfAsync(Guid agreementId) => Act(agreementId, CanWrite, "pdfs", async sp =>
        await SaveFirstAsync(sp, agreementId) is { Succeeded: false } refused
            ? refused
            : await sp.GetRequiredService<RequestReportPdf>().HandleAsync(agreementId, Actor),
        "PDF-en er bestilt. Den lages i bakgrunnen; du kan arbeide videre så lenge.");

    /// <summary>The delivered version's PDF failed for good: prints that version again, as it was delivered.</summary>
    public Task<IActionResult> OnPostRetryPdfAsync(Guid agreementId) => Act(agreementId, CanWrite, "pdfs", async sp =>
        await sp.GetRequiredService<RequestReportPdf>().RetryDeliveredAsync(agreementId, Actor),
        "PDF-en er bestilt. Den lages i bakgrunnen; du kan arbeide videre så lenge.");

    /// <summary>Saves what is in the form, then delivers it.</summary>
    public Task<IActionResult> OnPostSubmitAsync(Guid agreementId) => Act(agreementId, CanSubmit, "write", async sp =>
        await SaveFirstAsync(sp, agreementId) is { Succeeded: false } refused ? refused
        : !Input.ConfirmsDelivery ? NotConfirmed()
        : await sp.GetRequiredService<SubmitFinalReport>().HandleAsync(agreementId, null, Actor),
        "Sluttrapporten er levert til fylket. PDF-en av den lages nå.");

    /// <summary>Saves what is in the form (the upload is one of its buttons), then attaches the file.</summary>
    public Task<IActionResult> OnPostAttachAsync(Guid agreementId, IFormFile? upload) => Act(agreementId, CanWrite, "attachments", async sp =>
    {
        if (await SaveFirstAsync(sp, agreementId) is { Succeeded: false } refused)
        {
            return refused;
        }

        if (UploadsWithinLimitAttribute.Exceeded(HttpContext))
        {
            return Result.Fail("Upload", ReportDrafts.UploadTooLarge); // left out as it came; the text is saved, as with any file refused
        }

        await using var content = upload?.OpenReadStream() ?? Stream.Null;
        return await sp.GetRequiredService<ReportDrafts>().AttachAsync(agreementId,
            upload is null ? null : new ReportUpload(content, upload.FileName, upload.Length), Actor);
    }, "Vedlegget er lagt til.");

    /// <summary>Saves what is in the form, then removes the attachment.</summary>
    public Task<IActionResult> OnPostRemoveAttachmentAsync(Guid agreementId, Guid attachmentId) => Act(agreementId, CanWrite, "attachments", async sp =>
        await SaveFirstAsync(sp, agreementId) is { Succeeded: false } refused
            ? refused
            : await sp.GetRequiredService<ReportDrafts>().RemoveAttachmentAsync(agreementId, attachmentId),
        "Vedlegget er fjernet.");

    /// <summary>Delivery without "the report is ready" ticked: that, and whatever else would stop the delivery, at once.</summary>
    private Result NotConfirmed() => Result.Fail([
        .. ReportRules.CheckComplete(Input.ToSections()),
        new FieldError(nameof(SectionsInput.ConfirmsDelivery), "Kryss av for at rapporten er klar til å leveres, og trykk «Lever sluttrapporten til fylket» igjen. Det du skrev, er lagret."),
    ]);

    /// <summary>Whether the form's text was saved before the action proper: if that then fails, the form must carry the new stamp.</summary>
    private bool savedFirst;

    private async Task<Result?> SaveFirstAsync(IServiceProvider sp, Guid agreementId)
    {
        var saved = await sp.GetRequiredService<ReportDrafts>().WriteAsync(new WriteReportCommand(agreementId, Input.ToSections(), ConcurrencyStamp, Actor, Original.ToSections()));
        savedFirst = saved?.Succeeded == true;
        return saved ?? Result.Fail("", "Sluttrapporten finnes ikke.");
    }

    /// <summary>
    /// After a save refused because someone else changed the same sections: the form has their text where only they
    /// changed it and this writer's where both did (the stored text shown under it), and is read anew from what is stored.
    /// </summary>
    private void ShowConflicts()
    {
        if (View.Report is not { } stored || stored.ConcurrencyStamp == ConcurrencyStamp)
        {
            return;
        }

        var (merged, conflicts) = ReportMerge.Merge(Original.ToSections(), Input.ToSections(), stored.Sections);
        if (conflicts.Count == 0)
        {
            return;
        }

        Conflicts = conflicts;
        Input = SectionsInput.From(merged, Input.ConfirmsDelivery);
        Original = SectionsInput.From(stored.Sections);
        ConcurrencyStamp = stored.ConcurrencyStamp;
    }

    private async Task<bool> LoadWithIndicatorsAsync(Guid agreementId)
    {
        if (!await LoadAsync(agreementId))
        {
            return false;
        }

        Indicators = await indicators.ListForPlanAsync(PlanKind.Agreement, agreementId);
        return true;
    }

    private void KeepUnsaved()
    {
        // The form is shown again only while the report can be written: locked, or its agreement rescinded, the text is kept here.
        if (View.Report is not { } locked || (locked.IsEditable && View.Agreement.Stage == AgreementReportStage.InForce))
        {
            return;
        }

        var typed = Input.ToSections();
        Unsaved = [.. Enum.GetValues<ReportSection>()
            .Where(section => !string.IsNullOrWhiteSpace(typed[section]) && Plain(typed[section]) != Plain(locked.Sections[section]))
            .Select(section => (section, typed[section].Trim()))];

        // A browser posts a textarea's line breaks as CRLF, whatever it was given.
        static string Plain(string text) => text.Replace("\r\n", "\n").Trim();
    }

    /// <summary>
    /// One action: 404 when the agreement is not visible here, 403 when this person may not do it, the page again with
    /// the messages beside the fields and the typed text kept when refused, otherwise back to the page with a receipt.
    /// </summary>
    private async Task<IActionResult> Act(Guid agreementId, bool allowed, string anchor, Func<IServiceProvider, Task<Result?>> action, string done,
        string then = "")
    {
        if (!await LoadAsync(agreementId))
        {
            return NotFound();
        }

        if (!allowed)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        ModelState.Clear();
        var result = await action(HttpContext.RequestServices);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            await LoadWithIndicatorsAsync(agreementId);
            if (result.IsStale)
            {
                ConcurrencyStamp = View.Report?.ConcurrencyStamp ?? WriteReportCommand.NoReportYet;
                this.OfferOverwrite(this.Localized("denne sluttrapporten"));
                return Page();
            }

            ShowConflicts();
            KeepUnsaved();
            Show(result, "Input");
            if (savedFirst)
            {
                ConcurrencyStamp = View.Report?.ConcurrencyStamp ?? WriteReportCommand.NoReportYet; // the text was saved; only the delivery (or PDF) was refused
            }

            return Page();
        }

        if (then.Length > 0)
        {
            return LocalRedirect(SelfUrl + then);
        }

        Message = done;
        return LocalRedirect($"{SelfUrl}#{anchor}");
    }
}
