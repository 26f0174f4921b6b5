using Microsoft.AspNetCore.Identity;

namespace BioSirk.Portal.Platform.Domain;

/// <summary>A person. Global, not tenant-owned: one person may belong to several councils and counties.</summary>
public sealed class PortalUser : IdentityUser<Guid>
{
    public PortalUser() => Id = Guid.NewGuid();

    public string FullName { get; set; } = string.Empty;

    public bool IsHostAdmin { get; set; }

    /// <summary>Preferred UI language: "nb" or "en".</summary>
    public string Language { get; set; } = "nb";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Notices are also e-mailed (the default); without it she finds them under Varsler only.</summary>
    public bool EmailsNotices { get; set; } = true;
}
