using BioSirk.Portal.Strategy.Domain;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Roadmap;

/// <summary>A frozen version exactly as it was put forward.</summary>
public sealed class RoadmapVersionModel(PortalContext portal, RoadmapQueries queries) : RoadmapPageModel(portal, queries)
{
    public RoadmapVersion Version { get; private set; } = null!;

    public RoadmapSnapshot Snapshot { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid roadmapId, Guid versionId)
    {
        if (!await LoadAsync(roadmapId) || await Queries.VersionAsync(roadmapId, versionId) is not { } version)
        {
            return NotFound();
        }

        Version = version;
        Snapshot = RoadmapSnapshot.FromJson(version.SnapshotJson);
        return Page();
    }
}
