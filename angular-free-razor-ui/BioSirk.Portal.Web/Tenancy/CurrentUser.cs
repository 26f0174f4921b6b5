using System.Security.Claims;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Web.Tenancy;

public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string FullNameClaim = "full_name";

    public Guid? UserId => accessor.HttpContext is { } http ? IdOf(http.User) : null;

    public string? DisplayName => accessor.HttpContext?.User.FindFirstValue(FullNameClaim)
                                 ?? accessor.HttpContext?.User.Identity?.Name;

    public static Guid? IdOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : null;
}
