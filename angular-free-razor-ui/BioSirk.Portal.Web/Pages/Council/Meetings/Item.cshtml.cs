using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Meetings;

/// <summary>
/// One agenda item, as the participants read it, with its attachments; a participant declares here that she may be
/// disqualified. The organising secretaries attach documents here and make a roadmap action from the item.
/// </summary>
[UploadsWithinLimit("Attach", FileTypes.MaxDocumentBytes)]
public sealed class AgendaItemModel(
    PortalContext portal, MeetingStore store, RecordAttendance attendance, AgendaLinkTargets targets, ItemAttachments attachments, ActionFromItem actionFromItem)
    : MeetingPageModel(portal)
{
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public ActionFromItemInput NewAction { get; set; } = new();

    public AgendaItem Item { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, string> LinkHrefs { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>For the organising secretaries: the roadmaps an action made from the item can go into.</summary>
    public ActionFromItemChoices? ActionChoices { get; private set; }

    public bool IsParticipant => Meeting.Participant(Actor.UserId) is not null;

    public ConflictDeclaration? MyConflict => Item.Conflicts.FirstOrDefault(c => c.UserId == Actor.UserId);

    public string ItemPath => $"{BasePath}/saker/{Item.Id}";

    public async Task<IActionResult> OnGetAsync(Guid meetingId, Guid itemId)
    {
        if (!await LoadAsync(meetingId, itemId))
        {
            return NotFound();
        }

        if (ActionChoices is not null)
        {
            NewAction = ActionFromItem.Prefill(Meeting, Item, ActionChoices);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetAttachmentAsync(Guid meetingId, Guid itemId, Guid itemAttachmentId)
    {
        var opened = await attachments.OpenAsync(meetingId, itemId, itemAttachmentId, Actor);
        return opened is null ? NotFound() : File(opened.Content, opened.Attachment.ContentType, opened.Attachment.FileName);
    }

    public async Task<IActionResult> OnPostAttachAsync(Guid meetingId, Guid itemId, IFormFile? upload)
    {
        if (await ForManagersAsync(meetingId, itemId) is { } refused)
        {
            return refused;
        }

        if (UploadsWithinLimitAttribute.Exceeded(HttpContext))
        {
            return await ShowAgainAsync(meetingId, itemId, [new FieldError("Upload", ItemAttachments.UploadTooLarge)]); // left out as it came
        }

        await using var content = upload?.OpenReadStream() ?? Stream.Null;
        var result = await attachments.AttachAsync(meetingId, itemId, upload is null ? null : new AttachmentUpload(content, upload.FileName, upload.Length), Actor);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = this.Localized("«{0}» er lagt ved saken.", Path.GetFileName(upload!.FileName));
            return LocalRedirect(ItemPath + "#attachments");
        }

        return await ShowAgainAsync(meetingId, itemId, result.Errors); // "Upload" is the page's own field
    }

    public async Task<IActionResult> OnPostRemoveAttachmentAsync(Guid meetingId, Guid itemId, Guid itemAttachmentId)
    {
        if (await ForManagersAsync(meetingId, itemId) is { } refused)
        {
            return refused;
        }

        if (await attachments.RemoveAsync(meetingId, itemId, itemAttachmentId, Actor) is not { } result)
        {
            return NotFound();
        }

        TempData["Message"] = result.Succeeded ? this.Localized("Vedlegget «{0}» er fjernet.", result.Value!) : string.Join(" ", result.Errors.Select(e => e.Message));
        return LocalRedirect(ItemPath + "#attachments");
    }

    public async Task<IActionResult> OnPostActionAsync(Guid meetingId, Guid itemId)
    {
        if (await ForManagersAsync(meetingId, itemId) is { } refused)
        {
            return refused;
        }

        var result = await actionFromItem.CreateAsync(Meeting, Item, NewAction, ActionChoices!, Actor);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            var made = result.Value!;
            TempData["Message"] = this.Localized("Tiltaket «{0}» er lagt i veikartet «{1}» og koblet til saken.", made.Title, made.RoadmapTitle)
                + (made.Warning is null ? "" : " " + this.Localized(made.Warning));
            return LocalRedirect(made.Href);
        }

        return await ShowAgainAsync(meetingId, itemId, result.Errors.Select(e => e with { Field = e.Field.Length == 0 ? "" : $"{nameof(NewAction)}.{e.Field}" }), actionFormPosted: true);
    }

    public async Task<IActionResult> OnPostConflictAsync(Guid meetingId, Guid itemId)
    {
        if (!await LoadAsync(meetingId, itemId))
        {
            return NotFound();
        }

        var result = await attendance.DeclareConflictAsync(meetingId, itemId, Reason, Actor);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = "Du har meldt at du kan være inhabil i saken. Møtet avgjør habiliteten.";
            return LocalRedirect(ItemPath);
        }

        return await ShowAgainAsync(meetingId, itemId, result.Errors); // "Reason" is the page's own field
    }

    public async Task<IActionResult> OnPostWithdrawConflictAsync(Guid meetingId, Guid itemId)
    {
        if (!await LoadAsync(meetingId, itemId) || await attendance.WithdrawConflictAsync(meetingId, itemId, Actor) is not { } result)
        {
            return NotFound();
        }

        TempData[result.Succeeded ? "Message" : "Warning"] = result.Succeeded
            ? "Habilitetsmeldingen er trukket tilbake."
            : string.Join(" ", result.Errors.Select(e => e.Message));
        return LocalRedirect(ItemPath);
    }

    /// <summary>404 when she does not see the item; 403 when she reads it but does not run the meeting; null when she may go on.</summary>
    private async Task<IActionResult?> ForManagersAsync(Guid meetingId, Guid itemId)
    {
        if (!await LoadAsync(meetingId, itemId))
        {
            return NotFound();
        }

        return CanManage ? null : StatusCode(StatusCodes.Status403Forbidden);
    }

    /// <summary>The page again after a refused post: what she typed stays, the messages beside their fields, the rest as stored.</summary>
    private async Task<IActionResult> ShowAgainAsync(Guid meetingId, Guid itemId, IEnumerable<FieldError> errors, bool actionFormPosted = false)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        store.Db.ChangeTracker.Clear();
        await LoadAsync(meetingId, itemId);
        if (ActionChoices is not null && !actionFormPosted)
        {
            NewAction = ActionFromItem.Prefill(Meeting, Item, ActionChoices); // another form was posted: this one starts afresh
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid meetingId, Guid itemId)
    {
        var meeting = await store.VisibleAsync(meetingId, Actor);
        var item = meeting is not null && MeetingRules.CanSeeAgenda(meeting, Actor) ? meeting.Items.FirstOrDefault(i => i.Id == itemId) : null;
        if (meeting is null || item is null)
        {
            if (meeting is not null && MeetingRules.CanSeeAgenda(meeting, Actor))
            {
                HttpContext.Items[StatusModel.MissingAgendaItem] = true; // the meeting is hers to see: the 404 page names the item
            }

            return false;
        }

        Meeting = meeting;
        Item = item;
        LinkHrefs = await targets.HrefsAsync(item.Links);
        ActionChoices = CanManage ? await actionFromItem.ChoicesAsync(meeting) : null;
        return true;
    }

    /// <summary>"1,2 MB · PDF".</summary>
    public static string Describe(AgendaAttachment attachment) =>
        $"{SharedKernel.Formatting.Norwegian.FileSize(attachment.Size)} · {FileTypes.Name(attachment.ContentType)}";
}
