using Microsoft.AspNetCore.SignalR.Client;

namespace BioSirk.Portal.Tests.Infrastructure;

/// <summary>Real SignalR .NET clients of the test server, signed in as the person of a <see cref="PortalClient"/>.</summary>
public static class LiveClients
{
    /// <summary>
    /// A connection (not started) to the portal hub that authenticates with the client's sign-in cookie. With
    /// <paramref name="reconnect"/>, it reconnects as the pages' scripts do (at once, then after 1, 2, 5, 10 and 30 s).
    /// </summary>
    public static async Task<HubConnection> ConnectAsync(PortalFactory portal, PortalClient client, bool reconnect = false)
    {
        var cookieHeader = await CookieHeader(client);
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(portal.Server.BaseAddress, "/hubs/portal"), o =>
            {
                o.HttpMessageHandlerFactory = _ => portal.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                if (cookieHeader is not null)
                {
                    o.Headers["Cookie"] = cookieHeader;
                }
            });
        if (reconnect)
        {
            builder.WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5),
                TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)]);
        }

        return builder.Build();
    }

    private static async Task<string?> CookieHeader(PortalClient client)
    {
        var echo = await client.GetAsync("/logg-inn");
        return echo.RequestMessage?.Headers.TryGetValues("Cookie", out var values) == true ? string.Join("; ", values) : null;
    }
}
