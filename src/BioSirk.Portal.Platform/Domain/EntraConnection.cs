using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Platform.Domain;

public enum EntraOwnerKind
{
    Council = 1,
    County = 2,
}

/// <summary>
/// A council's or county's own Microsoft Entra tenant, connected by its admin: people signing in with Microsoft and
/// daemon clients of that Entra tenant (its <c>tid</c>) belong to this council or county, and to no other. One Entra
/// tenant serves one council or county; its people must have an e-mail address in one of the allowed domains.
/// A council's admin proposes the tenant and the domains; they count only once the host admin has approved them,
/// because whoever controls a domain's addresses in the portal can sign in as the people who have them.
/// </summary>
public sealed class EntraConnection : IAudited, IConcurrencyAware
{
    public const int MaxDomains = 20;

    private EntraConnection()
    {
    }

    private EntraConnection(EntraOwnerKind ownerKind, Guid ownerId)
    {
        OwnerKind = ownerKind;
        OwnerId = ownerId;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public EntraOwnerKind OwnerKind { get; private set; }

    /// <summary>The council's tenant id or the county's id.</summary>
    public Guid OwnerId { get; private set; }

    /// <summary>The Entra tenant id (the <c>tid</c> claim of its tokens).</summary>
    public Guid EntraTenantId { get; private set; }

    /// <summary>Lower-case domains, separated by a space: "hallingdal.no gol.kommune.no".</summary>
    public string AllowedDomains { get; private set; } = string.Empty;

    /// <summary>The Entra tenant the host admin approved; sign-in works only while it is still <see cref="EntraTenantId"/>.</summary>
    public Guid? ApprovedEntraTenantId { get; private set; }

    /// <summary>The domains the host admin approved, separated by a space, as <see cref="AllowedDomains"/>.</summary>
    public string ApprovedDomains { get; private set; } = string.Empty;

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public IReadOnlyList<string> Domains => Split(AllowedDomains);

    /// <summary>The domains people may sign in from now: those asked for that the host admin has approved.</summary>
    public IReadOnlyList<string> ActiveDomains =>
        ApprovedEntraTenantId == EntraTenantId ? Domains.Intersect(Split(ApprovedDomains)).ToList() : [];

    /// <summary>The Entra tenant or domains asked for that the host admin has not approved yet.</summary>
    public bool AwaitsApproval => ApprovedEntraTenantId != EntraTenantId || Domains.Except(Split(ApprovedDomains)).Any();

    /// <summary>The domains asked for that wait for the host admin (all of them when the Entra tenant is new).</summary>
    public IReadOnlyList<string> PendingDomains =>
        ApprovedEntraTenantId == EntraTenantId ? Domains.Except(Split(ApprovedDomains)).ToList() : Domains;

    public static EntraConnection ForCouncil(Guid tenantId) => new(EntraOwnerKind.Council, tenantId);

    public static EntraConnection ForCounty(Guid countyId) => new(EntraOwnerKind.County, countyId);

    /// <summary>Sets the Entra tenant and the domains, as typed ("hallingdal.no, gol.kommune.no").</summary>
    public Result Set(string? entraTenantId, string? domains)
    {
        var errors = new Errors();
        var parsed = ParseDomains(domains);
        errors.When(!Guid.TryParse(entraTenantId?.Trim(), out var tid) || tid == Guid.Empty, nameof(EntraTenantId),
            "Skriv Entra-leietakerens ID (tenant ID), en GUID som 72f988bf-86f1-41af-91ab-2d7cd011db47. Du finner den i Entra-portalen under «Oversikt».");
        errors.When(parsed.Count == 0, nameof(AllowedDomains), "Skriv minst ett e-postdomene, for eksempel hallingdal.no.");
        errors.When(parsed.Count > MaxDomains, nameof(AllowedDomains), $"Du kan oppgi høyst {MaxDomains} domener.");
        foreach (var bad in parsed.Where(d => !IsDomain(d)))
        {
            errors.Add(nameof(AllowedDomains), $"«{bad}» er ikke et e-postdomene. Skriv bare domenet, for eksempel hallingdal.no (uten @).");
        }

        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        EntraTenantId = tid;
        AllowedDomains = string.Join(' ', parsed);
        return Result.Ok();
    }

    /// <summary>The host admin approves the Entra tenant and the domains as they are asked for now.</summary>
    public void Approve()
    {
        ApprovedEntraTenantId = EntraTenantId;
        ApprovedDomains = AllowedDomains;
    }

    /// <summary>
    /// The host admin turns down what waits: the connection goes back to what was approved before.
    /// </summary>
    /// <returns>false when nothing was ever approved, so the connection should be removed.</returns>
    public bool RejectPending()
    {
        if (ApprovedEntraTenantId is not { } approved)
        {
            return false;
        }

        EntraTenantId = approved;
        AllowedDomains = string.Join(' ', Domains.Intersect(Split(ApprovedDomains)));
        return AllowedDomains.Length > 0;
    }

    private static IReadOnlyList<string> Split(string domains) => domains.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static List<string> ParseDomains(string? domains) =>
        (domains ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
        .Select(d => d.Trim().TrimStart('@').ToLowerInvariant())
        .Distinct()
        .ToList();

    private static bool IsDomain(string domain) =>
        domain.Length <= 253 && domain.Contains('.') && Uri.CheckHostName(domain) == UriHostNameType.Dns
        && domain.Split('.').All(label => label.Length is > 0 and <= 63);
}
