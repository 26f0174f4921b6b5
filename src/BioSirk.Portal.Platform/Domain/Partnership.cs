using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;

namespace BioSirk.Portal.Platform.Domain;

/// <summary>A shared space of several councils (BioSirk): it owns the joint roadmap and joint meetings.</summary>
public sealed class Partnership : IAudited, IConcurrencyAware
{
    private readonly List<PartnershipMember> members = [];

    private Partnership()
    {
    }

    public Partnership(string slug, string name, string? description)
    {
        Slug = slug;
        Name = name;
        Description = description;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public string Slug { get; private set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public IReadOnlyList<PartnershipMember> Members => members;

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public void AddMember(Guid tenantId)
    {
        if (members.All(m => m.TenantId != tenantId))
        {
            members.Add(new PartnershipMember(Id, tenantId));
        }
    }

    /// <summary>The councils in the partnership from now on: those not listed leave, the new ones join.</summary>
    public void SetMembers(IEnumerable<Guid> tenantIds)
    {
        var wanted = tenantIds.ToHashSet();
        members.RemoveAll(m => !wanted.Contains(m.TenantId));
        foreach (var tenantId in wanted)
        {
            AddMember(tenantId);
        }
    }
}

public sealed class PartnershipMember(Guid partnershipId, Guid tenantId) : IAudited
{
    public Guid PartnershipId { get; private set; } = partnershipId;

    public Guid TenantId { get; private set; } = tenantId;
}
