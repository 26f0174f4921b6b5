using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Indicators.Domain;
using BioSirk.Portal.Indicators.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Pages.Shared.Indicators;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Council.Indicators;

/// <summary>
/// A secretary defines an indicator for the council's own plan (?plan=Council) or for one of its agreements
/// (?plan=Agreement&amp;planId=…; the agreement must be visible in the council, and its county becomes the indicator's
/// funder), or for a goal of its partnership's roadmap (?plan=RoadmapGoal&amp;planId=…; shared with the partnership's councils).
/// </summary>
[RequireCouncilRole(CouncilRoles.Secretary)]
public sealed class NewIndicatorModel(PortalContext portal, IPlatformDirectory directory, AgreementStore agreements, RoadmapQueries roadmaps,
    DefineIndicator define, IndicatorLock locks) : PageModel
{
    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    public PlanRef Plan { get; private set; } = null!;

    public IReadOnlyList<PersonInfo> People { get; private set; } = [];

    /// <summary>Why no indicator is added to the agreement now (its final report lies with the county, or is approved); null when one may be.</summary>
    public string? ClosedBecause { get; private set; }

    public bool PlanIsClosed => ClosedBecause is not null;

    /// <summary>What a form left open in a tab held when it was sent to a closed plan: shown to copy, as it was not saved.</summary>
    public IReadOnlyList<(string Label, string Text)> Unsent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(PlanKind? plan, Guid? planId)
    {
        if (!await Load(plan, planId))
        {
            return NotFound();
        }

        if (PlanIsClosed)
        {
            return Closed();
        }

        Input.Direction = Direction.HigherIsBetter;
        Input.Frequency = ReportingFrequency.Quarterly;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(PlanKind? plan, Guid? planId)
    {
        if (!await Load(plan, planId))
        {
            return NotFound();
        }

        if (PlanIsClosed)
        {
            // A form left open in a tab while the county approved the report.
            Unsent = Input.TypedTexts();
            return Closed();
        }

        ModelState.ClearAllButUnreadable(); // a date the binder refused keeps its message and what was typed
        var parseErrors = new List<FieldError>();
        var definition = Input.ToDefinition(parseErrors, People);
        var result = parseErrors.Count == 0 ? await define.HandleAsync(new DefineIndicatorCommand(Plan, definition)) : null;
        if (result is { Succeeded: true })
        {
            TempData["Message"] = "Indikatoren er opprettet. Registrer målinger etter hvert som tallene kommer.";
            return LocalRedirect($"{portal.Prefix}/indikatorer/{result.Value}");
        }

        parseErrors.AddTo(result?.Errors ?? IndicatorRules.Validate(definition), ModelState, "Input");
        return Page();
    }

    /// <summary>The plan from the query: the council's own unless an agreement is named. An agreement not visible here is 404.</summary>
    private async Task<bool> Load(PlanKind? plan, Guid? planId)
    {
        var council = portal.Council!;
        var kind = plan ?? (planId is null ? PlanKind.Council : PlanKind.Agreement);
        switch (kind)
        {
            case PlanKind.Council when planId is null || planId == council.Id:
                Plan = new PlanRef(PlanKind.Council, council.Id, $"Handlingsplan for {council.Name}", council.Id, Guid.Empty, Guid.Empty);
                break;
            case PlanKind.Agreement when planId is { } agreementId && await agreements.FindAsync(agreementId) is { } agreement && agreement.TenantId == council.Id:
                Plan = new PlanRef(PlanKind.Agreement, agreement.Id, agreement.Title, council.Id, agreement.FunderCountyId, Guid.Empty);
                ClosedBecause = await locks.NoNewIndicatorBecauseAsync(PlanKind.Agreement, agreement.Id, HttpContext.RequestAborted);
                break;
            case PlanKind.RoadmapGoal when planId is { } goalId && await roadmaps.GoalAsync(goalId) is { } goal:
                Plan = new PlanRef(PlanKind.RoadmapGoal, goal.Id, goal.Title, council.Id, Guid.Empty, goal.PartnershipId);
                break;
            default:
                return false;
        }

        People = await ResponsiblePeople.ForAsync(directory, portal, council.Id, Plan.PartnershipId);
        return true;
    }

    private PageResult Closed()
    {
        ModelState.Clear();
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
