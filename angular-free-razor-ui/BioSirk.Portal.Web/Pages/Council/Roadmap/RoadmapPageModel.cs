using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Strategy.Domain;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Tenancy;
using BioSirk.Portal.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Council.Roadmap;

/// <summary>
/// Base of every page of one roadmap: loads it through the tenant filter (a roadmap of another partnership is not
/// found), and knows the partnership's councils and the person acting.
/// </summary>
public abstract class RoadmapPageModel(PortalContext portal, RoadmapQueries queries) : PageModel
{
    public RoadmapTree Tree { get; private set; } = null!;

    public Strategy.Domain.Roadmap Roadmap => Tree.Roadmap;

    public PartnershipInfo Partnership { get; private set; } = null!;

    public string BasePath => $"{portal.Prefix}/veikart/{Roadmap.Id}";

    public RoadmapActor Actor => ActorOf(portal, User);

    public bool IsCoordinator => RoadmapRules.CanCoordinate(Roadmap, Actor);

    protected PortalContext Portal => portal;

    protected RoadmapQueries Queries => queries;

    public string CouncilName(Guid councilId) => Partnership.CouncilName(councilId);

    /// <summary>Set (with 403) when someone other than the coordinator opens a page that shapes the roadmap: says who may.</summary>
    public string? NotCoordinator { get; private set; }

    /// <summary>The page for a loaded roadmap's structure, or the refusal that names the coordinating council.</summary>
    protected IActionResult? RefuseUnlessCoordinator()
    {
        if (IsCoordinator)
        {
            return null;
        }

        NotCoordinator = this.Localized("Bare sekretariatet i {0}, som koordinerer veikartet, kan endre satsingsområder, mål og datoer.", CouncilName(Roadmap.CoordinatorCouncilId));
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    protected async Task<bool> LoadAsync(Guid roadmapId)
    {
        var tree = await queries.TreeAsync(roadmapId, HttpContext.RequestAborted);
        var partnership = tree is null ? null : portal.Partnerships.FirstOrDefault(p => p.Id == tree.Roadmap.PartnershipId);
        if (tree is null || partnership is null)
        {
            return false;
        }

        Tree = tree;
        Partnership = partnership;
        return true;
    }

    /// <summary>The signed-in person acting for the council in the URL.</summary>
    public static RoadmapActor ActorOf(PortalContext portal, System.Security.Claims.ClaimsPrincipal user) => new(
        CurrentUser.IdOf(user)!.Value,
        user.FindFirst(CurrentUser.FullNameClaim)?.Value ?? "",
        portal.CouncilId,
        portal.IsIn(CouncilRoles.Secretary));

    public static string JudgementBadge(ProgressJudgement? judgement) => judgement switch
    {
        ProgressJudgement.Late => "text-bg-danger",
        ProgressJudgement.AtRisk => "text-bg-warning",
        ProgressJudgement.OnTrack => "text-bg-success",
        _ => "text-bg-light border",
    };

    public static string StatusBadge(ActionStatus status) => status switch
    {
        ActionStatus.InProgress => "text-bg-primary",
        ActionStatus.Done => "text-bg-success",
        ActionStatus.Cancelled => "text-bg-secondary",
        _ => "text-bg-light border",
    };
}
