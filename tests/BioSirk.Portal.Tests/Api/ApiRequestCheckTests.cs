using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Tests.Reporting;
using static BioSirk.Portal.Tests.Api.ApiAgreementLifecycleTests;
using static BioSirk.Portal.Tests.Api.ApiAuthenticationTests;

namespace BioSirk.Portal.Tests.Api;

/// <summary>
/// Requests a client gets wrong, answered as problem details that name the field instead of a 500 or an empty 400: null
/// rows, values of the wrong type, a body that is not JSON; and a stale If-Match on the final report's delivery and decision.
/// </summary>
public sealed class ApiRequestCheckTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task ADraftWithANullMilestoneRow_Answers400NamingTheRowsFields_AndANullWorkingGroupRowIsSkippedAsAnEmptyOne_NeverA500()
    {
        Portal.Clock.Set(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        using var kari = Portal.CreateClient().WithToken(ApiTokens.Person(hallingdal, Demo.HallingdalSecretary));

        var withNullMilestone = await TemplateAsync(kari);
        withNullMilestone["milestones"]!.AsArray().Insert(0, null);
        var refused = await kari.PostAsJsonAsync("/api/v1/agreements", withNullMilestone);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var errors = (await Json(refused)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("milestones[0].name", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("milestones[0].sharePercent", out _), errors.ToString());
        Assert.Equal(0, (await Json(await kari.GetAsync("/api/v1/agreements"))).GetProperty("total").GetInt32());

        var withNullMember = await TemplateAsync(kari);
        withNullMember["workingGroup"] = new JsonArray(null, new JsonObject { ["name"] = "Kari Nordby", ["role"] = "Prosjektleder" });
        var drafted = await kari.PostAsJsonAsync("/api/v1/agreements", withNullMember);
        Assert.True(drafted.StatusCode == HttpStatusCode.Created, await drafted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ABodyValueOfTheWrongType_Answers400NamingTheField_InNorwegianAndEnglish()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.Person(tid, Demo.HallingdalSecretary));
        var url = $"/api/v1/agreements/{agreementId}";

        var textForHours = await PostRawAsync(http, $"{url}/hours", """{"date":"2026-03-02","person":"Kari","activity":"Møte","hours":"sju"}""");
        var badDate = await PostRawAsync(http, $"{url}/costs", """{"date":"02.03.2026","supplier":"S","description":"D","amount":10}""");
        var badId = await PostRawAsync(http, $"{url}/payment-requests", """{"milestoneId":"not-a-guid","statusText":"Status"}""");
        var badRow = await PostRawAsync(http, $"{url}/hours/import", """[{"date":"2026-03-02","person":"Kari","activity":"Møte","hours":2},{"hours":true}]""");
        var notJson = await PostRawAsync(http, $"{url}/hours", "date=2026-03-02&hours=2");

        await AssertNamesAsync(textForHours, "hours");
        await AssertNamesAsync(badDate, "date");
        await AssertNamesAsync(badId, "milestoneId");
        await AssertNamesAsync(badRow, "[1].hours");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        var problem = await Json(notJson);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()), problem.ToString());
        Assert.Empty((await Json(await http.GetAsync($"{url}/hours"))).EnumerateArray());
    }

    [Fact]
    public async Task TheFinalReportsDeliveryAndDecision_WithAStaleIfMatch_Answer412_AndNothingIsDelivered_AndTheAnswerCarriesTheNewETag()
    {
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        var id = await HallingdalAgreementAsync(Portal);
        using var kari = Portal.CreateClient().WithToken(ApiTokens.Person(hallingdal, Demo.HallingdalSecretary));
        using var sigrid = Portal.CreateClient().WithToken(ApiTokens.Person(buskerud, Demo.BuskerudOfficer));
        var stale = (await kari.GetAsync($"/api/v1/agreements/{id}")).Headers.ETag!;
        Assert.Equal(HttpStatusCode.Created, (await kari.PostAsJsonAsync($"/api/v1/agreements/{id}/hours",
            new { date = "2026-03-02", person = "Kari Nordby", activity = "Møte", hours = 2m })).StatusCode);

        var refused = await SendAsync(kari, $"/api/v1/agreements/{id}/final-report/submission", Sections, stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("Signed", (await Json(await kari.GetAsync($"/api/v1/agreements/{id}/status"))).GetProperty("status").GetString());
        Assert.Equal("Draft", (await Json(await kari.GetAsync($"/api/v1/agreements/{id}/final-report"))).GetProperty("status").GetString());

        var current = (await kari.GetAsync($"/api/v1/agreements/{id}")).Headers.ETag!;
        var delivered = await SendAsync(kari, $"/api/v1/agreements/{id}/final-report/submission", Sections, current);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        var afterDelivery = (await sigrid.GetAsync($"/api/v1/agreements/{id}")).Headers.ETag!;
        Assert.Equal(afterDelivery, delivered.Headers.ETag);

        var staleDecision = await SendAsync(sigrid, $"/api/v1/agreements/{id}/final-report/decision", new { decision = "approve", version = 1 }, current);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleDecision.StatusCode);
        Assert.Equal("FinalReportSubmitted", (await Json(await sigrid.GetAsync($"/api/v1/agreements/{id}/status"))).GetProperty("status").GetString());
        var decided = await SendAsync(sigrid, $"/api/v1/agreements/{id}/final-report/decision",
            new { decision = "return", version = 1, comment = "Skriv mer om resultatene." }, afterDelivery);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal((await sigrid.GetAsync($"/api/v1/agreements/{id}")).Headers.ETag, decided.Headers.ETag);
    }

    private static readonly Dictionary<string, string> Sections = new()
    {
        ["activities"] = FinalReportSteps.CompleteSections["Input.Activities"],
        ["results"] = FinalReportSteps.CompleteSections["Input.Results"],
        ["deviations"] = FinalReportSteps.CompleteSections["Input.Deviations"],
        ["useOfFunds"] = FinalReportSteps.CompleteSections["Input.UseOfFunds"],
        ["furtherWork"] = FinalReportSteps.CompleteSections["Input.FurtherWork"],
    };

    private static async Task AssertNamesAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            && !string.IsNullOrEmpty(messages[0].GetString()), body);
        Assert.True(problem.GetProperty("errorsEnglish").TryGetProperty(field, out _), body);
    }

    private static async Task<HttpResponseMessage> PostRawAsync(HttpClient http, string url, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await http.PostAsync(url, content);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string url, object body, EntityTagHeaderValue ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(ifMatch);
        return await http.SendAsync(request);
    }
}
