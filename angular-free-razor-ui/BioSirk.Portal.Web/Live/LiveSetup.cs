using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace BioSirk.Portal.Web.Live;

public static class LiveSetup
{
    /// <summary>SignalR for live pages; with ConnectionStrings:Redis set, the Redis backplane joins several web nodes.</summary>
    public static WebApplicationBuilder AddPortalLive(this WebApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR();
        var redis = builder.Configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(redis))
        {
            UseRedisBackplane(signalR, redis);
        }

        return builder;
    }

    // Its own method, so that a single node without Redis never loads the Redis client.
    private static void UseRedisBackplane(ISignalRServerBuilder signalR, string redis) =>
        signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("biosirk"));

    public static WebApplication MapPortalLive(this WebApplication app)
    {
        app.MapHub<PortalHub>(PortalHub.Path);
        return app;
    }
}

/// <summary>
/// The portal's hub. Every signed-in person is in her own group, so that any module can push a notice to her.
/// Modules add their own groups (a meeting, a report) after checking access.
/// </summary>
[Authorize]
public sealed class PortalHub : Hub
{
    public const string Path = "/hubs/portal";

    public static string UserGroup(Guid userId) => "user:" + userId;

    public override async Task OnConnectedAsync()
    {
        if (Tenancy.CurrentUser.IdOf(Context.User!) is { } userId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(userId));
        }

        await base.OnConnectedAsync();
    }

    public string WhoAmI() => Context.User?.Identity?.Name ?? string.Empty;
}
