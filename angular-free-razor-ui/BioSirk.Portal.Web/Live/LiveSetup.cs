using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Features.Accounts;
using BioSirk.Portal.Reporting.Contracts;
using BioSirk.Portal.Reporting.Features;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Live;

public static class LiveSetup
{
    /// <summary>SignalR for live pages; with ConnectionStrings:Redis set, the Redis backplane joins several web nodes.</summary>
    public static WebApplicationBuilder AddPortalLive(this WebApplicationBuilder builder)
    {
        // A ping every 5 s (not 15) lets the meeting page notice a dead network in about 12 s and say so.
        var signalR = builder.Services.AddSignalR(o =>
        {
            o.AddFilter<HubCallerFilter>();
            o.KeepAliveInterval = TimeSpan.FromSeconds(5);
        });
        var redis = builder.Configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(redis))
        {
            RedisBackplane.Use(signalR, redis);
        }

        builder.Services.AddScoped<LivePlaces>();
        builder.Services.AddScoped<LiveAccess>();
        builder.Services.AddSingleton<LiveFollows>();
        builder.Services.AddHostedService<LiveFollowsSweep>();
        builder.Services.AddSingleton<MeetingLiveFeed>();
        builder.Services.AddSingleton<LocalMeetingConnections>();
        builder.Services.AddSingleton<LiveSessions>();
        builder.Services.AddSingleton<PresenceAnnouncer>();
        builder.Services.AddHostedService<PresenceKeepAlive>();
        builder.Services.AddSingleton<IReportProgress, SignalRReportProgress>();
        return builder;
    }

    public static WebApplication MapPortalLive(this WebApplication app)
    {
        app.RefuseNewLiveConnectionsWhileRedisIsAway(PortalHub.Path);
        app.MapHub<PortalHub>(PortalHub.Path);
        return app;
    }
}

