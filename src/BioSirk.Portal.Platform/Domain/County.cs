using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;

namespace BioSirk.Portal.Platform.Domain;

/// <summary>A county (fylkeskommune): a funder on the host side, whose officers see the agreements it is party to.</summary>
public sealed class County : IAudited, IConcurrencyAware
{
    private County()
    {
    }

    public County(string slug, string name, string? organisationNumber)
    {
        Slug = slug;
        Name = name;
        OrganisationNumber = organisationNumber;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public string Slug { get; private set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? OrganisationNumber { get; set; }

    /// <summary>The county's contact person for agreements, filled in when a council drafts one with this county.</summary>
    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>The order number (bestillernummer) the county's invoices must carry, filled in when an agreement with it is drafted.</summary>
    public string? InvoiceOrderNumber { get; set; }

    /// <summary>The project number (prosjektnummer) the county's invoices must carry, filled in when an agreement with it is drafted.</summary>
    public string? InvoiceProjectNumber { get; set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}
