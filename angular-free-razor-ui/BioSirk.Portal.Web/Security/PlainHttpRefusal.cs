namespace BioSirk.Portal.Web.Security;

/// <summary>
/// With secure-only cookies (everywhere but in development), a page over plain HTTP cannot set its sign-in or
/// antiforgery cookie, and ASP.NET Core answers with a bare 500 (the error page has a form too). This says what is
/// wrong instead: open the portal over HTTPS, or let the TLS proxy send X-Forwarded-Proto. Health checks answer over
/// HTTP, as probes inside a cluster use it.
/// </summary>
internal sealed class PlainHttpRefusal(RequestDelegate next)
{
    internal const string Message =
        "BioSirk-portalen må åpnes over HTTPS. Står portalen bak en proxy som avslutter TLS, må proxyen sende " +
        "X-Forwarded-Proto: https. (Security:HttpsOnlyCookies=false skrur av kravet, bare for testing uten TLS.)\n\n" +
        "The BioSirk portal must be opened over HTTPS. Behind a TLS-terminating proxy, the proxy must send " +
        "X-Forwarded-Proto: https.\n";

    public Task InvokeAsync(HttpContext http)
    {
        if (http.Request.IsHttps || http.Request.Path.StartsWithSegments("/health"))
        {
            return next(http);
        }

        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(Message, http.RequestAborted);
    }
}
