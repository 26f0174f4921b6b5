using BioSirk.Portal.Strategy.Domain;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Pages.Shared;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Roadmap;

/// <summary>Versions put forward for adoption, each council's decision on them, and the forms to freeze and to record a decision.</summary>
public sealed class RoadmapVersionsModel(PortalContext portal, RoadmapQueries queries, RoadmapVersions versions) : RoadmapPageModel(portal, queries)
{
    public IReadOnlyList<RoadmapVersion> Versions { get; private set; } = [];

    public IReadOnlyList<AdoptionDecision> Decisions { get; private set; } = [];

    [BindProperty]
    public FreezeInput Freeze { get; set; } = new();

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    public AdoptionDecision? OwnDecision(Guid versionId) =>
        Decisions.FirstOrDefault(d => d.VersionId == versionId && d.CouncilId == Portal.CouncilId);

    public async Task<IActionResult> OnGetAsync(Guid roadmapId)
    {
        if (!await LoadAllAsync(roadmapId))
        {
            return NotFound();
        }

        if (Versions.FirstOrDefault() is { } latest && OwnDecision(latest.Id) is { } own)
        {
            Decision = DecisionInput.From(own);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostFreezeAsync(Guid roadmapId)
    {
        if (!await LoadAllAsync(roadmapId))
        {
            return NotFound();
        }

        if (ModelState.TryGetValue($"{nameof(Freeze)}.{nameof(Freeze.DecisionWanted)}", out var wanted) && wanted.Errors.Count > 0)
        {
            // The date is optional, so one that could not be read is no date: freezing without it cannot be undone.
            ModelState.ClearAllButUnreadable();
            return Page();
        }

        var result = await versions.FreezeAsync(roadmapId, Freeze.Label, Freeze.DecisionWanted, Actor, $"veikart/{roadmapId}/versjoner");
        if (result is { Succeeded: true })
        {
            TempData["Message"] = "Versjonen er frosset og lagt fram for vedtak. Sekretariatene i rådene har fått beskjed.";
            return LocalRedirect($"{BasePath}/versjoner");
        }

        result?.Errors.AddTo(ModelState, nameof(Freeze));
        return Page();
    }

    public async Task<IActionResult> OnPostDecisionAsync(Guid roadmapId, Guid versionId)
    {
        if (!await LoadAllAsync(roadmapId))
        {
            return NotFound();
        }

        var result = await versions.RecordDecisionAsync(roadmapId, versionId,
            new DecisionDraft(Decision.Outcome, Decision.DecidedOn, Decision.CaseReference, Decision.Changes), Decision.ConcurrencyStamp, Actor);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = this.Localized("Vedtaket i {0} er registrert.", Portal.Council!.Name);
            return LocalRedirect($"{BasePath}/versjoner");
        }

        if (result.IsStale)
        {
            Decisions = await Queries.DecisionsAsync(roadmapId);
            Decision.ConcurrencyStamp = OwnDecision(versionId)?.ConcurrencyStamp;
            this.OfferOverwrite(this.Localized("vedtaket"));
            return Page();
        }

        result.Errors.AddTo(ModelState, nameof(Decision));
        return Page();
    }

    private async Task<bool> LoadAllAsync(Guid roadmapId)
    {
        if (!await LoadAsync(roadmapId))
        {
            return false;
        }

        Versions = await Queries.VersionsAsync(roadmapId);
        Decisions = await Queries.DecisionsAsync(roadmapId);
        return true;
    }

    public sealed class FreezeInput
    {
        public string? Label { get; set; }

        public DateOnly? DecisionWanted { get; set; }
    }

    public sealed class DecisionInput
    {
        public AdoptionOutcome? Outcome { get; set; }

        public DateOnly? DecidedOn { get; set; }

        public string? CaseReference { get; set; }

        public string? Changes { get; set; }

        public string? ConcurrencyStamp { get; set; }

        public static DecisionInput From(AdoptionDecision decision) => new()
        {
            Outcome = decision.Outcome,
            DecidedOn = decision.DecidedOn,
            CaseReference = decision.CaseReference,
            Changes = decision.Changes,
            ConcurrencyStamp = decision.ConcurrencyStamp,
        };
    }
}