/// <summary>
/// The portal's hub. Every signed-in person is in her own group, so that any module can push a notice to her.
/// Modules add their own groups (a meeting, a report) after checking access.
/// </summary>
[Authorize]
public sealed class PortalHub(
    LivePlaces places, LiveAccess access, LiveFollows follows, ICurrentTenant currentTenant, MeetingComments comments, MeetingFloor floor,
    MeetingLiveFeed meetingFeed, PresenceAnnouncer presence, LocalMeetingConnections meetingConnections, LiveSessions sessions,
    IStringLocalizer<Localization.SharedResource> texts) : Hub
{
    public const string Path = "/hubs/portal";

    /// <summary>
    /// Sent by a node whose link to the other nodes (Redis) has come back: pushes may have been lost meanwhile, so a
    /// page asks again for what it follows (a meeting page: <see cref="JoinMeeting"/> with the last number it has).
    /// </summary>
    public const string RejoinMethod = "rejoin";

    public static string UserGroup(Guid userId) => "user:" + userId;

    /// <summary>The council's people see every PDF of the report; the county's only those of delivered versions.</summary>
    public static string FinalReportGroup(Guid agreementId, bool county) => $"final-report:{agreementId}:{(county ? "county" : "council")}";

    public override async Task OnConnectedAsync()
    {
        if (Tenancy.CurrentUser.IdOf(Context.User!) is { } userId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(userId));
        }

        if (SignInSessions.IdOf(Context.User) is { } session)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, LiveSessions.SessionGroup(session));
            sessions.Opened(Context);
        }

        await base.OnConnectedAsync();
    }

    /// <summary>A closed page is no longer present in the meetings it followed.</summary>
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Closed(Context.ConnectionId);
        follows.Closed(Context.ConnectionId);
        if (meetingConnections.Remove(Context.ConnectionId))
        {
            foreach (var meetingId in await floor.LeaveAsync(Context.ConnectionId, CancellationToken.None))
            {
                await presence.AnnounceAsync(meetingId);
            }
        }

        await base.OnDisconnectedAsync(exception);
    }

    public string WhoAmI() => Context.User?.Identity?.Name ?? string.Empty;

    /// <summary>
    /// Follows the PDFs of an agreement's final report. <paramref name="place"/> is the page's council or county
    /// ("rad/hallingdal", "fylke/buskerud"); the agreement must be visible there to this person, or nothing is joined.
    /// </summary>
    public async Task<bool> WatchFinalReport(string place, Guid agreementId)
    {
        if (await access.FinalReportAsync(Context.User!, place, agreementId, Context.ConnectionAborted) is not { } scope)
        {
            return false;
        }

        var group = FinalReportGroup(agreementId, county: scope.TenantId is null);
        await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        follows.FollowsFinalReport(Context, place, agreementId, group);
        return true;
    }

    /// <summary>
    /// Follows the comments of a meeting seen from the council <paramref name="place"/> ("rad/hallingdal"): only for
    /// those who see its agenda (<see cref="MeetingRules.CanSeeAgenda"/>: invited, or its secretaries). Returns every
    /// comment after <paramref name="lastSequence"/> (0 for all), or null when refused and nothing is joined.
    /// </summary>
    public async Task<IReadOnlyList<CommentView>?> JoinMeeting(string place, Guid meetingId, int lastSequence)
    {
        if (await access.MeetingAsync(Context.User!, place, meetingId, Context.ConnectionAborted) is not { } followed)
        {
            return null;
        }

        var (scope, actor, meeting) = followed;

        IReadOnlyList<CommentView>? missed;
        CurrentItemView current;
        // Entered here, not inside an async helper: an AsyncLocal set in a method that returns is gone for its caller.
        using (currentTenant.Use(scope))
        {
            // Joined before reading: a comment stored in between arrives twice (the client keeps one per sequence
            // number), never zero times.
            await Groups.AddToGroupAsync(Context.ConnectionId, MeetingLiveFeed.Group(meetingId), Context.ConnectionAborted);
            follows.FollowsMeeting(Context, place, meetingId);
            meetingConnections.Add(Context.ConnectionId);
            await floor.EnterAsync(meeting, Context.ConnectionId, actor, Context.ConnectionAborted);
            missed = await comments.AfterAsync(meetingId, lastSequence, actor, Context.ConnectionAborted);
            current = CurrentItemView.Of(meeting);
        }

        await Clients.Caller.SendAsync(MeetingLiveFeed.CurrentItemMethod, current, Context.ConnectionAborted);
        await presence.AnnounceAsync(meetingId);
        return missed;
    }

    /// <summary>The secretary sets the item the meeting deals with now (null: none); everyone following sees it at once.</summary>
    public async Task<CurrentItemAnswer> SetCurrentItem(string place, Guid meetingId, Guid? itemId)
    {
        if (await places.MeetingActorOfAsync(Context.User!, place, Context.ConnectionAborted) is not { } who)
        {
            return new CurrentItemAnswer(false, texts[NotFound], null);
        }

        SharedKernel.Results.Result<CurrentItemView>? result;
        using (currentTenant.Use(who.Scope))
        {
            result = await floor.SetCurrentItemAsync(meetingId, itemId, who.Actor, Context.ConnectionAborted);
        }

        if (result is null || !result.Succeeded)
        {
            return new CurrentItemAnswer(false, result is null ? texts[NotFound] : Messages(result), null);
        }

        await meetingFeed.PublishAsync(result.Value!, Context.ConnectionAborted);
        return new CurrentItemAnswer(true, null, result.Value);
    }

    private const string NotFound = "Møtet eller saken finnes ikke, eller du har ikke tilgang til den.";

    /// <summary>A refusal's messages in the page's language (a call runs in the culture its connection was opened in).</summary>
    private string Messages(SharedKernel.Results.Result result) => string.Join(" ", result.Errors.Select(e => texts[e.Message].Value));

    /// <summary>Posts a comment on an item: stored first, then pushed to everyone following the meeting.</summary>
    public async Task<PostedComment> PostComment(string place, Guid meetingId, Guid itemId, string? text)
    {
        if (await places.MeetingActorOfAsync(Context.User!, place, Context.ConnectionAborted) is not { } who)
        {
            return new PostedComment(false, texts[NotFound], null);
        }

        var (scope, actor) = who;

        SharedKernel.Results.Result<CommentView>? result;
        using (currentTenant.Use(scope))
        {
            result = await comments.PostAsync(meetingId, itemId, text, actor, "text", Context.ConnectionAborted);
        }

        if (result is null)
        {
            return new PostedComment(false, texts[NotFound], null);
        }

        if (!result.Succeeded)
        {
            return new PostedComment(false, Messages(result), null);
        }

        await meetingFeed.PublishAsync(meetingId, result.Value!, Context.ConnectionAborted);
        return new PostedComment(true, null, result.Value);
    }
}

