using System.Threading.RateLimiting;

namespace BioSirk.Portal.Web.Api;

/// <summary>The API of the councils' and counties' own systems: /api/v1, Entra bearer tokens, problem details, rate limits.</summary>
public static class ApiSetup
{
    public const string RateLimitPolicy = "api";

    public static WebApplicationBuilder AddPortalApi(this WebApplicationBuilder builder)
    {
        builder.AddApiAuthentication();
        var services = builder.Services;
        services.AddScoped<ApiCallerAccessor>();
        services.AddProblemDetails();
        // a body that cannot be bound throws, so that ApiProblemMiddleware names the field (else: an empty 400)
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddApiDocument();
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(ApiDocument.Name, IdempotencyFilter.Document);
        var permits = builder.Configuration.GetValue("Api:RateLimit:PermitsPerMinute", 300);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per client: the Entra tenant and the application (or the person) of the token; one busy client does not
            // slow down another council's.
            o.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(ClientKey(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask; // the body: ApiProblemMiddleware
            };
        });
        return builder;
    }

    public static void UsePortalApiProblems(this WebApplication app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseMiddleware<ApiProblemMiddleware>();
            api.Use(IdempotencyFilter.KeepBodyReadable);
        });

    public static void MapPortalApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiAuthentication.Policy)
            .RequireRateLimiting(RateLimitPolicy)
            .AddEndpointFilter<ApiCallerFilter>()
            .AddEndpointFilter<IdempotencyFilter>(); // after the caller: keys are kept per client
        api.MapAgreementEndpoints();
        api.MapPaymentEndpoints();
        api.MapPaymentRequestEndpoints();
        api.MapFinalReportEndpoints();
        api.MapBudgetEndpoints();
        api.MapIndicatorEndpoints();
        api.MapAgreementLifecycleEndpoints();
        api.MapFinalReportDecisionEndpoints();
        app.MapOpenApi().AllowAnonymous();
    }

    private static string ClientKey(HttpContext http)
    {
        var user = http.User;
        var tid = user.FindFirst("tid")?.Value ?? user.FindFirst("http://schemas.microsoft.com/identity/claims/tenantid")?.Value;
        var client = user.FindFirst("azp")?.Value ?? user.FindFirst("appid")?.Value;
        return tid is not null ? $"{tid}/{client}" : $"ip/{http.Connection.RemoteIpAddress}";
    }
}
