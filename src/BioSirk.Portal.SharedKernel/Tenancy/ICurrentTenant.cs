namespace BioSirk.Portal.SharedKernel.Tenancy;

/// <summary>
/// Who the current request or job acts for: a council (tenant), a county, or neither (host pages, anonymous).
/// Set by the web host from the URL, and explicitly by background jobs through <see cref="Use"/>.
/// </summary>
public interface ICurrentTenant
{
    Guid? TenantId { get; }

    Guid? CountyId { get; }

    /// <summary>The partnerships of the current council: their shared rows (the roadmap) are visible too.</summary>
    IReadOnlyList<Guid> PartnershipIds { get; }

    /// <summary>Acts for the given council or county until the returned scope is disposed.</summary>
    IDisposable Use(TenantScope scope);
}

public sealed record TenantScope(Guid? TenantId, Guid? CountyId)
{
    public static TenantScope None { get; } = new(null, null);

    public IReadOnlyList<Guid> PartnershipIds { get; init; } = [];

    public static TenantScope ForTenant(Guid tenantId, IReadOnlyList<Guid>? partnershipIds = null) =>
        new(tenantId, null) { PartnershipIds = partnershipIds ?? [] };

    public static TenantScope ForCounty(Guid countyId) => new(null, countyId);
}

/// <summary>Keeps the scope in an AsyncLocal so that it flows down the request pipeline and through awaits in jobs.</summary>
public sealed class AsyncLocalCurrentTenant : ICurrentTenant
{
    private static readonly AsyncLocal<TenantScope?> Current = new();

    public Guid? TenantId => Current.Value?.TenantId;

    public Guid? CountyId => Current.Value?.CountyId;

    public IReadOnlyList<Guid> PartnershipIds => Current.Value?.PartnershipIds ?? [];

    public IDisposable Use(TenantScope scope)
    {
        var previous = Current.Value;
        Current.Value = scope;
        return new Restore(previous);
    }

    private sealed class Restore(TenantScope? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
