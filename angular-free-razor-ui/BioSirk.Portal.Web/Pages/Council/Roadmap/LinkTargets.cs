using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Strategy.Domain;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Web.Pages.Council.Roadmap;

public sealed record LinkTarget(ActionLinkKind Kind, Guid Id, string Label)
{
    public string Key => $"{Kind}:{Id}";
}

/// <summary>
/// What an action of the current council can be linked to: the council's own agreements and the indicators it sees
/// (its own and its partnerships'), both through the tenant filter. The web host composes this, since the Strategy
/// module knows no other module.
/// </summary>
public sealed class LinkTargets(AgreementsDbContext agreements, IIndicatorReader indicators)
{
    public async Task<IReadOnlyList<LinkTarget>> ForCouncilAsync(CancellationToken ct = default)
    {
        var own = await agreements.Agreements.AsNoTracking().OrderBy(a => a.Title)
            .Select(a => new { a.Id, a.Title }).ToListAsync(ct);
        var visible = await indicators.ListVisibleAsync(ct);
        return
        [
            .. own.Select(a => new LinkTarget(ActionLinkKind.Agreement, a.Id, a.Title)),
            .. visible.OrderBy(i => i.Name).Select(i => new LinkTarget(ActionLinkKind.Indicator, i.Id, i.Name)),
        ];
    }
}
