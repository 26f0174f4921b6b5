using BioSirk.Portal.Reporting.Features;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.County.Reports;

/// <summary>The county officer's queue: the submitted final reports of her county's agreements, oldest first.</summary>
public sealed class CountyReportQueueModel(FinalReportQueries queries) : PageModel
{
    public IReadOnlyList<ReportQueueRow> Waiting { get; private set; } = [];

    public async Task OnGetAsync() => Waiting = await queries.QueueAsync();
}
