using BioSirk.Portal.Strategy.Domain;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Roadmap;

/// <summary>The differences between two versions, or between a version and the roadmap as it is now.</summary>
public sealed class RoadmapChangesModel(PortalContext portal, RoadmapQueries queries) : RoadmapPageModel(portal, queries)
{
    public RoadmapVersion From { get; private set; } = null!;

    public RoadmapVersion? To { get; private set; }

    public IReadOnlyList<RoadmapVersion> Versions { get; private set; } = [];

    public IReadOnlyList<RoadmapChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid roadmapId, Guid fromVersionId, Guid? toVersionId)
    {
        if (!await LoadAsync(roadmapId))
        {
            return NotFound();
        }

        Versions = await Queries.VersionsAsync(roadmapId);
        var from = Versions.FirstOrDefault(v => v.Id == fromVersionId);
        var to = toVersionId is null ? null : Versions.FirstOrDefault(v => v.Id == toVersionId);
        if (from is null || (toVersionId is not null && to is null))
        {
            return NotFound();
        }

        From = from;
        To = to;
        var after = to is null
            ? RoadmapSnapshot.Of(Tree, CouncilName)
            : RoadmapSnapshot.FromJson(to.SnapshotJson);
        Changes = RoadmapDiff.Between(RoadmapSnapshot.FromJson(from.SnapshotJson), after);
        return Page();
    }
}
