using BioSirk.Portal.Platform.Features.Invitations;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Time;
using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Authentication;

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
        builder.Services.AddScoped<BioSirk.Portal.Reporting.Contracts.IReportJobQueue, HangfireReportJobQueue>();
        builder.Services.AddScoped<BioSirk.Portal.Meetings.Features.IMinutesJobQueue, HangfireMinutesJobQueue>();

        // Hangfire keeps its storage, activator and filters in statics (JobStorage.Current, JobActivator.Current,
        // GlobalJobFilters) and AddHangfire hands out whatever they hold when first asked. A process that hosts the
        // portal twice (the test suite, in parallel) could then run one host's jobs in the other's container and
        // database. So each host registers its own, before AddHangfire, whose TryAdd keeps them.
        builder.Services.AddSingleton<JobStorage>(_ => database.Provider == DatabaseProvider.PostgreSql
            ? PostgresStorage(connectionString)
            : new Hangfire.InMemory.InMemoryStorage());
        builder.Services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddSingleton<IJobFilterProvider>(sp => new JobFilterProviderCollection(
            GlobalJobFilters.Filters, // Hangfire's defaults (statistics, continuations, culture)
            new JobFilterAttributeFilterProvider(),
            new JobFilterCollection { sp.GetRequiredService<TenantJobFilter>(), new AutomaticRetryAttribute { Attempts = 5 } }));
        builder.Services.AddHangfire((sp, config) => config
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        if (builder.Configuration.GetValue("Jobs:Server", true))
        {
            var before = builder.Services.Count;
            builder.Services.AddHangfireServer(o =>
            {
                o.WorkerCount = builder.Configuration.GetValue("Jobs:Workers", 2);
                o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
            StartAfterTheApplication(builder.Services, before);
        }

        return builder;
    }

    /// <summary>
    /// The Hangfire server (workers, schedulers, heartbeat: about ten threads) is not needed to answer requests, so it
    /// starts on the thread pool once the application has started and listens, instead of before Kestrel starts.
    /// It is stopped as before, when the host stops. Jobs enqueued meanwhile wait in the storage.
    /// </summary>
    private static void StartAfterTheApplication(IServiceCollection services, int firstAdded)
    {
        var hosted = services.Skip(firstAdded).Where(d => d.ServiceType == typeof(IHostedService)).ToList();
        foreach (var descriptor in hosted)
        {
            services.Remove(descriptor);
            services.AddSingleton<IHostedService>(sp => new StartedAfterApplication(
                descriptor.ImplementationFactory?.Invoke(sp) as IHostedService
                ?? descriptor.ImplementationInstance as IHostedService
                ?? (IHostedService)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!),
                sp.GetRequiredService<IHostApplicationLifetime>(),
                sp.GetRequiredService<ILogger<StartedAfterApplication>>()));
        }
    }

    // Its own method, so that Hangfire.PostgreSql is loaded only when the portal runs on PostgreSQL.
    private static PostgreSqlStorage PostgresStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true };
        return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, options), options);
    }

    public static WebApplication UsePortalJobs(this WebApplication app)
    {
        // Signed out, the dashboard would answer a bare 401: send the host admin to the sign-in page instead, and back.
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/jobs", StringComparison.OrdinalIgnoreCase) && http.User.Identity?.IsAuthenticated != true)
            {
                await http.ChallengeAsync();
                return;
            }

            await next(http);
        });
        AddAccessibleDashboardAssets();
        app.UseHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new HostAdminDashboardFilter()],
            AsyncAuthorization = [],
            DashboardTitle = "BioSirk – bakgrunnsjobber",
            AppPath = "/vert",
            DisplayNameFunc = (_, job) => JobNames.Of(job.Type.Name),
        });

        // The recurring jobs are written to the storage once the application listens (not in the way of the start).
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(() =>
        {
            try
            {
                RegisterRecurringJobs(app.Services.GetRequiredService<IRecurringJobManager>());
            }
            catch (Exception ex)
            {
                app.Logger.LogError(ex, "The recurring jobs could not be registered.");
            }
        }));
        return app;
    }

    private static int dashboardAssetsAdded;

    /// <summary>
    /// The dashboard's own colours and checkboxes fall short of WCAG 2.1 AA: a stylesheet and a script of ours are served
    /// after Hangfire's. Its list of assets is static, so they are added once per process (the tests host several portals).
    /// </summary>
    private static void AddAccessibleDashboardAssets()
    {
        if (Interlocked.Exchange(ref dashboardAssetsAdded, 1) == 0)
        {
            GlobalConfiguration.Configuration
                .UseDashboardStylesheet(typeof(JobsSetup).Assembly, "BioSirk.Portal.Web.Jobs.Dashboard.dashboard.css")
                .UseDashboardJavaScript(typeof(JobsSetup).Assembly, "BioSirk.Portal.Web.Jobs.Dashboard.labels.js");
        }
    }

    private static void RegisterRecurringJobs(IRecurringJobManager recurring)
    {
        recurring.AddOrUpdate<ExpireStaleInvitations>(
            ExpireStaleInvitations.JobId,
            job => job.RunAsync(CancellationToken.None),
            "15 2 * * *",
            new RecurringJobOptions { TimeZone = Oslo.TimeZone });
        recurring.AddOrUpdate<BioSirk.Portal.Platform.Features.Accounts.ForgetEndedSessions>(
            BioSirk.Portal.Platform.Features.Accounts.ForgetEndedSessions.JobId,
            job => job.RunAsync(CancellationToken.None),
            "25 2 * * *",
            new RecurringJobOptions { TimeZone = Oslo.TimeZone });
        recurring.AddOrUpdate<BioSirk.Portal.Platform.Features.Idempotency.DeleteExpiredIdempotencyKeys>(
            BioSirk.Portal.Platform.Features.Idempotency.DeleteExpiredIdempotencyKeys.JobId,
            job => job.RunAsync(CancellationToken.None),
            "20 2 * * *",
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
        recurring.AddOrUpdate<BioSirk.Portal.Platform.Email.DeliverQueuedEmails>(
            BioSirk.Portal.Platform.Email.DeliverQueuedEmails.JobId,
            job => job.RunAsync(CancellationToken.None),
            "*/5 * * * *");
        recurring.AddOrUpdate<BioSirk.Portal.Reporting.Features.RequeueStalePdfs>(
            BioSirk.Portal.Reporting.Features.RequeueStalePdfs.JobId,
            job => job.RunAsync(CancellationToken.None),
            "*/5 * * * *");
        recurring.AddOrUpdate<BioSirk.Portal.Indicators.Features.SendIndicatorReminders>(
            BioSirk.Portal.Indicators.Features.SendIndicatorReminders.JobId,
            job => job.RunAsync(CancellationToken.None),
            "10 6 * * *",
            new RecurringJobOptions { TimeZone = Oslo.TimeZone });
    }
}

