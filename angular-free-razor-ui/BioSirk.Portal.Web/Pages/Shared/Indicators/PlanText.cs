using BioSirk.Portal.Indicators.Contracts;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Pages.Shared.Indicators;

/// <summary>
/// The plan an indicator belongs to, as a page names it. The council's own plan is stored as «Handlingsplan for
/// {council}» (bokmål, for e-mails and the audit log); only that council sees it, so the page says «Rådets
/// handlingsplan» in the reader's language instead of repeating the council's name in bokmål.
/// </summary>
public static class PlanText
{
    /// <summary>The plan's title, or for the council's own plan its kind.</summary>
    public static string Of(PlanKind kind, string title, IStringLocalizer texts) =>
        kind == PlanKind.Council ? texts[IndicatorTexts.Plan(kind)] : title;

    /// <summary>The kind and the title («Avtale: Missionssatsingen …»); the council's own plan by its kind alone.</summary>
    public static string WithKind(PlanKind kind, string title, IStringLocalizer texts) =>
        kind == PlanKind.Council ? texts[IndicatorTexts.Plan(kind)] : $"{texts[IndicatorTexts.Plan(kind)]}: {title}";
}
