using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Strategy.Data;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Web.Pages.Council.Meetings;

public sealed record AgendaLinkTarget(AgendaLinkKind Kind, Guid Id, string Label)
{
    public string Key => $"{Kind}:{Id}";
}

/// <summary>
/// What an agenda item can link to: the roadmap actions of the meeting's partnership (or of every partnership of the
/// council, for a council meeting) and the council's own agreements, all through the tenant filters. The web host
/// composes this, since the Meetings module knows neither Strategy nor Agreements.
/// </summary>
public sealed class AgendaLinkTargets(StrategyDbContext strategy, AgreementsDbContext agreements, PortalContext portal)
{
    public async Task<IReadOnlyList<AgendaLinkTarget>> ForMeetingAsync(Meeting meeting, CancellationToken ct = default)
    {
        var actions = await strategy.Actions.AsNoTracking()
            .Where(a => !meeting.IsPartnershipMeeting || a.PartnershipId == meeting.PartnershipId)
            .OrderBy(a => a.Title).Select(a => new { a.Id, a.Title }).ToListAsync(ct);
        var own = await agreements.Agreements.AsNoTracking().OrderBy(a => a.Title).Select(a => new { a.Id, a.Title }).ToListAsync(ct);
        return
        [
            .. actions.Select(a => new AgendaLinkTarget(AgendaLinkKind.RoadmapAction, a.Id, a.Title)),
            .. own.Select(a => new AgendaLinkTarget(AgendaLinkKind.Agreement, a.Id, a.Title)),
        ];
    }

    /// <summary>The chosen keys ("RoadmapAction:{id}") that are still among the targets, with their labels.</summary>
    public static IReadOnlyList<ChosenLink> Chosen(IEnumerable<string> keys, IReadOnlyList<AgendaLinkTarget> targets) =>
        targets.Where(t => keys.Contains(t.Key)).Select(t => new ChosenLink(t.Kind, t.Id, t.Label)).ToList();

    /// <summary>Where each linked target is shown in this council, for the targets the council can still see.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> HrefsAsync(IEnumerable<AgendaItemLink> links, CancellationToken ct = default)
    {
        var list = links.ToList();
        var actionIds = list.Where(l => l.Kind == AgendaLinkKind.RoadmapAction).Select(l => l.TargetId).Distinct().ToList();
        var agreementIds = list.Where(l => l.Kind == AgendaLinkKind.Agreement).Select(l => l.TargetId).Distinct().ToList();
        var hrefs = new Dictionary<Guid, string>();
        if (actionIds.Count > 0)
        {
            foreach (var a in await strategy.Actions.AsNoTracking().Where(a => actionIds.Contains(a.Id)).Select(a => new { a.Id, a.RoadmapId }).ToListAsync(ct))
            {
                hrefs[a.Id] = $"{portal.Prefix}/veikart/{a.RoadmapId}/tiltak/{a.Id}";
            }
        }

        if (agreementIds.Count > 0)
        {
            foreach (var id in await agreements.Agreements.AsNoTracking().Where(a => agreementIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct))
            {
                hrefs[id] = $"{portal.Prefix}/avtaler/{id}";
            }
        }

        return hrefs;
    }
}
