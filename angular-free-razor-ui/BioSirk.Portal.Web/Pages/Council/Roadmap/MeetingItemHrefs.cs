using System.Security.Claims;
using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Strategy.Domain;
using BioSirk.Portal.Web.Pages.Council.Meetings;
using BioSirk.Portal.Web.Tenancy;

namespace BioSirk.Portal.Web.Pages.Council.Roadmap;

/// <summary>
/// Where the meeting items an action links to are shown, for the items the person may read (the invited, once the
/// agenda is published; the organising secretaries). The others stay plain labels. The web host composes this, since
/// the Strategy module knows nothing of meetings.
/// </summary>
public sealed class MeetingItemHrefs(MeetingQueries meetings, PortalContext portal)
{
    public async Task<IReadOnlyDictionary<Guid, string>> ForAsync(IEnumerable<ActionLink> links, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var itemIds = links.Where(l => l.Kind == ActionLinkKind.MeetingItem).Select(l => l.TargetId).ToList();
        if (itemIds.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var visible = await meetings.VisibleItemsAsync(itemIds, MeetingPageModel.ActorOf(portal, user), ct);
        return visible.ToDictionary(v => v.ItemId, v => $"{portal.Prefix}/moter/{v.MeetingId}/saker/{v.ItemId}");
    }
}
