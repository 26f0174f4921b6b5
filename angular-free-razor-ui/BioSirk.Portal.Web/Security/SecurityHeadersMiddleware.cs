namespace BioSirk.Portal.Web.Security;

/// <summary>
/// Security headers on every response. The CSP allows no inline script; only the Hangfire dashboard (/jobs),
/// which ships inline script of its own and is for host admins only, gets a looser policy. The sign-in page's form
/// "Logg inn med Microsoft" may lead to Microsoft's sign-in page (the browser applies form-action to the redirect too).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, EntraSignInOptions entra)
{
    private const string StrictPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private const string DashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private readonly string signInPagePolicy = entra.SignInOrigin is { } microsoft
        ? StrictPolicy.Replace("form-action 'self'", $"form-action 'self' {microsoft}", StringComparison.Ordinal)
        : StrictPolicy;

    public Task InvokeAsync(HttpContext http)
    {
        // Read now: by the time the response starts, the dashboard's branch (app.Map("/jobs")) has moved "/jobs" from
        // Path to PathBase, and the dashboard would get the strict policy that blocks its inline script.
        var isDashboard = http.Request.Path.StartsWithSegments("/jobs", StringComparison.OrdinalIgnoreCase);
        var isSignInPage = http.Request.Path.Equals("/logg-inn", StringComparison.OrdinalIgnoreCase);
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = isDashboard ? DashboardPolicy : isSignInPage ? signInPagePolicy : StrictPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