/// <summary>
/// The council or county a hub call is about, as the tenant middleware finds it for a page: only one the signed-in
/// person belongs to. Null for any other.
/// </summary>
public sealed class LivePlaces(IPlatformDirectory directory)
{
    public async Task<TenantScope?> ScopeOfAsync(System.Security.Claims.ClaimsPrincipal user, string place, CancellationToken ct)
    {
        if (Tenancy.CurrentUser.IdOf(user) is not { } userId)
        {
            return null;
        }

        var parts = place.Trim('/').Split('/');
        if (parts.Length != 2)
        {
            return null;
        }

        var access = await directory.GetAccessAsync(userId, ct);
        if (parts[0] == "rad" && access.Council(parts[1]) is { } council)
        {
            var partnerships = council.InPartnership ? await directory.ListPartnershipsOfCouncilAsync(council.Id, ct) : [];
            return TenantScope.ForTenant(council.Id, [.. partnerships.Select(p => p.Id)]);
        }

        return parts[0] == "fylke" && access.County(parts[1]) is { } county ? TenantScope.ForCounty(county.Id) : null;
    }

    /// <summary>The council scope of a meeting page, and the person as the meeting rules know her there; null outside a council of hers.</summary>
    public async Task<(TenantScope Scope, MeetingActor Actor)?> MeetingActorOfAsync(System.Security.Claims.ClaimsPrincipal user, string place, CancellationToken ct)
    {
        if (Tenancy.CurrentUser.IdOf(user) is not { } userId || !place.Trim('/').StartsWith("rad/", StringComparison.Ordinal)
            || await ScopeOfAsync(user, place, ct) is not { TenantId: { } councilId } scope)
        {
            return null;
        }

        var council = (await directory.GetAccessAsync(userId, ct)).Council(place.Trim('/')[4..]);
        if (council is null || council.Id != councilId)
        {
            return null;
        }

        var name = user.FindFirst(Tenancy.CurrentUser.FullNameClaim)?.Value ?? "";
        return (scope, new MeetingActor(userId, name, councilId, council.Has(CouncilRoles.Secretary)));
    }
}

/// <summary>
/// Pushes a PDF's progress to everyone watching the agreement's final report, on every node (Redis backplane). A push
/// that fails never fails the job: the page shows the stored state on reload.
/// </summary>
public sealed class SignalRReportProgress(IHubContext<PortalHub> hub, ILogger<SignalRReportProgress> logger) : IReportProgress
{
    public const string Method = "pdfProgress";

    public Task PublishAsync(PdfProgress progress, CancellationToken ct = default)
    {
        IEnumerable<string> groups = progress.OfDelivery
            ? [PortalHub.FinalReportGroup(progress.AgreementId, county: false), PortalHub.FinalReportGroup(progress.AgreementId, county: true)]
            : [PortalHub.FinalReportGroup(progress.AgreementId, county: false)];
        var message = new
        {
            pdfId = progress.PdfId,
            number = progress.Number,
            state = progress.State.ToString(),
            attempts = progress.Attempts,
            message = progress.Message,
            size = progress.Size is { } bytes ? Norwegian.FileSize(bytes) : null,
            sha256 = progress.Sha256,
        };
        return LivePush.BestEffortAsync(() => hub.Clients.Groups(groups.ToList()).SendAsync(Method, message, ct), logger, $"PDF {progress.PdfId} progress");
    }
}

/// <summary>Every hub call runs as its connection's user, so that <see cref="ICurrentUser"/> (and the audit log) knows her.</summary>
public sealed class HubCallerFilter : IHubFilter
{
    /// <summary>Sent to a page whose sign-in has ended (signed out in another tab, or everywhere): it stops and says so.</summary>
    public const string SignedOutMethod = "signedOut";

    public const string SignedOut = "Du er logget ut. Logg inn på nytt for å fortsette.";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        // A connection is signed in once, when it opens; the sign-in may end while it stays open, so every call asks.
        var sessions = invocationContext.ServiceProvider.GetRequiredService<SignInSessions>();
        if (!await sessions.StillStandsAsync(invocationContext.Context.User!, invocationContext.Context.ConnectionAborted))
        {
            await invocationContext.Hub.Clients.Caller.SendAsync(SignedOutMethod, invocationContext.Context.ConnectionAborted);
            LiveSessions.CloseSoon(invocationContext.Context); // after the page has heard why
            throw new HubException(invocationContext.ServiceProvider.GetRequiredService<IStringLocalizer<Localization.SharedResource>>()[SignedOut]);
        }

        using (Tenancy.CurrentUser.ForHubCall(invocationContext.Context.User))
        {
            return await next(invocationContext);
        }
    }
}
