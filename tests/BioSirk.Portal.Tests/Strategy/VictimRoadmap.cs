using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Strategy.Data;
using BioSirk.Portal.Strategy.Domain;
using BioSirk.Portal.Strategy.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Strategy;

/// <summary>A roadmap of a partnership that only Hallingdal is in (not BioSirk), for cross-tenant probes.</summary>
public static class VictimRoadmap
{
    public sealed record Ids(Guid RoadmapId, Guid GoalId, Guid ActionId, Guid VersionId);

    public static async Task<Ids> CreateAsync(IServiceProvider sp, Guid hallingdalId)
    {
        var platform = sp.GetRequiredService<PlatformDbContext>();
        var partnership = new Partnership("hallingdal-samarbeid", "Hallingdalssamarbeidet", null);
        partnership.AddMember(hallingdalId);
        platform.Partnerships.Add(partnership);
        await platform.SaveChangesAsync();

        var db = sp.GetRequiredService<StrategyDbContext>();
        var roadmap = new Roadmap(partnership.Id, hallingdalId, "Hallingdals veikart", null, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31));
        var goal = roadmap.AddFocusArea("Bioenergi", null).AddGoal("Mer flis", null);
        var action = new RoadmapAction(roadmap.Id, goal.Id, partnership.Id, hallingdalId)
        {
            Title = "Flisfyring i Ål", Start = new DateOnly(2026, 1, 1), End = new DateOnly(2026, 12, 31),
        };
        var snapshot = RoadmapSnapshot.Of(new RoadmapTree(roadmap, [action]), _ => "Regionrådet for Hallingdal");
        var version = new RoadmapVersion(roadmap.Id, partnership.Id, 1, "V1", snapshot.ToJson(), "Kari Nordby",
            new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), null);
        db.Roadmaps.Add(roadmap);
        db.Actions.Add(action);
        db.Versions.Add(version);
        await db.SaveChangesAsync();
        return new Ids(roadmap.Id, goal.Id, action.Id, version.Id);
    }
}
