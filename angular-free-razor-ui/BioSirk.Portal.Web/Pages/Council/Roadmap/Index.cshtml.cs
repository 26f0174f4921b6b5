using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Council.Roadmap;

/// <summary>The roadmaps of the council's partnerships; a secretary starts one where a partnership has none.</summary>
public sealed class RoadmapIndexModel(PortalContext portal, RoadmapQueries queries, ShapeRoadmap shape) : PageModel
{
    public IReadOnlyList<Strategy.Domain.Roadmap> Roadmaps { get; private set; } = [];

    public IReadOnlyList<PartnershipInfo> Partnerships => portal.Partnerships;

    public IEnumerable<PartnershipInfo> WithoutRoadmap => Partnerships.Where(p => Roadmaps.All(r => r.PartnershipId != p.Id));

    [BindProperty]
    public NewRoadmapInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        Roadmaps = await queries.ListAsync();
        if (Roadmaps.Count == 1 && Partnerships.Count == 1)
        {
            return LocalRedirect($"{portal.Prefix}/veikart/{Roadmaps[0].Id}");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await shape.CreateAsync(Input.PartnershipId ?? Guid.Empty,
            new RoadmapDraft(Input.Title, Input.Description, Input.PeriodStart, Input.PeriodEnd, Input.ReportingDates),
            RoadmapPageModel.ActorOf(portal, User));
        if (result.Succeeded)
        {
            TempData["Message"] = "Veikartet er opprettet. Legg inn satsingsområder og mål under «Struktur og datoer».";
            return LocalRedirect($"{portal.Prefix}/veikart/{result.Value}/struktur");
        }

        result.Errors.AddTo(ModelState, nameof(Input));
        Roadmaps = await queries.ListAsync();
        return Page();
    }

    public sealed class NewRoadmapInput
    {
        public Guid? PartnershipId { get; set; }

        public string? Title { get; set; }

        public string? Description { get; set; }

        public DateOnly? PeriodStart { get; set; }

        public DateOnly? PeriodEnd { get; set; }

        public string? ReportingDates { get; set; }
    }
}
