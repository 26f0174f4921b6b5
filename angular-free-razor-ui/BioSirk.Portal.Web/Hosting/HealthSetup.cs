using BioSirk.Portal.Platform.Data;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BioSirk.Portal.Web.Hosting;

public static class HealthSetup
{
    public static WebApplicationBuilder AddPortalHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<PlatformDbContext>("database", tags: ["ready"])
            .AddCheck<JobStorageHealthCheck>("jobs", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapPortalHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}

/// <summary>Ready when Hangfire's storage answers.</summary>
internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            storage.GetMonitoringApi().Servers();
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Job storage does not answer.", ex));
        }
    }
}
