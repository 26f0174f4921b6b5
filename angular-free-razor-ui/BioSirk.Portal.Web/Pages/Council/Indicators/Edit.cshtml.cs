using BioSirk.Portal.Indicators.Domain;
using BioSirk.Portal.Indicators.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Pages.Shared;
using BioSirk.Portal.Web.Pages.Shared.Indicators;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Council.Indicators;

/// <summary>
/// The owner council's secretary edits the definition. Others who see the indicator get 403 (another council's id:
/// 404, from the filter). The concurrency stamp from the form catches a colleague's save in between. A locked indicator
/// (its agreement's final report approved) is not edited: 409 with the reason, and what a form sent anyway held.
/// </summary>
public sealed class EditIndicatorModel(PortalContext portal, IndicatorStore store, IPlatformDirectory directory, EditIndicator edit, IndicatorLock locks)
    : PageModel
{
    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    [BindProperty]
    public string? ConcurrencyStamp { get; set; }

    public Indicator Indicator { get; private set; } = null!;

    public IReadOnlyList<PersonInfo> People { get; private set; } = [];

    /// <summary>Why the indicator cannot be changed now (its agreement's final report lies with the county, or is approved): the page says so instead of the form.</summary>
    public string? LockedBecause { get; private set; }

    public bool IsLocked => LockedBecause is not null;

    /// <summary>What a form sent to a locked indicator held: shown to copy, as it was not saved.</summary>
    public IReadOnlyList<(string Label, string Text)> Unsent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid indicatorId)
    {
        if (await Load(indicatorId) is { } refused)
        {
            return refused;
        }

        if (IsLocked)
        {
            return Locked();
        }

        Input = IndicatorInput.From(Indicator.ToDefinition());
        ConcurrencyStamp = Indicator.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid indicatorId)
    {
        if (await Load(indicatorId) is { } refused)
        {
            return refused;
        }

        if (IsLocked)
        {
            Unsent = Input.TypedTexts(); // a form left open in a tab while the county approved the report
            return Locked();
        }

        ModelState.ClearAllButUnreadable(); // a date the binder refused keeps its message and what was typed
        var parseErrors = new List<FieldError>();
        var definition = Input.ToDefinition(parseErrors, People);
        var result = parseErrors.Count == 0 ? await edit.HandleAsync(new EditIndicatorCommand(indicatorId, definition, ConcurrencyStamp ?? "")) : null;
        if (result is { Succeeded: true })
        {
            TempData["Message"] = "Endringene er lagret.";
            return LocalRedirect($"{portal.Prefix}/indikatorer/{indicatorId}");
        }

        if (result is { IsStale: true })
        {
            ConcurrencyStamp = await store.Db.CurrentStampAsync<Indicator>(indicatorId);
            this.OfferOverwrite(this.Localized("indikatoren"));
            return Page();
        }

        parseErrors.AddTo(result?.Errors ?? IndicatorRules.Validate(definition), ModelState, "Input");
        return Page();
    }

    private async Task<IActionResult?> Load(Guid indicatorId)
    {
        if (await store.FindAsync(indicatorId) is not { } indicator)
        {
            return NotFound();
        }

        if (!IndicatorAccess.CanEdit(indicator, portal.Council?.Id, portal.IsIn(CouncilRoles.Secretary)))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Indicator = indicator;
        LockedBecause = await locks.LockedBecauseAsync(indicator, HttpContext.RequestAborted);
        People = await ResponsiblePeople.ForAsync(directory, portal, indicator.TenantId, indicator.PartnershipId);
        return null;
    }

    private PageResult Locked()
    {
        ModelState.Clear();
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
