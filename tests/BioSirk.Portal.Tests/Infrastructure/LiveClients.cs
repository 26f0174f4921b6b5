using Microsoft.AspNetCore.SignalR.Client;

namespace BioSirk.Portal.Tests.Infrastructure;

/// <summary>Real SignalR .NET clients of the test server, signed in as the person of a <see cref="PortalClient"/>.</summary>
public static class LiveClients
{
    /// <summary>A connection (not started) to the portal hub that authenticates with the client's sign-in cookie.</summary>
    public static async Task<HubConnection> ConnectAsync(PortalFactory portal, PortalClient client)
    {
        var cookieHeader = await CookieHeader(client);
        return new HubConnectionBuilder()
            .WithUrl(new Uri(portal.Server.BaseAddress, "/hubs/portal"), o =>
            {
                o.HttpMessageHandlerFactory = _ => portal.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                if (cookieHeader is not null)
                {
                    o.Headers["Cookie"] = cookieHeader;
                }
            })
            .Build();
    }

    private static async Task<string?> CookieHeader(PortalClient client)
    {
        var echo = await client.GetAsync("/logg-inn");
        return echo.RequestMessage?.Headers.TryGetValues("Cookie", out var values) == true ? string.Join("; ", values) : null;
    }
}
