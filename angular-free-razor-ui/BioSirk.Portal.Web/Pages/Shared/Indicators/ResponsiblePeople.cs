using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Web.Tenancy;

namespace BioSirk.Portal.Web.Pages.Shared.Indicators;

/// <summary>
/// Who may be responsible for reporting an indicator, offered in its form and checked when it is saved: the people of
/// the owner council, or for a roadmap goal's indicator the people of every council in the partnership (they all see it).
/// </summary>
public static class ResponsiblePeople
{
    public static async Task<IReadOnlyList<PersonInfo>> ForAsync(IPlatformDirectory directory, PortalContext portal, Guid ownerCouncilId, Guid partnershipId)
    {
        var councils = portal.Partnerships.FirstOrDefault(p => p.Id == partnershipId)?.Councils.Select(c => c.Id).ToList() ?? [ownerCouncilId];
        return (await directory.ListPeopleAsync(councils)).DistinctBy(p => p.UserId).ToList(); // one who is in two of the councils, once
    }
}
