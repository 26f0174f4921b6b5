using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Pdf;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Pages.Shared;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Meetings;

/// <summary>
/// The minutes (protokoll) of a meeting. The organising council's secretaries record per item the adopted resolution
/// (a plain form per item, prefilled with the proposal until one is saved) and who was absent, and make the minutes as
/// a PDF (a background job); those who see the agenda read them and download the versions. Anyone else: 404.
/// </summary>
public sealed class MeetingMinutesModel(PortalContext portal, MeetingMinutes minutes, MeetingStore store, IFileStore files) : MeetingPageModel(portal)
{
    [BindProperty]
    public string? Resolution { get; set; }

    [BindProperty]
    public string? Stamp { get; set; }

    /// <summary>The item's outcome as chosen in its form: <see cref="NoResolutionChoice"/> when the meeting decided nothing in it.</summary>
    [BindProperty]
    public string? Outcome { get; set; }

    public const string ResolutionChoice = "vedtak";

    public const string NoResolutionChoice = "ingen-vedtak";

    private bool PostedNoResolution => Outcome == NoResolutionChoice;

    /// <summary>The item whose form was refused: it (and only it) shows what was typed.</summary>
    public Guid? FailedItemId { get; private set; }

    public IReadOnlyList<MinutesPdfRow> Versions { get; private set; } = [];

    public MinutesPdfRow? Working => Versions.FirstOrDefault(v => v.State is PdfState.Queued or PdfState.Rendering);

    /// <summary>The secretary records here once the agenda is published; before, the page says so.</summary>
    public bool CanRecord => CanManage && Meeting.IsPublished && !Meeting.IsCancelled;

    public string SelfPath => BasePath + "/protokoll";

    public static string ResolutionField(Guid itemId) => "vedtak-" + itemId;

    /// <summary>What the item's field shows: what she just typed (refused), the saved resolution, or the proposal to start from.</summary>
    public string? ResolutionText(AgendaItem item) =>
        FailedItemId == item.Id ? Resolution : item.NoResolution ? item.MinutesNote : item.AdoptedResolution ?? item.ProposedResolution;

    /// <summary>Whether the item's form has «Ingen vedtak» chosen: as she sent it (refused), else as saved.</summary>
    public bool ShowsNoResolution(AgendaItem item) => FailedItemId == item.Id ? PostedNoResolution : item.NoResolution;

    public string? ErrorOf(Guid itemId) => ModelState[ResolutionField(itemId)]?.Errors.FirstOrDefault()?.ErrorMessage;

    public async Task<IActionResult> OnGetAsync(Guid meetingId) => await LoadAsync(meetingId) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(Guid meetingId, Guid minutesPdfId)
    {
        var pdf = await minutes.ReadyAsync(meetingId, minutesPdfId, Actor);
        var stream = pdf is null ? null : await files.OpenAsync(pdf.Value.FileId);
        return stream is null ? NotFound() : File(stream, "application/pdf", pdf!.Value.FileName);
    }

    public async Task<IActionResult> OnPostResolutionAsync(Guid meetingId, Guid itemId)
    {
        var field = ResolutionField(itemId);
        if (!PostedNoResolution && string.IsNullOrWhiteSpace(Resolution)
            && (await minutes.ReadableAsync(meetingId, Actor))?.Agenda.FirstOrDefault(i => i.Id == itemId) is { IsRecorded: false })
        {
            FailedItemId = itemId;
            return await RefusedAsync(meetingId, [new FieldError(field, "Skriv vedtaket før du lagrer det, eller velg «Ingen vedtak» hvis møtet ikke vedtok noe i saken.")]);
        }

        var result = await minutes.RecordResolutionAsync(meetingId, itemId, Resolution, Stamp, PostedNoResolution, Actor, field);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = PostedNoResolution ? "Saken er ført uten vedtak." : string.IsNullOrWhiteSpace(Resolution) ? "Vedtaket er fjernet." : "Vedtaket er lagret.";
            return LocalRedirect($"{BasePathOf(meetingId)}#item-{itemId}");
        }

        FailedItemId = itemId;
        if (result.IsStale)
        {
            // The page is loaded again below, so her form carries the item's current stamp and saving again stores her text.
            this.OfferOverwrite(this.Localized("vedtaket"), field);
            return await RefusedAsync(meetingId, []);
        }

        return await RefusedAsync(meetingId, result.Errors);
    }

    public Task<IActionResult> OnPostAbsentAsync(Guid meetingId, Guid participantId) =>
        AttendanceAsync(meetingId, participantId, absent: true, "Forfallet er registrert.");

    public Task<IActionResult> OnPostPresentAsync(Guid meetingId, Guid participantId) =>
        AttendanceAsync(meetingId, participantId, absent: false, "Deltakeren er registrert som til stede.");

    /// <summary>"Lag protokoll": queued, then the page shows how it goes (on reload, without JavaScript).</summary>
    public async Task<IActionResult> OnPostPdfAsync(Guid meetingId)
    {
        var result = await minutes.RequestPdfAsync(meetingId, Actor, ResolutionField);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = result.Value!.Message + " Last inn siden på nytt om litt for å se om den er klar.";
            return LocalRedirect($"{BasePathOf(meetingId)}#minutes-pdfs");
        }

        return await RefusedAsync(meetingId, result.Errors);
    }

    private async Task<IActionResult> AttendanceAsync(Guid meetingId, Guid participantId, bool absent, string done)
    {
        var result = await minutes.RecordAbsenceAsync(meetingId, participantId, absent, Actor);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = done;
            return LocalRedirect($"{BasePathOf(meetingId)}#attendance");
        }

        return await RefusedAsync(meetingId, result.Errors);
    }

    /// <summary>The page again, with the messages beside their fields ("vedtak-{item}") or at the top.</summary>
    private async Task<IActionResult> RefusedAsync(Guid meetingId, IEnumerable<FieldError> errors)
    {
        store.Db.ChangeTracker.Clear();
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        return await LoadAsync(meetingId) ? Page() : NotFound();
    }

    private string BasePathOf(Guid meetingId) => $"{Portal.Prefix}/moter/{meetingId}/protokoll";

    private async Task<bool> LoadAsync(Guid meetingId)
    {
        if (await minutes.ReadableAsync(meetingId, Actor) is not { } meeting)
        {
            return false;
        }

        Meeting = meeting;
        Versions = await minutes.VersionsAsync(meetingId, Actor) ?? [];
        return true;
    }
}
