using BioSirk.Portal.Indicators.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Council.Indicators;

/// <summary>The council's indicators: its own plans' and those of its partnerships' roadmap goals, filterable by plan kind and status.</summary>
public sealed class CouncilIndicatorsModel(IIndicatorReader reader, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public PlanKind? Plan { get; set; }

    [BindProperty(SupportsGet = true)]
    public IndicatorState? Status { get; set; }

    public IReadOnlyList<IndicatorSummary> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public DateOnly Today => SharedKernel.Time.Oslo.Today(clock);

    public async Task OnGetAsync()
    {
        var all = await reader.ListVisibleAsync();
        Total = all.Count;
        Rows = [.. all.Where(r => (Plan is null || r.PlanKind == Plan) && (Status is null || r.State == Status))];
    }
}
