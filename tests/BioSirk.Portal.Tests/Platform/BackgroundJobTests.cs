using System.Collections.Concurrent;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Tests.Infrastructure;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Platform;

/// <summary>The portal with a Hangfire worker on PostgreSQL storage, in a database of its own.</summary>
public sealed class JobsPortalFactory() : PortalFactory("biosirk_jobs")
{
    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Jobs:Server", "true");
        builder.UseSetting("Jobs:Workers", "1");
    }
}

public sealed class BackgroundJobTests(JobsPortalFactory portal) : IClassFixture<JobsPortalFactory>
{
    [Fact]
    public async Task Job_RunsInTheCouncilItWasEnqueuedFor_AndAJobWithoutOneRunsWithout()
    {
        var council = Guid.NewGuid();
        string withScope, withoutScope;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>();
            var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>();
            using (tenant.Use(TenantScope.ForTenant(council)))
            {
                withScope = jobs.Enqueue<ScopeProbeJob>(j => j.Record("with"));
            }

            withoutScope = jobs.Enqueue<ScopeProbeJob>(j => j.Record("without"));
        }

        var seen = await ScopeProbeJob.WaitForAsync(["with", "without"], TimeSpan.FromSeconds(30));

        Assert.Equal(council, seen["with"]);
        Assert.Null(seen["without"]);
        Assert.NotEqual(withScope, withoutScope);
    }
}

/// <summary>Records the council a job saw; public so that Hangfire can create it.</summary>
public sealed class ScopeProbeJob(ICurrentTenant tenant)
{
    private static readonly ConcurrentDictionary<string, Guid?> Seen = new();

    public void Record(string label) => Seen[label] = tenant.TenantId;

    public static async Task<Dictionary<string, Guid?>> WaitForAsync(string[] labels, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!labels.All(Seen.ContainsKey) && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        Assert.True(labels.All(Seen.ContainsKey), "The jobs did not run within " + timeout);
        return labels.ToDictionary(l => l, l => Seen[l]);
    }
}

/// <summary>A portal in a database of its own, for tests that host the portal twice in one process.</summary>
public sealed class SecondPortalFactory(string database) : PortalFactory(database);

public sealed class TwoPortalsInOneProcessTests
{
    /// <summary>
    /// Hangfire's statics hold the storage and activator of the host configured last. Each host must still run its
    /// jobs in its own container and keep them in its own database (the test suite runs hosts in parallel).
    /// </summary>
    [Fact]
    public async Task EachPortal_KeepsItsJobsInItsOwnDatabase_AndRunsThemInItsOwnContainer()
    {
        await using var first = new SecondPortalFactory("biosirk_jobs_first");
        await using var second = new SecondPortalFactory("biosirk_jobs_second");
        await first.InitializeAsync();
        await second.InitializeAsync();

        // The first host is configured, then the second: Hangfire's statics now belong to the second.
        first.Services.GetRequiredService<IGlobalConfiguration>();
        second.Services.GetRequiredService<IGlobalConfiguration>();

        Assert.Contains("biosirk_jobs_first", first.Services.GetRequiredService<JobStorage>().ToString());
        var activator = first.Services.GetRequiredService<JobActivator>();
        using var scope = activator.BeginScope((JobActivatorContext)null!);
        Assert.Same(first.Clock, scope.Resolve(typeof(TimeProvider)));
    }
}
