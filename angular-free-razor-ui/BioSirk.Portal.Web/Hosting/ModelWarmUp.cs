using BioSirk.Portal.SharedKernel.Data;

namespace BioSirk.Portal.Web.Hosting;

/// <summary>
/// Builds the modules' EF Core models on the thread pool when the first person opens a page, not at the start: a
/// portal nobody has visited since its start stays about 15 MiB smaller (BENCHMARKS.md, issue 3), and the first
/// person's models are ready while she types her password (the sign-in page itself needs none).
/// Health probes do not count as visits.
/// </summary>
public sealed class ModelWarmUp(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<ModelWarmUp> logger)
{
    private Task? running;

    /// <summary>The warm-up once it has begun, or null while nobody has visited.</summary>
    public Task? Running => Volatile.Read(ref running);

    public void BeginOnce()
    {
        if (Running is not null)
        {
            return;
        }

        var warmUp = new Task(BuildModels);
        if (Interlocked.CompareExchange(ref running, warmUp, null) is null)
        {
            warmUp.Start(TaskScheduler.Default);
            // Each request still builds the model it needs, so a failure here costs only time.
            warmUp.ContinueWith(
                t =>
                {
                    if (!lifetime.ApplicationStopping.IsCancellationRequested)
                    {
                        logger.LogError(t.Exception, "The modules' data models could not be built ahead of use.");
                    }
                },
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    // The Platform model first: the sign-in needs it. A portal stopping meanwhile ends the warm-up quietly.
    private void BuildModels()
    {
        using (var scope = services.CreateScope())
        {
            foreach (var migrator in scope.ServiceProvider.GetServices<IModuleMigrator>().OrderBy(m => m.Module == "platform" ? 0 : 1))
            {
                if (lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    return;
                }

                migrator.BuildModel();
            }
        }

        // Building the models leaves about 13 MiB of garbage that a quiet portal would keep (BENCHMARKS.md).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}

/// <summary>Begins the <see cref="ModelWarmUp"/> at the first request for a page, before it is handled.</summary>
public sealed class ModelWarmUpOnFirstVisit(RequestDelegate next, ModelWarmUp warmUp)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (warmUp.Running is null && !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            warmUp.BeginOnce();
        }

        return next(context);
    }
}
