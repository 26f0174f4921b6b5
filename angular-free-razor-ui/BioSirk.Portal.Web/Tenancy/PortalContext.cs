using BioSirk.Portal.Platform.Contracts;

namespace BioSirk.Portal.Web.Tenancy;

/// <summary>
/// Per request: who is signed in, what she may enter, and which council or county this URL is about.
/// Filled by <see cref="TenantResolutionMiddleware"/>; read by the layout and the pages.
/// </summary>
public sealed class PortalContext
{
    public UserAccess? Access { get; set; }

    public CouncilAccess? Council { get; set; }

    public CountyAccess? County { get; set; }

    /// <summary>The partnerships of the current council (its joint roadmap and meetings); empty elsewhere.</summary>
    public IReadOnlyList<PartnershipInfo> Partnerships { get; set; } = [];

    public bool IsHostAdmin => Access?.IsHostAdmin == true;

    public bool IsIn(CouncilRoles role) => Council?.Has(role) == true;

    public Guid CouncilId => Council?.Id ?? throw new InvalidOperationException("This page is not inside a council.");

    public Guid CountyId => County?.Id ?? throw new InvalidOperationException("This page is not inside a county.");

    /// <summary>The URL prefix of the current council or county: "/rad/hallingdal" or "/fylke/buskerud".</summary>
    public string Prefix => Council is not null ? "/rad/" + Council.Slug : County is not null ? "/fylke/" + County.Slug : "";
}
