using System.Collections.Concurrent;
using BioSirk.Portal.Platform.Features.Accounts;
using Microsoft.AspNetCore.SignalR;

namespace BioSirk.Portal.Web.Live;

/// <summary>
/// The live connections of each sign-in. Signing out deletes the cookie, but a page left open in another tab keeps its
/// connection and would go on receiving (and, without <see cref="HubCallerFilter"/>, sending) comments. At sign-out its
/// pages hear it (on every node, through the session's group) and this node closes the connections it holds.
/// </summary>
public sealed class LiveSessions(IHubContext<PortalHub> hub, ILogger<LiveSessions> log)
{
    /// <summary>Long enough for the page to get the message that says why, before its connection closes.</summary>
    private static readonly TimeSpan GraceBeforeClosing = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (Guid? Session, Guid? User, HubCallerContext Connection)> open = new();

    public static string SessionGroup(Guid sessionId) => "session:" + sessionId;

    public void Opened(HubCallerContext connection)
    {
        open[connection.ConnectionId] = (SignInSessions.IdOf(connection.User), Tenancy.CurrentUser.IdOf(connection.User!), connection);
    }

    public void Closed(string connectionId) => open.TryRemove(connectionId, out _);

    /// <summary>Signed out in one browser: that sign-in's pages.</summary>
    public Task EndAsync(Guid sessionId) =>
        CloseAsync(hub.Clients.Group(SessionGroup(sessionId)), c => c.Session == sessionId);

    /// <summary>Signed out everywhere: every page of the person, on every device.</summary>
    public Task EndEverywhereAsync(Guid userId) =>
        CloseAsync(hub.Clients.Group(PortalHub.UserGroup(userId)), c => c.User == userId);

    private async Task CloseAsync(IClientProxy pages, Func<(Guid? Session, Guid? User, HubCallerContext Connection), bool> whose)
    {
        try
        {
            await pages.SendAsync(HubCallerFilter.SignedOutMethod);
        }
        catch (Exception ex)
        {
            // The connections of this node are closed all the same, and every node refuses the session's calls.
            log.LogWarning(ex, "Could not tell the pages of a session that it was signed out.");
        }

        foreach (var connection in open.Values.Where(whose))
        {
            CloseSoon(connection.Connection);
        }
    }

    /// <summary>Closes the connection once the page has had time to get what it was just sent (why it is closed).</summary>
    public static void CloseSoon(HubCallerContext connection) =>
        _ = Task.Delay(GraceBeforeClosing).ContinueWith(_ => connection.Abort(), TaskScheduler.Default);
}
