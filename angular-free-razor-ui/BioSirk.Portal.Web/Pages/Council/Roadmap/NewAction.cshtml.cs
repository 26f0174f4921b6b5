using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Roadmap;

/// <summary>A secretary adds an action owned by her council.</summary>
[RequireCouncilRole(CouncilRoles.Secretary)]
public sealed class NewRoadmapActionModel(PortalContext portal, RoadmapQueries queries, SaveRoadmapAction save, IPlatformDirectory directory)
    : RoadmapPageModel(portal, queries)
{
    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public ActionFormView Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid roadmapId, Guid? goalId)
    {
        if (!await LoadAsync(roadmapId))
        {
            return NotFound();
        }

        Input.GoalId = Roadmap.Goals.FirstOrDefault(g => g.Id == goalId)?.Id;
        Input.Start = Roadmap.PeriodStart;
        Input.End = Roadmap.PeriodEnd;
        await BuildFormAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid roadmapId)
    {
        if (!await LoadAsync(roadmapId))
        {
            return NotFound();
        }

        var result = await save.CreateAsync(roadmapId, Input.ToDraft(), Actor);
        if (result is { Succeeded: true })
        {
            TempData["Message"] = "Tiltaket er lagt til i veikartet.";
            return LocalRedirect($"{BasePath}/tiltak/{result.Value}");
        }

        result?.Errors.AddTo(ModelState, nameof(Input));
        await BuildFormAsync();
        return Page();
    }

    private async Task BuildFormAsync()
    {
        var people = (await directory.ListPeopleAsync(Partnership.Councils.Select(c => c.Id))).DistinctBy(p => p.UserId).ToList();
        Form = new ActionFormView(Input, Tree, Partnership, Portal.CouncilId, people, "Legg til tiltaket");
    }
}