/// <summary>Starts a hosted service on the thread pool after ApplicationStarted; stops it (if it started) with the host.</summary>
internal sealed class StartedAfterApplication(IHostedService inner, IHostApplicationLifetime lifetime, ILogger<StartedAfterApplication> logger)
    : IHostedService, IDisposable
{
    public void Dispose() => (inner as IDisposable)?.Dispose();

    private readonly Lock gate = new();
    private Task? started;
    private bool stopping;
    private CancellationTokenRegistration registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        registration = lifetime.ApplicationStarted.Register(() =>
        {
            lock (gate)
            {
                if (!stopping)
                {
                    started = Task.Run(async () =>
                    {
                        try
                        {
                            await inner.StartAsync(lifetime.ApplicationStopping);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            logger.LogError(ex, "{Service} did not start.", inner.GetType().Name);
                        }
                    });
                }
            }
        });
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task? run;
        lock (gate)
        {
            stopping = true;
            run = started;
        }

        await registration.DisposeAsync();
        if (run is null)
        {
            return;
        }

        await run;
        await inner.StopAsync(cancellationToken);
    }
}

/// <summary>
/// Hangfire's loggers come from one process-wide provider. When a process hosts the portal more than once (the test
/// suite does) and a host that set it has stopped, asking its disposed logger factory for a logger would throw inside
/// every enqueue; this provider gives a silent logger then, instead of failing the job.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggers) : Hangfire.Logging.ILogProvider
{
    private readonly Hangfire.AspNetCore.AspNetCoreLogProvider inner = new(loggers);

    public Hangfire.Logging.ILog GetLogger(string name)
    {
        try
        {
            return inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class SilentLog : Hangfire.Logging.ILog
    {
        public static readonly SilentLog Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}

/// <summary>What the dashboard calls each job, in bokmål, instead of its class and method.</summary>
internal static class JobNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["ExpireStaleInvitations"] = "Utløpte invitasjoner ryddes bort",
        ["ForgetEndedSessions"] = "Utloggede økter eldre enn to døgn glemmes",
        ["DeleteExpiredIdempotencyKeys"] = "Gamle nøkler mot dobbel innsending (API og skjemaer) slettes",
        ["SendDeadlineReminders"] = "Påminnelser om frister i avtalene",
        ["SendRoadmapReminders"] = "Påminnelser om fremdriftsrapporter i veikartet",
        ["DeliverQueuedEmails"] = "E-poster i kø sendes",
        ["RequeueStalePdfs"] = "PDF-er som har stått fast, legges i kø igjen",
        ["SendIndicatorReminders"] = "Påminnelser om målinger av indikatorer",
        ["ReportPdfJob"] = "PDF av sluttrapport lages",
        ["MinutesPdfJob"] = "PDF av møteprotokoll lages",
    };

    public static string Of(string jobType) => Names.GetValueOrDefault(jobType, jobType);
}
