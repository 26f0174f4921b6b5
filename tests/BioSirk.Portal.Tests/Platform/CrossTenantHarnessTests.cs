using System.Net;
using System.Reflection;
using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Indicators.Data;
using BioSirk.Portal.Indicators.Domain;
using BioSirk.Portal.Indicators.Features;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Invitations;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Meetings;
using BioSirk.Portal.Tests.Reporting;
using BioSirk.Portal.Tests.Strategy;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Platform;

/// <summary>
/// Tries every routed page, handler and endpoint of the portal with another council's (or county's) ids, as a
/// person who is signed in elsewhere, and expects 404 each time. New routes are covered without anyone adding them
/// here: a route with a parameter this harness has no victim id for fails until one is added below.
/// </summary>
public sealed class CrossTenantHarnessTests(PortalFactory portal) : PortalTest(portal)
{
    /// <summary>Routes that carry no council data to protect, or whose parameter is not an id.</summary>
    private static readonly Dictionary<string, string> NotProbed = new(StringComparer.OrdinalIgnoreCase)
    {
        ["invitasjon/{token}"] = "the token itself is the credential; an unknown token shows 'kan ikke brukes' (InvitationTests)",
        ["openapi/{documentName}.json"] = "the API's description; the parameter is the document's name (ApiDocumentTests)",
        ["status/{code:int}"] = "the status code page; the parameter is an HTTP status, not an id",
        ["vert"] = "host admin only (403 for everyone else); its handlers decide county officers' requests for every county (MicrosoftSignInTests)",
        ["vert/fylker/{countyId:guid}/entra"] = "host admin only (403 for everyone else, EntraConnectionPageTests); the host admin administers every county",
        ["vert/fylker/{countyId:guid}"] = "host admin only (403 for everyone else, HostAdministrationTests); the host admin administers every county",
        ["vert/rad/{councilId:guid}"] = "host admin only (403 for everyone else, HostAdministrationTests); the host admin administers every council; its invitation handlers answer 404 for another council's invitation (HostInvitationTests)",
        ["vert/partnerskap/{partnershipId:guid}"] = "host admin only (403 for everyone else, HostAdministrationTests); the host admin administers every partnership",
    };

