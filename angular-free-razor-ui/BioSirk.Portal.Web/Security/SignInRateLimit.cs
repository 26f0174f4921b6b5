using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace BioSirk.Portal.Web.Security;

/// <summary>
/// Limits how often one network address may try a password or ask for a reset link: enough for a town hall where a
/// whole council signs in before a meeting, too few to try passwords across many accounts or to flood someone's
/// inbox. The lockout per account (Identity's) stays as it is.
/// </summary>
public static class SignInRateLimit
{
    private static readonly string[] Paths = ["/logg-inn", "/logg-inn/microsoft", "/glemt-passord"];

    /// <summary>Whether the request is an attempt the limit counts: a form sent to one of the sign-in pages.</summary>
    public static bool Counts(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && Paths.Any(path => http.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase));

    public static WebApplicationBuilder AddSignInRateLimit(this WebApplicationBuilder builder)
    {
        var permits = builder.Configuration.GetValue("Security:SignInAttemptsPerMinute", 60);
        builder.Services.Configure<RateLimiterOptions>(o => o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            Counts(http)
                ? RateLimitPartition.GetFixedWindowLimiter($"sign-in from {http.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("not counted"))); // partitions are kept by key: the keys must differ
        return builder;
    }
}
