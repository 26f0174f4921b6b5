using BioSirk.Portal.Indicators.Features;
using BioSirk.Portal.Web.Pages.Shared.Indicators;
using BioSirk.Portal.Web.Tenancy;

namespace BioSirk.Portal.Web.Pages.County.Indicators;

/// <summary>The funding county reads the indicators of its agreements; it registers nothing (no forms, and a POST answers 403).</summary>
public sealed class CountyIndicatorModel(IndicatorQueries queries, PortalContext portal, TimeProvider clock)
    : IndicatorDetailsPageModel(queries, portal, clock);
