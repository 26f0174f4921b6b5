using System.Globalization;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Pages.Shared;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Roadmap;

/// <summary>The coordinator shapes the roadmap: name, period, reporting dates, focus areas and goals.</summary>
public sealed class RoadmapStructureModel(PortalContext portal, RoadmapQueries queries, ShapeRoadmap shape) : RoadmapPageModel(portal, queries)
{
    [BindProperty]
    public SettingsInput Settings { get; set; } = new();

    [BindProperty]
    public AreaInput Area { get; set; } = new();

    [BindProperty]
    public GoalInput NewGoal { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid roadmapId)
    {
        if (await RefuseAsync(roadmapId) is { } refused)
        {
            return refused;
        }

        Settings = SettingsInput.From(Roadmap);
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(Guid roadmapId)
    {
        if (await RefuseAsync(roadmapId) is { } refused)
        {
            return refused;
        }

        var result = await shape.UpdateAsync(roadmapId,
            new RoadmapDraft(Settings.Title, Settings.Description, Settings.PeriodStart, Settings.PeriodEnd, Settings.ReportingDates), Settings.ConcurrencyStamp, Actor);
        return await AfterAsync(result, nameof(Settings), "Veikartets navn, periode og rapporteringsdatoer er lagret.", roadmapId);
    }

    public async Task<IActionResult> OnPostAreaAsync(Guid roadmapId)
    {
        if (await RefuseAsync(roadmapId) is { } refused)
        {
            return refused;
        }

        var result = await shape.AddFocusAreaAsync(roadmapId, Area.AreaTitle, Area.AreaDescription, Actor);
        return await AfterAsync(result, nameof(Area), this.Localized("Satsingsområdet «{0}» er lagt til.", Area.AreaTitle!), roadmapId);
    }

    public async Task<IActionResult> OnPostGoalAsync(Guid roadmapId)
    {
        if (await RefuseAsync(roadmapId) is { } refused)
        {
            return refused;
        }

        var result = await shape.AddGoalAsync(roadmapId, NewGoal.FocusAreaId, NewGoal.GoalTitle, NewGoal.GoalDescription, Actor);
        return await AfterAsync(result, nameof(NewGoal), this.Localized("Målet «{0}» er lagt til.", NewGoal.GoalTitle!), roadmapId);
    }

    private async Task<IActionResult> AfterAsync(SharedKernel.Results.Result? result, string prefix, string message, Guid roadmapId)
    {
        if (result is { Succeeded: true })
        {
            TempData["Message"] = message;
            return LocalRedirect($"{BasePath}/struktur");
        }

        await LoadAsync(roadmapId);
        if (prefix != nameof(Settings))
        {
            Settings = SettingsInput.From(Roadmap);
        }

        if (result is { IsStale: true } && prefix == nameof(Settings))
        {
            Settings.ConcurrencyStamp = Roadmap.ConcurrencyStamp;
            this.OfferOverwrite(this.Localized("veikartet"));
        }
        else
        {
            result?.Errors.AddTo(ModelState, prefix);
        }

        return Page();
    }

    private async Task<IActionResult?> RefuseAsync(Guid roadmapId)
    {
        return await LoadAsync(roadmapId) ? RefuseUnlessCoordinator() : NotFound();
    }

    public sealed class SettingsInput
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public DateOnly? PeriodStart { get; set; }

        public DateOnly? PeriodEnd { get; set; }

        public string? ReportingDates { get; set; }

        public string? ConcurrencyStamp { get; set; }

        public static SettingsInput From(Strategy.Domain.Roadmap roadmap) => new()
        {
            Title = roadmap.Title,
            Description = roadmap.Description,
            PeriodStart = roadmap.PeriodStart,
            PeriodEnd = roadmap.PeriodEnd,
            ReportingDates = string.Join(", ", roadmap.ReportingDates.Order().Select(d => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture))),
            ConcurrencyStamp = roadmap.ConcurrencyStamp,
        };
    }

    public sealed class AreaInput
    {
        public string? AreaTitle { get; set; }

        public string? AreaDescription { get; set; }
    }

    public sealed class GoalInput
    {
        public Guid? FocusAreaId { get; set; }

        public string? GoalTitle { get; set; }

        public string? GoalDescription { get; set; }
    }
}
