using BioSirk.Portal.Indicators.Features;
using BioSirk.Portal.Web.Pages.Shared.Indicators;
using BioSirk.Portal.Web.Tenancy;

namespace BioSirk.Portal.Web.Pages.Council.Indicators;

public sealed class CouncilIndicatorModel(IndicatorQueries queries, PortalContext portal, TimeProvider clock)
    : IndicatorDetailsPageModel(queries, portal, clock);
