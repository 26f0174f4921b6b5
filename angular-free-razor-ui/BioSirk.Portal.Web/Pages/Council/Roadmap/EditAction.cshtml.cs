using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Strategy.Domain;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Pages.Shared;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Roadmap;

/// <summary>
/// Changes an action. Only the owner council's secretaries get the form; everyone else in the partnership gets a
/// page that says whose it is (403), and a stale save keeps the input and says what happened.
/// </summary>
public sealed class EditRoadmapActionModel(PortalContext portal, RoadmapQueries queries, SaveRoadmapAction save, IPlatformDirectory directory)
    : RoadmapPageModel(portal, queries)
{
    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public ActionFormView? Form { get; private set; }

    public RoadmapAction Action { get; private set; } = null!;

    public string? NotYours { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid roadmapId, Guid actionId)
    {
        if (await LoadActionAsync(roadmapId, actionId) is { } refused)
        {
            return refused;
        }

        Input = ActionInput.From(Action);
        await BuildFormAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid roadmapId, Guid actionId)
    {
        if (await LoadActionAsync(roadmapId, actionId) is { } refused)
        {
            return refused;
        }

        var result = await save.UpdateAsync(roadmapId, actionId, Input.ToDraft(), Input.ConcurrencyStamp, Actor);
        if (result is { Succeeded: true })
        {
            TempData["Message"] = "Endringene i tiltaket er lagret.";
            return LocalRedirect($"{BasePath}/tiltak/{actionId}");
        }

        if (result is { IsStale: true })
        {
            Input.ConcurrencyStamp = (await Queries.ActionAsync(roadmapId, actionId))?.ConcurrencyStamp;
            this.OfferOverwrite(this.Localized("tiltaket"));
        }
        else
        {
            result?.Errors.AddTo(ModelState, nameof(Input));
        }

        await BuildFormAsync();
        return Page();
    }

    private async Task<IActionResult?> LoadActionAsync(Guid roadmapId, Guid actionId)
    {
        if (!await LoadAsync(roadmapId) || Tree.Actions.FirstOrDefault(a => a.Id == actionId) is not { } action)
        {
            return NotFound();
        }

        Action = action;
        if (!RoadmapRules.CanEdit(action, Actor))
        {
            NotYours = RoadmapRules.NotYours(CouncilName(action.OwnerCouncilId));
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        return null;
    }

    private async Task BuildFormAsync()
    {
        var people = (await directory.ListPeopleAsync(Partnership.Councils.Select(c => c.Id))).DistinctBy(p => p.UserId).ToList();
        Form = new ActionFormView(Input, Tree, Partnership, Action.OwnerCouncilId, people, "Lagre endringene");
    }
}
