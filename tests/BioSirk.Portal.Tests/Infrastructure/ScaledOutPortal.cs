using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BioSirk.Portal.Tests.Infrastructure;

/// <summary>A web node of the portal with the SignalR Redis backplane (<c>ConnectionStrings:Redis</c>).</summary>
public sealed class RedisPortalNode : PortalFactory
{
    private readonly string redis;

    /// <summary>The first node: it creates, resets and seeds the database (its own, so that it may run beside the others).</summary>
    public RedisPortalNode(string redis)
        : base("biosirk_scale_out") => this.redis = redis;

    /// <summary>A further node of <paramref name="firstNode"/>'s portal (same database, files, keys, clock) on <paramref name="redis"/>.</summary>
    public RedisPortalNode(PortalFactory firstNode, string redis)
        : base(firstNode) => this.redis = redis;

    /// <summary>What this node logged about its live connections and the backplane (and any warning), to explain a failure.</summary>
    public ConcurrentQueue<string> LiveLog { get; } = new();

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Redis", redis);
        builder.ConfigureServices(services => services.AddLogging(logging =>
            logging.AddProvider(new LiveLogger(LiveLog)).AddFilter<LiveLogger>(null, LogLevel.Information)));
    }

    /// <summary>Keeps what the node's live parts (SignalR, the backplane) log from Information up, and anything else from Warning up.</summary>
    private sealed class LiveLogger(ConcurrentQueue<string> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Category(log, IsLive(categoryName) ? LogLevel.Information : LogLevel.Warning);

        public void Dispose()
        {
        }

        private static bool IsLive(string category) =>
            category.StartsWith("BioSirk.Portal.Web.Live", StringComparison.Ordinal)
            || category.Contains("SignalR", StringComparison.Ordinal)
            || category.Contains("Http.Connections", StringComparison.Ordinal);

        private sealed class Category(ConcurrentQueue<string> log, LogLevel minimum) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    log.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {formatter(state, exception)} {exception}");
                }
            }
        }
    }
}

/// <summary>
/// The portal as two web nodes on one PostgreSQL database and on the Redis server of etc/test.sh, as in production behind
/// a load balancer. Fails at once, saying why, when the tests were not started by etc/test.sh.
/// </summary>
public sealed class ScaledOutPortal : IAsyncLifetime
{
    private RedisPortalNode? first;
    private RedisPortalNode? second;

    public RedisPortalNode First => first ?? throw new InvalidOperationException("Not started.");

    public RedisPortalNode Second => second ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        first = new RedisPortalNode(TestRedis.Address);
        await first.InitializeAsync();
        second = new RedisPortalNode(first, TestRedis.Address);
        await second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (second is not null)
        {
            await second.DisposeAsync();
        }

        if (first is not null)
        {
            await first.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ScaledOutCollection : ICollectionFixture<ScaledOutPortal>
{
    public const string Name = "scaled-out";
}

/// <summary>Base of scale-out tests: a clean, seeded database before each test.</summary>
[Collection(ScaledOutCollection.Name)]
public abstract class ScaledOutTest(ScaledOutPortal portal) : IAsyncLifetime
{
    protected ScaledOutPortal Portal { get; } = portal;

    public Task InitializeAsync() => Portal.First.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
