using BioSirk.Portal.Strategy.Domain;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Pages.Shared;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Roadmap;

/// <summary>
/// One action: its facts and links for everyone in the partnership; the progress report for its responsible person and
/// owner; deleting it for the owner's secretaries.
/// </summary>
public sealed class RoadmapActionModel(PortalContext portal, RoadmapQueries queries, ReportProgress reportProgress, LinkAction linkAction,
    DeleteRoadmapAction deleteAction, LinkTargets linkTargets, MeetingItemHrefs meetingItems) : RoadmapPageModel(portal, queries)
{
    public RoadmapAction Action { get; private set; } = null!;

    [BindProperty]
    public ProgressInput Progress { get; set; } = new();

    /// <summary>"Agreement:{id}" or "Indicator:{id}": the link to add or remove.</summary>
    [BindProperty]
    public string? LinkTarget { get; set; }

    public IReadOnlyList<LinkTarget> Targets { get; private set; } = [];

    /// <summary>The action's stamp when the page was loaded, so that deleting it does not remove a change made since.</summary>
    [BindProperty]
    public string? DeleteStamp { get; set; }

    /// <summary>Why the action cannot be deleted now (what to do first), or null when the delete button is offered.</summary>
    public string? NotDeletable { get; private set; }

    /// <summary>The pages of the linked meeting items that she may open.</summary>
    public IReadOnlyDictionary<Guid, string> MeetingItemLinks { get; private set; } = new Dictionary<Guid, string>();

    public bool CanEdit => RoadmapRules.CanEdit(Action, Actor);

    public bool CanReport => RoadmapRules.CanReportProgress(Action, Actor);

    public async Task<IActionResult> OnGetAsync(Guid roadmapId, Guid actionId)
    {
        if (!await LoadActionAsync(roadmapId, actionId))
        {
            return NotFound();
        }

        Progress = new ProgressInput { Status = Action.Status, Judgement = Action.Judgement, Comment = Action.JudgementComment, ConcurrencyStamp = Action.ConcurrencyStamp };
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid roadmapId, Guid actionId) => await ChangeLinkAsync(roadmapId, actionId, add: true);

    public async Task<IActionResult> OnPostUnlinkAsync(Guid roadmapId, Guid actionId) => await ChangeLinkAsync(roadmapId, actionId, add: false);

    private async Task<IActionResult> ChangeLinkAsync(Guid roadmapId, Guid actionId, bool add)
    {
        if (!await LoadActionAsync(roadmapId, actionId))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var target = Targets.FirstOrDefault(t => t.Key == LinkTarget) ?? Action.Links
            .Select(l => new LinkTarget(l.Kind, l.TargetId, l.Label)).FirstOrDefault(t => t.Key == LinkTarget && !add);
        if (target is null)
        {
            ModelState.AddModelError(nameof(LinkTarget), "Velg en avtale eller en indikator fra listen.");
            return Page();
        }

        var result = add
            ? await linkAction.AddAsync(roadmapId, actionId, target.Kind, target.Id, target.Label, Actor)
            : await linkAction.RemoveAsync(roadmapId, actionId, target.Kind, target.Id, Actor);
        if (result is { Succeeded: false })
        {
            result.Errors.AddTo(ModelState, "");
            return Page();
        }

        TempData["Message"] = add ? this.Localized("Tiltaket er koblet til «{0}».", target.Label) : this.Localized("Koblingen til «{0}» er fjernet.", target.Label);
        return LocalRedirect($"{BasePath}/tiltak/{actionId}");
    }

    public async Task<IActionResult> OnPostProgressAsync(Guid roadmapId, Guid actionId)
    {
        if (!await LoadActionAsync(roadmapId, actionId))
        {
            return NotFound();
        }

        if (!CanReport)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            ModelState.AddModelError("", RoadmapRules.NotYours(CouncilName(Action.OwnerCouncilId)));
            return Page();
        }

        var result = await reportProgress.HandleAsync(roadmapId, actionId, Progress.Status, Progress.Judgement, Progress.Comment, Progress.ConcurrencyStamp, Actor);
        if (result is { Succeeded: true })
        {
            TempData["Message"] = "Fremdriften er rapportert.";
            return LocalRedirect($"{BasePath}/tiltak/{actionId}");
        }

        if (result is { IsStale: true })
        {
            Progress.ConcurrencyStamp = (await Queries.ActionAsync(roadmapId, actionId))?.ConcurrencyStamp;
            this.OfferOverwrite(this.Localized("tiltaket"));
            return Page();
        }

        result?.Errors.AddTo(ModelState, nameof(Progress));
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid roadmapId, Guid actionId)
    {
        if (!await LoadActionAsync(roadmapId, actionId))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var result = await deleteAction.DeleteAsync(roadmapId, actionId, DeleteStamp, Actor);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = this.Localized("Tiltaket «{0}» er slettet.", Action.Title);
            return LocalRedirect($"{BasePath}/tiltak");
        }

        if (result.IsStale)
        {
            ModelState.AddModelError("", this.Localized("Noen andre har endret tiltaket mens du så på det, så det er ikke slettet. Siden viser det slik det er nå: slett det igjen hvis det fortsatt skal bort."));
        }
        else
        {
            result.Errors.AddTo(ModelState, "");
        }

        return Page();
    }

    private async Task<bool> LoadActionAsync(Guid roadmapId, Guid actionId)
    {
        if (!await LoadAsync(roadmapId) || Tree.Actions.FirstOrDefault(a => a.Id == actionId) is not { } action)
        {
            return false;
        }

        Action = action;
        NotDeletable = DeleteRoadmapAction.WhyNotDeletable(action) is { } why ? this.Localized(why) : null;
        MeetingItemLinks = await meetingItems.ForAsync(action.Links, User, HttpContext.RequestAborted);
        if (RoadmapRules.CanEdit(action, Actor))
        {
            Targets = [.. (await linkTargets.ForCouncilAsync(HttpContext.RequestAborted))
                .Where(t => action.Links.All(l => l.Kind != t.Kind || l.TargetId != t.Id))];
        }

        return true;
    }

    public sealed class ProgressInput
    {
        public ActionStatus? Status { get; set; }

        public ProgressJudgement? Judgement { get; set; }

        public string? Comment { get; set; }

        public string? ConcurrencyStamp { get; set; }
    }
}
