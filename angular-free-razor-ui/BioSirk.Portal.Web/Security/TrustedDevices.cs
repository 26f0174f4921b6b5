using System.Globalization;
using BioSirk.Portal.Platform.Domain;
using Microsoft.AspNetCore.DataProtection;

namespace BioSirk.Portal.Web.Security;

/// <summary>
/// A browser where a person has signed in with her password before. Five wrong passwords lock an account, and anyone
/// who knows the address can type them; so the lock holds for every other browser, while hers still lets her in with
/// the right password. One wrong password there while the account is locked, and the browser is trusted no longer, so
/// it gives a stranger at her desk one guess, not more. The cookie is protected (the user id inside cannot be changed)
/// and holds her security stamp too, so «Logg ut overalt» and a new password end the trust of every browser.
/// </summary>
public sealed class TrustedDevices(IDataProtectionProvider protection, IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
{
    public const string CookieName = "biosirk.device";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("BioSirk.TrustedDevice").ToTimeLimitedDataProtector();

    public bool IsTrusted(HttpRequest request, PortalUser user)
    {
        if (request.Cookies[CookieName] is not { Length: > 0 } value)
        {
            return false;
        }

        try
        {
            return protector.Unprotect(value, out var expires) == Payload(user) && expires > clock.GetUtcNow();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false; // another portal's key, a key ring renewed, or a changed cookie: not trusted
        }
    }

    public void Trust(HttpResponse response, PortalUser user) =>
        response.Cookies.Append(CookieName, protector.Protect(Payload(user), clock.GetUtcNow() + Lifetime),
            new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = SecuritySetup.HttpsOnlyCookies(configuration, environment) || response.HttpContext.Request.IsHttps,
                MaxAge = Lifetime,
            });

    public void Forget(HttpResponse response) => response.Cookies.Delete(CookieName);

    private static string Payload(PortalUser user) => $"{user.Id.ToString("N", CultureInfo.InvariantCulture)}:{user.SecurityStamp}";
}
