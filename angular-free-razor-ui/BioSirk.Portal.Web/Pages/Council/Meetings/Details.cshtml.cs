using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.Web.Live;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Meetings;

/// <summary>
/// The meeting: time, place, participants with their absence, and the agenda (to the participants once published).
/// The secretary orders the items and publishes; a participant reports her absence here. Per item, the live comments:
/// a plain form and list, which wwwroot/js/meeting-live.js keeps up to date without reload.
/// </summary>
public sealed class MeetingDetailsModel(
    PortalContext portal, MeetingStore store, EditAgenda agenda, RecordAttendance attendance, AgendaLinkTargets targets,
    MeetingComments comments, MeetingFloor floor, MeetingLiveFeed feed)
    : MeetingPageModel(portal)
{
    [BindProperty]
    public string? AbsenceNote { get; set; }

    [BindProperty]
    public string? CommentText { get; set; }

    [BindProperty]
    public string? EditText { get; set; }

    /// <summary>The item whose comment form failed, so that it (and only it) shows the message and keeps the text.</summary>
    public Guid? FailedItemId { get; private set; }

    public Guid? FailedCommentId { get; private set; }

    public IReadOnlyList<CommentView> Comments { get; private set; } = [];

    /// <summary>Who has the meeting page open live now.</summary>
    public IReadOnlyList<PresentPerson> Present { get; private set; } = [];

    public int LastSequence => Comments.Count == 0 ? 0 : Comments.Max(c => c.Sequence);

    /// <summary>Until the meeting starts a participant reports her absence here; then the secretariat keeps attendance in the minutes.</summary>
    public bool TakesAbsenceReports => Meeting.TakesAbsenceReports(store.UtcNow);

    public bool CanBeCancelled => Meeting.CanBeCancelled(store.UtcNow);

    /// <summary>The server's time as the page was made: the page's script measures the five-minute edit window on it, not on the device's clock.</summary>
    public string ServerNowUtc => store.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    public static string CommentField(Guid itemId) => "comment-" + itemId;

    public static string EditField(Guid commentId) => "edit-" + commentId;

    public CommentRow RowOf(CommentView comment) => new(
        comment, BasePath,
        comment.AuthorId == Actor.UserId && comment.State == "Visible" && store.UtcNow - comment.PostedAtUtc <= BioSirk.Portal.Meetings.Domain.MeetingComment.EditWindow,
        CanManage,
        FailedCommentId == comment.Id ? EditText : null,
        FailedCommentId == comment.Id ? ModelState[EditField(comment.Id)]?.Errors.FirstOrDefault()?.ErrorMessage : null);

    public Task<IActionResult> OnPostCommentAsync(Guid meetingId, Guid itemId) =>
        Comment(meetingId, () => comments.PostAsync(meetingId, itemId, CommentText, Actor, CommentField(itemId)), "Kommentaren er sendt.", itemId, null);

    public Task<IActionResult> OnPostEditCommentAsync(Guid meetingId, Guid commentId) =>
        Comment(meetingId, () => comments.EditAsync(meetingId, commentId, EditText, Actor, EditField(commentId)), "Kommentaren er endret.", null, commentId);

    public Task<IActionResult> OnPostDeleteCommentAsync(Guid meetingId, Guid commentId) =>
        Comment(meetingId, () => comments.DeleteAsync(meetingId, commentId, Actor), "Kommentaren er slettet.", null, commentId);

    public Task<IActionResult> OnPostHideCommentAsync(Guid meetingId, Guid commentId) =>
        Comment(meetingId, () => comments.HideAsync(meetingId, commentId, Actor), "Kommentaren er skjult. Den er tatt vare på i loggen.", null, commentId);

    /// <summary>Stored first, then pushed to everyone following the meeting; refused: the page again with the message and the text.</summary>
    private async Task<IActionResult> Comment(Guid meetingId, Func<Task<Result<CommentView>?>> action, string done, Guid? itemId, Guid? commentId)
    {
        var result = await action();
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            await feed.PublishAsync(meetingId, result.Value!);
            TempData["Message"] = done;
            return LocalRedirect($"{BasePathOf(meetingId)}#comment-{result.Value!.Id}");
        }

        store.Db.ChangeTracker.Clear();
        FailedItemId = itemId;
        FailedCommentId = commentId;
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message); // "comment-{item}" / "edit-{comment}": the ids of the page's fields
        }

        if (!await LoadAsync(meetingId))
        {
            return NotFound();
        }

        KeepCorrectionAsNewComment();
        return Page();
    }

    /// <summary>
    /// An edit refused because its five minutes ran out while she wrote: the edit form is gone from the page, so her
    /// correction moves to the item's field for a new comment, where she can send it as one.
    /// </summary>
    private void KeepCorrectionAsNewComment()
    {
        if (FailedCommentId is not { } commentId || string.IsNullOrWhiteSpace(EditText)
            || Comments.FirstOrDefault(c => c.Id == commentId) is not { AuthorId: var author, State: "Visible" } comment
            || author != Actor.UserId || RowOf(comment).CanChange)
        {
            return;
        }

        ModelState.Remove(EditField(commentId));
        FailedItemId = comment.ItemId;
        FailedCommentId = null;
        CommentText = EditText;
        ModelState.AddModelError(CommentField(comment.ItemId),
            "Kommentaren kan ikke endres lenger, fordi det er gått mer enn 5 minutter. Det du skrev, står her: send det som en ny kommentar.");
    }

    /// <summary>"Behandle nå" without JavaScript (with it, the page asks the hub and stays where it is).</summary>
    public async Task<IActionResult> OnPostCurrentItemAsync(Guid meetingId, Guid? itemId)
    {
        var result = await floor.SetCurrentItemAsync(meetingId, itemId, Actor);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            await feed.PublishAsync(result.Value!);
            TempData["Message"] = result.Value!.ItemId is null ? "Ingen sak er til behandling nå." : $"Nå behandles {result.Value.CaseLabel} {result.Value.Title}.";
            return LocalRedirect(BasePathOf(meetingId) + (itemId is { } id ? "#item-" + id : ""));
        }

        store.Db.ChangeTracker.Clear();
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        return await LoadAsync(meetingId) ? Page() : NotFound();
    }

    public IReadOnlyDictionary<Guid, string> LinkHrefs { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid meetingId) => await LoadAsync(meetingId) ? Page() : NotFound();

    public Task<IActionResult> OnPostPublishAsync(Guid meetingId) =>
        Do(meetingId, () => agenda.PublishAsync(meetingId, Actor), "Sakslisten er publisert. Deltakerne ser den nå, og sakene har fått saksnummer.");

    public Task<IActionResult> OnPostMoveUpAsync(Guid meetingId, Guid itemId) =>
        Do(meetingId, () => agenda.MoveItemAsync(meetingId, itemId, -1, Actor), "Saken er flyttet opp.");

    public Task<IActionResult> OnPostMoveDownAsync(Guid meetingId, Guid itemId) =>
        Do(meetingId, () => agenda.MoveItemAsync(meetingId, itemId, +1, Actor), "Saken er flyttet ned.");

    public Task<IActionResult> OnPostAbsenceAsync(Guid meetingId) =>
        Do(meetingId, () => attendance.ReportAbsenceAsync(meetingId, AbsenceNote, Actor), "Forfallet ditt er meldt.");

    public Task<IActionResult> OnPostWithdrawAbsenceAsync(Guid meetingId) =>
        Do(meetingId, () => attendance.WithdrawAbsenceAsync(meetingId, Actor), "Forfallet ditt er trukket tilbake.");

    private async Task<IActionResult> Do(Guid meetingId, Func<Task<SharedKernel.Results.Result?>> action, string done)
    {
        if (await store.VisibleAsync(meetingId, Actor) is null)
        {
            return NotFound();
        }

        var result = await action();
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = done;
            return LocalRedirect(BasePathOf(meetingId));
        }

        store.Db.ChangeTracker.Clear();
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message); // "AbsenceNote" is the page's own field
        }

        await LoadAsync(meetingId);
        return Page();
    }

    private string BasePathOf(Guid meetingId) => $"{Portal.Prefix}/moter/{meetingId}";

    private async Task<bool> LoadAsync(Guid meetingId)
    {
        if (await store.VisibleAsync(meetingId, Actor) is not { } meeting)
        {
            return false;
        }

        Meeting = meeting;
        if (CanSeeAgenda)
        {
            LinkHrefs = await targets.HrefsAsync(meeting.Items.SelectMany(i => i.Links));
            Comments = await comments.AfterAsync(meetingId, 0, Actor) ?? [];
            Present = (await floor.PresentAsync(meetingId)).People;
        }

        return true;
    }
}
