using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace BioSirk.Portal.Web.Live;

/// <summary>
/// The SignalR Redis backplane that joins several web nodes (<c>ConnectionStrings:Redis</c>). Redis only carries pushes:
/// every comment is stored in the database first, so Redis being away costs live delivery, never data.
/// <list type="bullet">
/// <item>The portal starts and serves pages while Redis is down, and keeps connecting in the background.</item>
/// <item>A push that cannot reach Redis fails at once (nothing waits on a queue) and is logged, never shown to the user
/// (<see cref="LivePush"/>).</item>
/// <item>While this node cannot reach Redis, it takes no new live connections (<see cref="BackplaneLink"/>); the
/// ones it has stay open.</item>
/// <item>When its link to Redis comes back, it asks each of its live clients to re-join
/// (<see cref="PortalHub.RejoinMethod"/>): a client re-joins with the number up to which it has seen every comment,
/// and so gets what it missed meanwhile.</item>
/// </list>
/// </summary>
public static class RedisBackplane
{
    /// <summary>
    /// Put before every channel name, so that two portals (e.g. production and test) on one Redis never hear each
    /// other. Every web node of one portal must use the same prefix; another portal sets its own with
    /// <c>channelPrefix=…</c> in the connection string.
    /// </summary>
    public const string DefaultChannelPrefix = "biosirk";

    public static void Use(ISignalRServerBuilder signalR, string connectionString)
    {
        var configuration = Configuration(connectionString);
        signalR.AddStackExchangeRedis(o => o.Configuration = configuration);
        signalR.Services.AddSingleton<LiveConnections>();
        signalR.Services.AddSingleton<BackplaneLink>();
        signalR.Services.Configure<HubOptions>(o => o.AddFilter<LiveConnections>());
        signalR.Services.AddOptions<RedisOptions>().Configure<BackplaneLink>((o, link) =>
            o.ConnectionFactory = writer => link.ConnectAsync(o.Configuration, writer));
    }

    /// <summary>The connection string's options, with the portal's defaults where it says nothing.</summary>
    public static ConfigurationOptions Configuration(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        if (options.ChannelPrefix.IsNullOrEmpty)
        {
            options.ChannelPrefix = RedisChannel.Literal(DefaultChannelPrefix);
        }

        // Start without Redis and keep trying, instead of failing the first live connection.
        options.AbortOnConnectFail = false;
        // While Redis is away, a publish or subscribe fails at once: the request that stored a comment must not wait
        // seconds for a push that the clients will catch up on anyway.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        // Try again soon after a restart (0.5 s, growing to at most 5 s), so live pushes come back within seconds.
        options.ReconnectRetryPolicy = new ExponentialRetry(500, 5_000);
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 5_000);
        return options;
    }

    /// <summary>
    /// While this node cannot reach Redis, a new live connection answers 503 at negotiation. Let through, it would
    /// complete its handshake and then die (SignalR subscribes it in Redis only after the handshake), and the browser
    /// would take that for a successful reconnect and try again at once, over and over; refused, it backs off, or the
    /// page stays a plain form and list.
    /// </summary>
    public static WebApplication RefuseNewLiveConnectionsWhileRedisIsAway(this WebApplication app, string hubPath)
    {
        if (app.Services.GetService<BackplaneLink>() is not { } link)
        {
            return app;
        }

        app.Use(async (context, next) =>
        {
            if (link.IsDown && context.Request.Path.StartsWithSegments(hubPath + "/negotiate"))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "5";
                return;
            }

            await next(context);
        });
        return app;
    }
}

/// <summary>This node's link to Redis, as the multiplexer that SignalR's backplane uses sees it.</summary>
public sealed class BackplaneLink(LiveConnections connections, IServiceProvider services, ILogger<BackplaneLink> logger)
{
    private IConnectionMultiplexer? multiplexer;
    private volatile bool connecting;

    /// <summary>
    /// False until the backplane first tries to connect (it does on the first live use); true while that first attempt
    /// runs (up to the connect timeout: a live connection let through then would die after its handshake) and whenever
    /// the link is down after it.
    /// </summary>
    public bool IsDown => connecting || multiplexer is { } m && !(m.IsConnected && m.GetSubscriber().IsConnected());

    /// <summary>Makes the backplane's connection to Redis (SignalR asks once, on the first live use) and watches it.</summary>
    public async Task<IConnectionMultiplexer> ConnectAsync(ConfigurationOptions options, TextWriter log)
    {
        connecting = true;
        try
        {
            var connected = await ConnectionMultiplexer.ConnectAsync(options, log);
            Watch(connected);
            return connected;
        }
        finally
        {
            connecting = false;
        }
    }

    private void Watch(IConnectionMultiplexer connected)
    {
        multiplexer = connected;
        // Pushes arrive on the subscription link; the interactive one only sends.
        connected.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription)
            {
                logger.LogWarning(e.Exception, "Redis backplane lost ({Failure}): live pushes stop until it is back; comments are still stored.", e.FailureType);
            }
        };
        connected.ConnectionRestored += async (_, e) =>
        {
            if (e.ConnectionType != ConnectionType.Subscription)
            {
                return;
            }

            try
            {
                var asked = await connections.AskAllToRejoinAsync(services.GetRequiredService<IHubContext<PortalHub>>(), logger);
                logger.LogWarning("Redis backplane back: asked {Count} live clients to re-join and catch up.", asked);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Redis backplane back, but the live clients could not be asked to re-join.");
            }
        };
    }
}

/// <summary>
/// This node's live connections, so that it can ask them all to re-join when its link to Redis comes back: pushes sent
/// while the link was down never reached them.
/// </summary>
public sealed class LiveConnections : IHubFilter
{
    private readonly ConcurrentDictionary<string, byte> open = new();

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        open[context.Context.ConnectionId] = 0;
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        open.TryRemove(context.Context.ConnectionId, out _);
        await next(context, exception);
    }

    /// <summary>Sent to each connection of this node on its own: a connection of this node is written to directly, not through Redis.</summary>
    public async Task<int> AskAllToRejoinAsync(IHubContext<PortalHub> hub, ILogger logger)
    {
        var ids = open.Keys.ToList();
        foreach (var id in ids)
        {
            await LivePush.BestEffortAsync(() => hub.Clients.Client(id).SendAsync(PortalHub.RejoinMethod), logger, "a rejoin request");
        }

        return ids.Count;
    }
}

/// <summary>
/// Sends a push as a courtesy: what it announces is already stored, and every client catches up on reconnect. A push
/// that fails (Redis away) is logged, never thrown, so that the request or job that stored the change still succeeds.
/// Nor does the request wait long for it: while a node is still finding out that Redis is away (its first connection
/// attempt lasts up to the connect timeout), a push is left to finish or fail on its own after <see cref="LongestWait"/>.
/// </summary>
public static class LivePush
{
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(1);

    public static async Task BestEffortAsync(Func<Task> send, ILogger logger, string what)
    {
        var sending = SendOrLogAsync(send, logger, what);
        try
        {
            await sending.WaitAsync(LongestWait);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Live push of {What} is still waiting for Redis after {Wait}; the request goes on without it.", what, LongestWait);
        }
    }

    private static async Task SendOrLogAsync(Func<Task> send, ILogger logger, string what)
    {
        try
        {
            await send();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Live push of {What} failed; the clients catch up when they reconnect.", what);
        }
    }
}
