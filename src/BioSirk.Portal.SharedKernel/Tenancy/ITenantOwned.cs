namespace BioSirk.Portal.SharedKernel.Tenancy;

/// <summary>A row that belongs to one regional council. The tenant filter hides it from every other council.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}

/// <summary>
/// A tenant-owned row that a county funds (an agreement and everything under it). Officers of that county see it
/// across councils, which is the only exception to the tenant filter.
/// </summary>
public interface ICountyFunded : ITenantOwned
{
    Guid FunderCountyId { get; }
}

/// <summary>
/// A row shared by the councils of a partnership (the joint roadmap). Visible to every council of the partnership;
/// <see cref="Guid.Empty"/> means "not shared" on rows that are also <see cref="ITenantOwned"/>.
/// </summary>
public interface IPartnershipShared
{
    Guid PartnershipId { get; }
}
