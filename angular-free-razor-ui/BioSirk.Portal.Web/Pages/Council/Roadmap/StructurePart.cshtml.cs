using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Pages.Shared;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Roadmap;

/// <summary>The coordinator renames a focus area or a goal, or removes it when nothing hangs under it.</summary>
public sealed class RoadmapStructurePartModel(PortalContext portal, RoadmapQueries queries, EditRoadmapPart edit, IIndicatorReader indicators) : RoadmapPageModel(portal, queries)
{
    [BindProperty]
    public PartInput Input { get; set; } = new();

    public RoadmapPart Part { get; private set; } = null!;

    /// <summary>Why it cannot be removed now (what to do first), or null when the remove button is offered.</summary>
    public string? NotRemovable { get; private set; }

    public string Number => Part.Goal is { } goal ? Tree.NumberOf(goal) : $"{Part.Area!.Number}";

    public async Task<IActionResult> OnGetAsync(Guid roadmapId, Guid partId)
    {
        if (await RefuseAsync(roadmapId, partId) is { } refused)
        {
            return refused;
        }

        Input = new PartInput { Title = Part.Title, Description = Part.Description, ConcurrencyStamp = Part.ConcurrencyStamp };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid roadmapId, Guid partId)
    {
        if (await RefuseAsync(roadmapId, partId, posted: true) is { } refused)
        {
            return refused;
        }

        var result = await edit.RenameAsync(roadmapId, partId, Input.Title, Input.Description, Input.ConcurrencyStamp, Actor);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = this.Localized(Part.IsGoal ? "Målet «{0}» er lagret." : "Satsingsområdet «{0}» er lagret.", Input.Title!.Trim());
            return LocalRedirect($"{BasePath}/struktur");
        }

        if (result.IsStale)
        {
            Input.ConcurrencyStamp = await edit.CurrentStampAsync(Part, HttpContext.RequestAborted);
            this.OfferOverwrite(this.Localized(Part.IsGoal ? "målet" : "satsingsområdet"));
        }
        else
        {
            result.Errors.AddTo(ModelState, nameof(Input));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid roadmapId, Guid partId)
    {
        if (await RefuseAsync(roadmapId, partId, posted: true) is { } refused)
        {
            return refused;
        }

        var title = Part.Title;
        var isGoal = Part.IsGoal;
        var result = await edit.RemoveAsync(roadmapId, partId, Actor, await GoalIndicatorsAsync(Part));
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = this.Localized(isGoal ? "Målet «{0}» er fjernet." : "Satsingsområdet «{0}» er fjernet.", title);
            return LocalRedirect($"{BasePath}/struktur");
        }

        Input = new PartInput { Title = Part.Title, Description = Part.Description, ConcurrencyStamp = Part.ConcurrencyStamp };
        result.Errors.AddTo(ModelState, "");
        return Page();
    }

    private async Task<IActionResult?> RefuseAsync(Guid roadmapId, Guid partId, bool posted = false)
    {
        if (!await LoadAsync(roadmapId))
        {
            return NotFound();
        }

        if (!await LoadPartAsync(roadmapId, partId))
        {
            // Removed meanwhile, most likely from another tab: the coordinator's save or second «Fjern» is told so on the
            // structure page instead of «page not found». Any id that is not one of this roadmap's parts reads the same.
            if (!posted || !IsCoordinator)
            {
                return NotFound();
            }

            TempData["Message"] = PartGone;
            return LocalRedirect($"{BasePath}/struktur");
        }

        return RefuseUnlessCoordinator();
    }

    private const string PartGone = "Satsingsområdet eller målet er allerede fjernet, kanskje fra en annen fane. Her er strukturen slik den er nå.";

    private async Task<bool> LoadPartAsync(Guid roadmapId, Guid partId)
    {
        if (await edit.FindAsync(roadmapId, partId, HttpContext.RequestAborted) is not { } part)
        {
            return false;
        }

        Part = part;
        NotRemovable = await edit.WhyNotRemovableAsync(part, await GoalIndicatorsAsync(part), HttpContext.RequestAborted) is { } why ? this.Localized(why) : null;
        return true;
    }

    private async Task<IReadOnlyList<string>> GoalIndicatorsAsync(RoadmapPart part) => part.Goal is { } goal
        ? [.. (await indicators.ListForPlanAsync(PlanKind.RoadmapGoal, goal.Id, HttpContext.RequestAborted)).Select(i => i.Name)]
        : [];

    public sealed class PartInput
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? ConcurrencyStamp { get; set; }
    }
}
