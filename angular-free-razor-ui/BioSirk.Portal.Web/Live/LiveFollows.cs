using System.Collections.Concurrent;
using System.Security.Claims;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Reporting.Features;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.AspNetCore.SignalR;

namespace BioSirk.Portal.Web.Live;

/// <summary>
/// Whether a person may follow a meeting's comments or a final report's PDFs from a place ("rad/hallingdal"): the check
/// made when a page joins, and made again by <see cref="LiveFollows"/> while it stays open.
/// </summary>
public sealed class LiveAccess(LivePlaces places, ICurrentTenant currentTenant, MeetingComments comments, FinalReportQueries reports)
{
    /// <summary>The council scope, the person as the meeting rules know her, and the meeting; null when she may not follow it.</summary>
    public async Task<(TenantScope Scope, MeetingActor Actor, Meeting Meeting)?> MeetingAsync(ClaimsPrincipal user, string place, Guid meetingId, CancellationToken ct)
    {
        if (await places.MeetingActorOfAsync(user, place, ct) is not { } who)
        {
            return null;
        }

        using (currentTenant.Use(who.Scope))
        {
            return await comments.FollowableAsync(meetingId, who.Actor, ct) is { } meeting ? (who.Scope, who.Actor, meeting) : null;
        }
    }

    /// <summary>The council's or county's scope in which the person sees the agreement's final report; null when she does not.</summary>
    public async Task<TenantScope?> FinalReportAsync(ClaimsPrincipal user, string place, Guid agreementId, CancellationToken ct)
    {
        if (await places.ScopeOfAsync(user, place, ct) is not { } scope)
        {
            return null;
        }

        using (currentTenant.Use(scope))
        {
            return await reports.GetAsync(agreementId, ct) is null ? null : scope;
        }
    }
}

/// <summary>
/// What each open page on this node follows, checked again when access may have changed: a member deactivated, her
/// roles changed, taken off a meeting's participants, her council out of a partnership. A page that joined a meeting's
/// group would otherwise go on receiving its comments for as long as it stays open. Checked at once on the node where
/// the change was saved, and every <see cref="SweepInterval"/> on every node (a change saved on another node).
/// A page that may no longer follow is taken out of the group and told (<see cref="AccessLostMethod"/>).
/// </summary>
public sealed class LiveFollows(IHubContext<PortalHub> hub, IServiceScopeFactory scopes, PresenceAnnouncer presence, ILogger<LiveFollows> log)
{
    public const string AccessLostMethod = "accessLost";

    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private enum Kind { Meeting, FinalReport }

    private sealed record Follow(Kind Kind, string Place, Guid Id, string Group);

    private sealed record Page(ClaimsPrincipal User, ConcurrentDictionary<string, Follow> Follows);

    private readonly ConcurrentDictionary<string, Page> pages = new();

    public void FollowsMeeting(HubCallerContext connection, string place, Guid meetingId) =>
        Add(connection, new Follow(Kind.Meeting, place, meetingId, MeetingLiveFeed.Group(meetingId)));

    public void FollowsFinalReport(HubCallerContext connection, string place, Guid agreementId, string group) =>
        Add(connection, new Follow(Kind.FinalReport, place, agreementId, group));

    public void Closed(string connectionId) => pages.TryRemove(connectionId, out _);

    /// <summary>Checks again what the open pages follow: one person's pages, or everyone's (<paramref name="userId"/> null).</summary>
    public async Task RecheckAsync(Guid? userId = null, CancellationToken ct = default)
    {
        foreach (var (connectionId, page) in pages.ToArray())
        {
            if (userId is not null && Tenancy.CurrentUser.IdOf(page.User) != userId)
            {
                continue;
            }

            foreach (var follow in page.Follows.Values.ToArray())
            {
                try
                {
                    if (!await MayStillFollowAsync(page.User, follow, ct))
                    {
                        await StopFollowingAsync(connectionId, page, follow, ct);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogWarning(ex, "Could not check again whether a live page may follow {Kind} {Id}.", follow.Kind, follow.Id);
                }
            }
        }
    }

    private void Add(HubCallerContext connection, Follow follow) =>
        pages.GetOrAdd(connection.ConnectionId, _ => new Page(connection.User!, new ConcurrentDictionary<string, Follow>())).Follows[follow.Group] = follow;

    private async Task<bool> MayStillFollowAsync(ClaimsPrincipal user, Follow follow, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<LiveAccess>();
        return follow.Kind == Kind.Meeting
            ? await access.MeetingAsync(user, follow.Place, follow.Id, ct) is not null
            : await access.FinalReportAsync(user, follow.Place, follow.Id, ct) is not null;
    }

    private async Task StopFollowingAsync(string connectionId, Page page, Follow follow, CancellationToken ct)
    {
        page.Follows.TryRemove(follow.Group, out _);
        await hub.Groups.RemoveFromGroupAsync(connectionId, follow.Group, ct);
        if (follow.Kind == Kind.Meeting)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MeetingFloor>().LeaveAsync(connectionId, ct);
            await presence.AnnounceAsync(follow.Id);
        }

        await hub.Clients.Client(connectionId).SendAsync(AccessLostMethod, new { kind = follow.Kind.ToString(), id = follow.Id }, ct);
    }
}

/// <summary>Every <see cref="LiveFollows.SweepInterval"/>: catches access changed on another web node, or by a path that does not ask for a check.</summary>
public sealed class LiveFollowsSweep(LiveFollows follows, ILogger<LiveFollowsSweep> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(LiveFollows.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await follows.RecheckAsync(ct: stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Could not check again what this node's live pages follow.");
            }
        }
    }
}
