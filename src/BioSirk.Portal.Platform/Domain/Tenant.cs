using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;

namespace BioSirk.Portal.Platform.Domain;

/// <summary>A regional council (interkommunalt politisk råd). Its slug is the council's part of every URL.</summary>
public sealed class Tenant : IAudited, IConcurrencyAware
{
    private Tenant()
    {
    }

    public Tenant(string slug, string name, string? organisationNumber, Guid? countyId)
    {
        Slug = slug;
        Name = name;
        OrganisationNumber = organisationNumber;
        CountyId = countyId;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public string Slug { get; private set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? OrganisationNumber { get; set; }

    /// <summary>Who the council's agreements name as its contact unless a draft says otherwise (the tenant admin sets it).</summary>
    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>The county (fylkeskommune) the council lies in.</summary>
    public Guid? CountyId { get; set; }

    public bool IsActive { get; set; } = true;

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}
