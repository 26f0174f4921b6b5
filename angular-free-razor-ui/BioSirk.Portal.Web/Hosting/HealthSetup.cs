using BioSirk.Portal.SharedKernel.Data;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BioSirk.Portal.Web.Hosting;

public static class HealthSetup
{
    public static WebApplicationBuilder AddPortalHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
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

/// <summary>
/// Ready when the database answers a query. A plain connection, not a DbContext: the first check comes right after the
/// start, and a context would build its module's model before it could ask.
/// </summary>
internal sealed class DatabaseHealthCheck(DatabaseOptions database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await PlainConnection.AnswersAsync(database, cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database gave a wrong answer.");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
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
