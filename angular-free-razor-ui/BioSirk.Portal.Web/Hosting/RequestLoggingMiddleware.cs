using System.Diagnostics;
using BioSirk.Portal.Web.Tenancy;

namespace BioSirk.Portal.Web.Hosting;

/// <summary>
/// One structured line per request. It logs the route pattern, not the path, so invitation tokens and query strings
/// never reach the log, and the user only by id.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(static or unmatched)";
            logger.LogInformation(
                "HTTP {Method} {Route} answered {StatusCode} in {ElapsedMs:0.0} ms for user {UserId}",
                http.Request.Method, route, http.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                CurrentUser.IdOf(http.User)?.ToString() ?? "anonymous");
        }
    }
}
