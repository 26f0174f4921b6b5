using BioSirk.Portal.SharedKernel.Formatting;

namespace BioSirk.Portal.Platform.Contracts;

/// <summary>
/// What a person may enter: the councils (with roles), the counties and the host side; and how many of her notices are
/// unread (the header shows it on every page, so it is read in the same database round trip).
/// </summary>
public sealed record UserAccess(
    Guid UserId,
    bool IsHostAdmin,
    IReadOnlyList<CouncilAccess> Councils,
    IReadOnlyList<CountyAccess> Counties,
    int UnreadNotifications = 0)
{
    public CouncilAccess? Council(string slug) =>
        Councils.FirstOrDefault(c => string.Equals(c.Slug, slug, StringComparison.OrdinalIgnoreCase));

    public CountyAccess? County(string slug) =>
        Counties.FirstOrDefault(c => string.Equals(c.Slug, slug, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A council she may enter, with her roles; <paramref name="InPartnership"/>: the council belongs to a partnership.</summary>
public sealed record CouncilAccess(Guid Id, string Slug, string Name, CouncilRoles Roles, bool InPartnership = true)
{
    public bool Has(CouncilRoles role) => (Roles & role) == role;
}

public sealed record CountyAccess(Guid Id, string Slug, string Name);

/// <summary>The council roles as other modules see them (mirrors Platform's own TenantRoles).</summary>
[Flags]
public enum CouncilRoles
{
    None = 0,
    Member = 1,
    Secretary = 2,
    TenantAdmin = 4,
}

/// <summary>A council, with the contact its agreements name unless a draft says otherwise.</summary>
public sealed record CouncilInfo(Guid Id, string Slug, string Name, string? OrganisationNumber, Guid? CountyId, string? ContactName, string? ContactEmail);

/// <param name="InvoiceOrderNumber">The order and project numbers the county's invoices carry: prefilled in its new agreements.</param>
/// <param name="HasActiveOfficer">Someone can act (and sign) for the county in the portal.</param>
public sealed record CountyInfo(
    Guid Id, string Slug, string Name, string? OrganisationNumber, string? ContactName, string? ContactEmail,
    string? InvoiceOrderNumber = null, string? InvoiceProjectNumber = null, bool HasActiveOfficer = false);

/// <summary>A partnership and its member councils (by name order).</summary>
public sealed record PartnershipInfo(Guid Id, string Slug, string Name, IReadOnlyList<CouncilInfo> Councils)
{
    public bool Includes(Guid councilId) => Councils.Any(c => c.Id == councilId);

    public string CouncilName(Guid councilId) => Councils.FirstOrDefault(c => c.Id == councilId)?.Name ?? "";
}

/// <summary>An active person of a council, for choosing a responsible person.</summary>
public sealed record PersonInfo(Guid UserId, string FullName, string Email, Guid CouncilId, CouncilRoles Roles);

/// <summary>Read-only directory of the platform, for other modules: names of councils, counties, people.</summary>
public interface IPlatformDirectory
{
    Task<UserAccess> GetAccessAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>The councils this person is an active member of that the host has closed, by name.</summary>
    Task<IReadOnlyList<string>> ListClosedCouncilsOfAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>The councils whose admin has deactivated this person's membership (not those still awaiting approval), by name.</summary>
    Task<IReadOnlyList<string>> ListDeactivatedCouncilsOfAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>The council's name when its admin has deactivated the person there (an open council); otherwise null.</summary>
    Task<string?> DeactivatedCouncilNameAsync(Guid userId, string councilSlug, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CouncilInfo>> ListCouncilsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CouncilInfo>> ListCouncilsInCountyAsync(Guid countyId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CountyInfo>> ListCountiesAsync(CancellationToken cancellationToken = default);

    /// <summary>The partnerships a council belongs to (none for most councils).</summary>
    Task<IReadOnlyList<PartnershipInfo>> ListPartnershipsOfCouncilAsync(Guid councilId, CancellationToken cancellationToken = default);

    /// <summary>The active people of the given councils, across tenants (partnership pages list them together).</summary>
    Task<IReadOnlyList<PersonInfo>> ListPeopleAsync(IEnumerable<Guid> councilIds, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<Guid, string>> GetUserNamesAsync(IEnumerable<Guid> userIds, CancellationToken cancellationToken = default);
}

/// <summary>The council or county that connected an Entra tenant, and the e-mail domains its people must have.</summary>
/// <param name="AllowedDomains">The domains the host admin has approved for this Entra tenant.</param>
public sealed record EntraOwner(Guid EntraTenantId, bool IsCounty, Guid Id, string Slug, string Name, IReadOnlyList<string> AllowedDomains)
{
    /// <summary>Whether an e-mail address is in one of the allowed domains (exactly, not a subdomain).</summary>
    public bool Allows(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        return at > 0 && AllowedDomains.Contains(email![(at + 1)..].Trim().ToLowerInvariant());
    }
}

/// <summary>Which council or county an Entra tenant (<c>tid</c>) belongs to; null when none has connected it.</summary>
public interface IEntraDirectory
{
    Task<EntraOwner?> FindAsync(Guid entraTenantId, CancellationToken cancellationToken = default);
}

/// <summary>Sends an e-mail; through SMTP when configured, otherwise into a pickup folder.</summary>
public interface IEmailSender
{
    Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default);
}

/// <summary>A stored file: its id is its name on disk, outside the web root.</summary>
public sealed record StoredFile(Guid FileId, string FileName, string ContentType, long Size, string Sha256);

/// <summary>
/// Attachments and generated documents. Files are stored under an id, never under the user's file name, and are
/// served only by pages that first check that the person may see what the file belongs to.
/// </summary>
public interface IFileStore
{
    Task<StoredFile> SaveAsync(Stream content, string fileName, string contentType, CancellationToken cancellationToken = default);

    Task<Stream?> OpenAsync(Guid fileId, CancellationToken cancellationToken = default);

    /// <summary>Removes the file for good (nothing happens when it is not there); call it after the row that pointed to it is gone.</summary>
    Task DeleteAsync(Guid fileId, CancellationToken cancellationToken = default);
}

/// <summary>
/// A message to the people who hold a role: in the portal (the bell in the header) and by e-mail. The e-mail is in
/// bokmål; under «Varsler» the text is shown in the reader's language.
/// </summary>
public sealed record NoticeMessage(string Subject, Phrase Text, string? Url);

/// <summary>
/// Notifies people by their role in a council or county; every module uses it for reminders and decisions. It throws
/// only when the notices were not stored: once they are, an e-mail that fails is left to the delivery job.
/// </summary>
public interface INotifier
{
    Task NotifyCouncilAsync(Guid councilId, CouncilRoles role, NoticeMessage message, CancellationToken cancellationToken = default);

    Task NotifyCountyAsync(Guid countyId, NoticeMessage message, CancellationToken cancellationToken = default);

    Task NotifyPersonAsync(Guid userId, NoticeMessage message, CancellationToken cancellationToken = default);
}
