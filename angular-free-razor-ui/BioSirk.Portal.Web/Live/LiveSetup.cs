using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Reporting.Contracts;
using BioSirk.Portal.Reporting.Features;
using BioSirk.Portal.SharedKernel.Tenancy;
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

        builder.Services.AddScoped<LivePlaces>();
        builder.Services.AddSingleton<IReportProgress, SignalRReportProgress>();
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
public sealed class PortalHub(LivePlaces places, ICurrentTenant currentTenant, FinalReportQueries reports) : Hub
{
    public const string Path = "/hubs/portal";

    public static string UserGroup(Guid userId) => "user:" + userId;

    /// <summary>The council's people see every PDF of the report; the county's only those of delivered versions.</summary>
    public static string FinalReportGroup(Guid agreementId, bool county) => $"final-report:{agreementId}:{(county ? "county" : "council")}";

    public override async Task OnConnectedAsync()
    {
        if (Tenancy.CurrentUser.IdOf(Context.User!) is { } userId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(userId));
        }

        await base.OnConnectedAsync();
    }

    public string WhoAmI() => Context.User?.Identity?.Name ?? string.Empty;

    /// <summary>
    /// Follows the PDFs of an agreement's final report. <paramref name="place"/> is the page's council or county
    /// ("rad/hallingdal", "fylke/buskerud"); the agreement must be visible there to this person, or nothing is joined.
    /// </summary>
    public async Task<bool> WatchFinalReport(string place, Guid agreementId)
    {
        if (await places.ScopeOfAsync(Context.User!, place, Context.ConnectionAborted) is not { } scope)
        {
            return false;
        }

        // Entered here, not inside an async helper: an AsyncLocal set in a method that returns is gone for its caller.
        using (currentTenant.Use(scope))
        {
            if (await reports.GetAsync(agreementId, Context.ConnectionAborted) is null)
            {
                return false;
            }
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, FinalReportGroup(agreementId, county: scope.TenantId is null), Context.ConnectionAborted);
        return true;
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
}

/// <summary>Pushes a PDF's progress to everyone watching the agreement's final report, on every node (Redis backplane).</summary>
public sealed class SignalRReportProgress(IHubContext<PortalHub> hub) : IReportProgress
{
    public const string Method = "pdfProgress";

    public Task PublishAsync(PdfProgress progress, CancellationToken ct = default)
    {
        IEnumerable<string> groups = progress.OfDelivery
            ? [PortalHub.FinalReportGroup(progress.AgreementId, county: false), PortalHub.FinalReportGroup(progress.AgreementId, county: true)]
            : [PortalHub.FinalReportGroup(progress.AgreementId, county: false)];
        return hub.Clients.Groups(groups.ToList()).SendAsync(Method, new
        {
            pdfId = progress.PdfId,
            number = progress.Number,
            state = progress.State.ToString(),
            message = progress.Message,
        }, ct);
    }
}
