using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Api.ApiAuthenticationTests;

namespace BioSirk.Portal.Tests.Api;

/// <summary>
/// Writes on an agreement with If-Match: a stale ETag (the agreement changed since the client read it) answers 412 and
/// changes nothing; the current one (or *) goes through and the answer carries the new ETag.
/// </summary>
public sealed class ApiIfMatchTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly object SomeHours = new { date = "2026-03-02", person = "Kari Nordmann", activity = "Kartlegging", hours = 2m };

    [Fact]
    public async Task Hours_WithAStaleIfMatch_Answer412InNorwegianAndEnglish_AndNothingIsRegistered_AndWithTheCurrentOneGoThrough()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.Person(tid, Demo.HallingdalSecretary));
        var stale = (await http.GetAsync($"/api/v1/agreements/{agreementId}")).Headers.ETag!;
        var changed = await PostAsync(http, $"/api/v1/agreements/{agreementId}/hours", SomeHours, stale);
        Assert.Equal(HttpStatusCode.Created, changed.StatusCode);

        var refused = await PostAsync(http, $"/api/v1/agreements/{agreementId}/hours", SomeHours, stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await Json(refused);
        Assert.StartsWith("Avtalen er endret siden du hentet den", problem.GetProperty("detail").GetString());
        Assert.StartsWith("The agreement has changed since you fetched it", problem.GetProperty("detailEnglish").GetString());
        Assert.Single((await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/hours"))).EnumerateArray());

        var current = (await http.GetAsync($"/api/v1/agreements/{agreementId}")).Headers.ETag!;
        Assert.Equal(current, changed.Headers.ETag);
        var fresh = await PostAsync(http, $"/api/v1/agreements/{agreementId}/hours", SomeHours, current);
        var anything = await PostAsync(http, $"/api/v1/agreements/{agreementId}/hours", SomeHours, EntityTagHeaderValue.Any);
        Assert.Equal(HttpStatusCode.Created, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Created, anything.StatusCode);
        Assert.Equal(3, (await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/hours"))).GetArrayLength());
    }

    [Fact]
    public async Task APayment_WithAStaleIfMatch_Answers412_AndNothingIsRegistered_AndWithTheCurrentOneIsRegistered()
    {
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var county = Portal.CreateClient().WithToken(ApiTokens.App(buskerud, "Payments.Write"));
        using var council = Portal.CreateClient().WithToken(ApiTokens.App(hallingdal, "Budget.Write"));
        var request = (await Json(await county.GetAsync($"/api/v1/agreements/{agreementId}/payment-requests")))[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await county.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/payment-requests/{request}/decision", new { decision = "approve" })).StatusCode);
        var stale = (await county.GetAsync($"/api/v1/agreements/{agreementId}")).Headers.ETag!;
        Assert.Equal(HttpStatusCode.Created, (await council.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/hours", SomeHours)).StatusCode);
        var milestoneId = (await Json(await county.GetAsync($"/api/v1/agreements/{agreementId}/milestones")))[0].GetProperty("id").GetGuid();
        var payment = new { milestoneId, date = "2026-03-05", amount = 112500m, reference = "BFK-1" };

        var refused = await PostAsync(county, $"/api/v1/agreements/{agreementId}/payments", payment, stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Empty((await Json(await county.GetAsync($"/api/v1/agreements/{agreementId}/payments"))).EnumerateArray());
        Assert.Equal("Requested", (await Json(await county.GetAsync($"/api/v1/agreements/{agreementId}/milestones")))[0].GetProperty("status").GetString());

        var current = (await county.GetAsync($"/api/v1/agreements/{agreementId}")).Headers.ETag!;
        var registered = await PostAsync(county, $"/api/v1/agreements/{agreementId}/payments", payment, current);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Single((await Json(await county.GetAsync($"/api/v1/agreements/{agreementId}/payments"))).EnumerateArray());
    }

    [Fact]
    public async Task AStaleIfMatch_DoesNotTurnAnotherCouncilsNotFoundOrAForbiddenWriteInto412()
    {
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var hadeland = await ApiTokens.ConnectAsync(Portal, "hadeland");
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var member = Portal.CreateClient().WithToken(ApiTokens.Person(hallingdal, Demo.HallingdalMember));
        using var attacker = Portal.CreateClient().WithToken(ApiTokens.Person(hadeland, Demo.HadelandSecretary));
        var stale = new EntityTagHeaderValue("\"0000\"");

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(member, $"/api/v1/agreements/{agreementId}/hours", SomeHours, stale)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(attacker, $"/api/v1/agreements/{agreementId}/hours", SomeHours, stale)).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string url, object body, EntityTagHeaderValue ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(ifMatch);
        return await http.SendAsync(request);
    }
}