    /// <summary>Handler parameters that are Guids but not ids of another council's data, with the reason.</summary>
    private static readonly Dictionary<string, string> NotCouncilData = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fylke"] = "a new agreement's funder: a council may draft with any county (AgreementFormTests); the draft page itself is probed",
        ["rad"] = "a new agreement's council: a county may draft with any council (AgreementFormTests); the draft page itself is probed",
    };

    [Fact]
    public async Task EveryRoute_WithAnotherCouncilsOrCountysIds_Answers404()
    {
        var victim = await VictimIds(Portal);
        using var councilAttacker = await Portal.SignedInAsync(Demo.HadelandSecretary); // admin + secretary of Hadeland
        using var countyAttacker = await Portal.SignedInAsync(Demo.InnlandetOfficer);
        var failures = new List<string>();
        var probed = 0;

        foreach (var endpoint in Endpoints())
        {
            var template = endpoint.RoutePattern.RawText!.TrimStart('/');
            if (NotProbed.ContainsKey(template) || template.StartsWith("api/", StringComparison.Ordinal))
            {
                continue; // the API takes no cookie: ApiCrossTenantTests probes it with bearer tokens
            }

            var parameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            var inCouncil = parameters.Contains("tenant");
            var inCounty = parameters.Contains("county");
            if (!inCouncil && !inCounty && parameters.Count == 0 && HandlerIdParameters(endpoint).Count == 0)
            {
                continue; // no id anywhere: nothing of another council to reach
            }

            var attacker = inCounty ? countyAttacker : councilAttacker;
            var places = inCouncil ? new[] { "hallingdal", "hadeland" } : inCounty ? ["buskerud", "innlandet"] : [""];
            foreach (var place in places)
            {
                var missing = parameters.Where(p => p is not ("tenant" or "county") && !victim.ContainsKey(p)).ToList();
                if (missing.Count > 0)
                {
                    failures.Add($"{template}: no victim id for {{{string.Join("}, {", missing)}}}: add one in VictimIds()");
                    continue;
                }

                var ownPlaceWithoutIds = place is "hadeland" or "innlandet" && parameters.All(p => p is "tenant" or "county")
                                         && HandlerIdParameters(endpoint).Count == 0;
                if (ownPlaceWithoutIds)
                {
                    continue; // the attacker's own page without foreign ids is allowed to answer
                }

                var path = "/" + Fill(endpoint.RoutePattern, victim, place);
                foreach (var (method, handler, idParameters) in Handlers(endpoint))
                {
                    var query = string.Join("&", idParameters.Select(p => victim.TryGetValue(p, out var v) ? $"{p}={v}" : $"{p}=MISSING"));
                    if (query.Contains("MISSING", StringComparison.Ordinal))
                    {
                        failures.Add($"{method} {template} handler {handler}: no victim id for one of {string.Join(", ", idParameters)}");
                        continue;
                    }

                    if (place is "hadeland" or "innlandet" && idParameters.Count == 0 && parameters.All(p => p is "tenant" or "county"))
                    {
                        continue;
                    }

                    var url = path + (handler.Length > 0 ? $"?handler={handler}" : "") + (query.Length > 0 ? (handler.Length > 0 ? "&" : "?") + query : "");
                    var response = method == "GET"
                        ? await attacker.GetAsync(url)
                        : await attacker.PostWithTokenAsync(url);
                    probed++;
                    if (response.StatusCode != HttpStatusCode.NotFound)
                    {
                        failures.Add($"{method} {url} answered {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(probed >= 8, $"Only {probed} probes ran; the harness is not finding the routes.");
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null)
            .GroupBy(e => e.RoutePattern.RawText)
            .Select(g => g.First());

    private static string Fill(RoutePattern pattern, IReadOnlyDictionary<string, string> victim, string place) =>
        string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart { Name: "tenant" or "county" } => place,
            RoutePatternParameterPart parameter => victim[parameter.Name],
            _ => "",
        }))));

    /// <summary>The page's handlers (GET and each POST handler) with their Guid parameters that come from the query.</summary>
    private static IEnumerable<(string Method, string Handler, List<string> IdParameters)> Handlers(RouteEndpoint endpoint)
    {
        var model = PageModelOf(endpoint);
        if (model is null)
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                yield return (method, "", []);
            }

            yield break;
        }

        var routeParameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // Inherited handlers count too: the council and county pages of agreements and indicators share a base page model.
        foreach (var method in model.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.DeclaringType != typeof(PageModel) && m.DeclaringType != typeof(object)))
        {
            var verb = method.Name.StartsWith("OnGet", StringComparison.Ordinal) ? "GET"
                : method.Name.StartsWith("OnPost", StringComparison.Ordinal) ? "POST" : null;
            if (verb is null)
            {
                continue;
            }

            var handler = method.Name[(verb == "GET" ? 5 : 6)..];
            handler = handler.EndsWith("Async", StringComparison.Ordinal) ? handler[..^5] : handler;
            var ids = method.GetParameters()
                .Where(p => (p.ParameterType == typeof(Guid) || p.ParameterType == typeof(Guid?)) && !routeParameters.Contains(p.Name!) && !NotCouncilData.ContainsKey(p.Name!))
                .Select(p => p.Name!).ToList();
            yield return (verb, handler, ids);
        }
    }

    private static List<string> HandlerIdParameters(RouteEndpoint endpoint) =>
        Handlers(endpoint).SelectMany(h => h.IdParameters).ToList();

    private static readonly Dictionary<string, Type> PageModels = typeof(Program).Assembly
        .GetCustomAttributes<RazorCompiledItemAttribute>()
        .Where(a => a.Kind == "mvc.1.0.razor-page")
        .ToDictionary(a => a.Identifier, a => a.Type.GetProperty("Model")!.PropertyType, StringComparer.OrdinalIgnoreCase);

    private static Type? PageModelOf(RouteEndpoint endpoint)
    {
        var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
        return page is not null && PageModels.TryGetValue(page.RelativePath, out var model) && typeof(PageModel).IsAssignableFrom(model)
            ? model
            : null;
    }

    /// <summary>An indicator of the victim agreement (so Buskerud funds it), with a measurement.</summary>
    /// <remarks>Call inside the scope of the agreement's council.</remarks>
    internal static async Task<Guid> VictimIndicatorAsync(IServiceProvider sp, Guid agreementId, Guid? responsibleUserId = null, string? responsibleName = null)
    {
        var agreement = await sp.GetRequiredService<AgreementsDbContext>().Agreements.SingleAsync(a => a.Id == agreementId);
        var defined = await sp.GetRequiredService<DefineIndicator>().HandleAsync(new DefineIndicatorCommand(
            new PlanRef(PlanKind.Agreement, agreement.Id, agreement.Title, agreement.TenantId, agreement.FunderCountyId, Guid.Empty),
            new IndicatorDefinition("Offer", "tonn", Direction.HigherIsBetter, 0m, new DateOnly(2026, 1, 1), 10m, new DateOnly(2026, 12, 31),
                ReportingFrequency.Quarterly, responsibleUserId, responsibleName)));
        await sp.GetRequiredService<RegisterMeasurement>().HandleAsync(
            new RegisterMeasurementCommand(defined.Value, 1m, new DateOnly(2026, 2, 1), null, null, new ActingPerson(Guid.NewGuid(), "Testperson")));
        return defined.Value;
    }

    /// <summary>One row of each kind, owned by Hallingdal (and Buskerud), keyed by the route or handler parameter name.</summary>
    internal static Task<Dictionary<string, string>> VictimIds(PortalFactory portal) => portal.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PlatformDbContext>();
        var tenant = sp.GetRequiredService<ICurrentTenant>();
        var hallingdal = await db.Tenants.SingleAsync(t => t.Slug == "hallingdal");
        using var scope = tenant.Use(TenantScope.ForTenant(hallingdal.Id));
        var admin = await db.Users.SingleAsync(u => u.Email == Demo.HallingdalAdmin);
        var invitation = await sp.GetRequiredService<InviteMember>().HandleAsync(
            new InviteMemberCommand(hallingdal.Id, "offer@hallingdal.no", "Offer", TenantRoles.Member, admin.Id, "http://localhost"));
        var membership = await db.TenantMemberships.FirstAsync();
        var waiting = new PortalUser { UserName = "offer.venter@hallingdal.no", Email = "offer.venter@hallingdal.no", FullName = "Offer Venter" };
        await sp.GetRequiredService<UserManager<PortalUser>>().CreateAsync(waiting);
        var request = TenantMembership.AwaitingApproval(hallingdal.Id, waiting.Id);
        db.TenantMemberships.Add(request);
        var notice = new Notification(admin.Id, "Offer", BioSirk.Portal.SharedKernel.Formatting.Phrase.Of("Offer"), "/rad/hallingdal", DateTime.UtcNow);
        db.Notifications.Add(notice);
        await db.SaveChangesAsync();
        var agreement = await VictimAgreement.CreateAsync(sp, hallingdal.Id);
        await sp.GetRequiredService<RegisterHours>().HandleAsync(new RegisterHoursCommand(agreement.AgreementId, new DateOnly(2026, 3, 2), "Testperson", "Arbeid", 2m, null,
            new Actor(admin.Id, admin.FullName)));
        var hourEntry = await sp.GetRequiredService<AgreementsDbContext>().Hours.SingleAsync(h => h.AgreementId == agreement.AgreementId);
        await sp.GetRequiredService<PaymentRequests>().DecideAsync(new DecidePaymentRequestCommand(
            agreement.AgreementId, agreement.RequestId, true, null, new Actor(admin.Id, admin.FullName))); // a payment waits for the approval
        await sp.GetRequiredService<PaymentRequests>().RegisterPaymentAsync(new RegisterPaymentCommand(
            agreement.AgreementId, agreement.MilestoneId, new DateOnly(2026, 3, 2), 1m, "Offer", new Actor(admin.Id, admin.FullName)) { ConfirmsDeviation = true });
        var payment = await sp.GetRequiredService<AgreementsDbContext>().Payments.SingleAsync(p => p.AgreementId == agreement.AgreementId);
        var roadmap = await VictimRoadmap.CreateAsync(sp, hallingdal.Id);
        var indicatorId = await VictimIndicatorAsync(sp, agreement.AgreementId);
        var measurement = await sp.GetRequiredService<IndicatorsDbContext>().Measurements.SingleAsync(m => m.IndicatorId == indicatorId);
        var report = await VictimReport.CreateAsync(sp, agreement.AgreementId);
        var meeting = await VictimMeeting.CreateAsync(sp, hallingdal.Id);
        return new Dictionary<string, string>
        {
            ["memberId"] = membership.Id.ToString(),
            ["notificationId"] = notice.Id.ToString(),
            ["membershipId"] = request.Id.ToString(),
            ["invitationId"] = invitation.Value!.InvitationId.ToString(),
            ["agreementId"] = agreement.AgreementId.ToString(),
            ["milestoneId"] = agreement.MilestoneId.ToString(),
            ["requestId"] = agreement.RequestId.ToString(),
            ["costId"] = agreement.CostId.ToString(),
            ["entryId"] = hourEntry.Id.ToString(),
            ["paymentId"] = payment.Id.ToString(),
            ["fileId"] = agreement.AttachmentId.ToString(),
            ["roadmapId"] = roadmap.RoadmapId.ToString(),
            ["goalId"] = roadmap.GoalId.ToString(),
            ["partId"] = roadmap.GoalId.ToString(),
            ["actionId"] = roadmap.ActionId.ToString(),
            ["versionId"] = roadmap.VersionId.ToString(),
            ["fromVersionId"] = roadmap.VersionId.ToString(),
            ["toVersionId"] = roadmap.VersionId.ToString(),
            ["indicatorId"] = indicatorId.ToString(),
            ["measurementId"] = measurement.Id.ToString(),
            ["planId"] = agreement.AgreementId.ToString(),
            ["attachmentId"] = report.AttachmentId.ToString(),
            ["submissionId"] = report.SubmissionId.ToString(),
            ["pdfId"] = report.PdfId.ToString(),
            ["meetingId"] = meeting.MeetingId.ToString(),
            ["itemId"] = meeting.ItemId.ToString(),
            ["commentId"] = meeting.CommentId.ToString(),
            ["itemAttachmentId"] = meeting.AttachmentId.ToString(),
            ["participantId"] = meeting.ParticipantId.ToString(),
            ["minutesPdfId"] = meeting.MinutesPdfId.ToString(),
        };
    });
}
