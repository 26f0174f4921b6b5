using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BioSirk.Portal.Web.Security;

/// <summary>
/// A sign-in ends after a time without use (WCAG 2.2.1): every page tells its script how long the sign-in surely lasts,
/// the script warns two minutes before and one click on «Fortsett å være logget inn» extends it (<see cref="KeepAlivePath"/>).
/// </summary>
public sealed class SessionTimeout(IOptionsMonitor<CookieAuthenticationOptions> cookies, IOptions<SecurityStampValidatorOptions> stamps)
{
    public const string KeepAlivePath = "/hold-meg-innlogget";

    /// <summary>
    /// How long a sign-in lasts at least after any request. Its cookie is renewed for the whole span when the security
    /// stamp is checked again (at most one interval after the last renewal) and, sliding, when half the span has gone;
    /// so after any request no more than the shorter of the two has been used.
    /// </summary>
    public TimeSpan SurelyLastsAfterARequest
    {
        get
        {
            var span = cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan;
            var usedAtMost = TimeSpan.FromTicks(Math.Min(stamps.Value.ValidationInterval.Ticks, span.Ticks / 2));
            return span - usedAtMost;
        }
    }

    /// <summary>Any authenticated request renews the sign-in; this one does nothing else. 401 when it has ended.</summary>
    public static void MapKeepAlive(WebApplication app) =>
        app.MapGet(KeepAlivePath, (HttpContext context) =>
                context.User.Identity?.IsAuthenticated == true ? Results.NoContent() : Results.Unauthorized())
            .AllowAnonymous();
}
