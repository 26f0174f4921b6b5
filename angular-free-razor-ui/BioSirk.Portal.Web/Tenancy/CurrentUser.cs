using System.Security.Claims;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Web.Tenancy;

public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string FullNameClaim = "full_name";

    // A hub call has no request of its own (long polling in particular): the hub filter sets the connection's user
    // here for the call, so that the audit log names who posted through the hub.
    private static readonly AsyncLocal<ClaimsPrincipal?> HubCaller = new();

    public Guid? UserId => User is { } user ? IdOf(user) : null;

    public string? DisplayName => User?.FindFirstValue(FullNameClaim) ?? User?.Identity?.Name;

    private ClaimsPrincipal? User => HubCaller.Value ?? accessor.HttpContext?.User;

    public static Guid? IdOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : null;

    /// <summary>The user of a hub call, for as long as the call runs (an AsyncLocal: set it in the method that awaits the call).</summary>
    public static IDisposable ForHubCall(ClaimsPrincipal? user)
    {
        var previous = HubCaller.Value;
        HubCaller.Value = user;
        return new Restore(previous);
    }

    private sealed class Restore(ClaimsPrincipal? previous) : IDisposable
    {
        public void Dispose() => HubCaller.Value = previous;
    }
}
