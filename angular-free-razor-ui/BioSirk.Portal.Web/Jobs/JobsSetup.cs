using BioSirk.Portal.Platform.Features.Invitations;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Time;
using Hangfire;
using Hangfire.PostgreSql;

namespace BioSirk.Portal.Web.Jobs;

public static class JobsSetup
{
    /// <summary>
    /// Hangfire on PostgreSQL when the portal runs on PostgreSQL (jobs survive restarts and are shared by every node),
    /// in memory with the embedded SQLite default. Jobs:Server=false runs no worker on this node.
    /// </summary>
    public static WebApplicationBuilder AddPortalJobs(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString("Portal") ?? database.ConnectionString;
        builder.Services.AddSingleton<TenantJobFilter>();
        builder.Services.AddHangfire((sp, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseFilter(sp.GetRequiredService<TenantJobFilter>())
                .UseFilter(new AutomaticRetryAttribute { Attempts = 5 });
            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                UsePostgresStorage(config, connectionString);
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });

        if (builder.Configuration.GetValue("Jobs:Server", true))
        {
            builder.Services.AddHangfireServer(o =>
            {
                o.WorkerCount = builder.Configuration.GetValue("Jobs:Workers", 2);
                o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        }

        return builder;
    }

    // Its own method, so that Hangfire.PostgreSql is loaded only when the portal runs on PostgreSQL.
    private static void UsePostgresStorage(IGlobalConfiguration config, string connectionString) =>
        config.UsePostgreSqlStorage(
            o => o.UseNpgsqlConnection(connectionString),
            new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });

    public static WebApplication UsePortalJobs(this WebApplication app)
    {
        app.UseHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new HostAdminDashboardFilter()],
            AsyncAuthorization = [],
            DashboardTitle = "BioSirk – bakgrunnsjobber",
            AppPath = "/vert",
        });

        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<ExpireStaleInvitations>(
            ExpireStaleInvitations.JobId,
            job => job.RunAsync(CancellationToken.None),
            "15 2 * * *",
            new RecurringJobOptions { TimeZone = Oslo.TimeZone });
        recurring.AddOrUpdate<BioSirk.Portal.Agreements.Features.SendDeadlineReminders>(
            BioSirk.Portal.Agreements.Features.SendDeadlineReminders.JobId,
            job => job.RunAsync(CancellationToken.None),
            "0 6 * * *",
            new RecurringJobOptions { TimeZone = Oslo.TimeZone });
        recurring.AddOrUpdate<BioSirk.Portal.Strategy.Features.SendRoadmapReminders>(
            BioSirk.Portal.Strategy.Features.SendRoadmapReminders.JobId,
            job => job.RunAsync(CancellationToken.None),
            "5 6 * * *",
            new RecurringJobOptions { TimeZone = Oslo.TimeZone });
        recurring.AddOrUpdate<BioSirk.Portal.Indicators.Features.SendIndicatorReminders>(
            BioSirk.Portal.Indicators.Features.SendIndicatorReminders.JobId,
            job => job.RunAsync(CancellationToken.None),
            "10 6 * * *",
            new RecurringJobOptions { TimeZone = Oslo.TimeZone });
        return app;
    }
}
