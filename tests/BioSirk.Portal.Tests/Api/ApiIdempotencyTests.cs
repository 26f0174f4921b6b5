using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BioSirk.Portal.Platform.Features.Idempotency;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Api.ApiAuthenticationTests;

namespace BioSirk.Portal.Tests.Api;

/// <summary>Idempotency-Key on the API's POSTs: a retry gets the first answer and registers nothing again.</summary>
public sealed class ApiIdempotencyTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly object[] TwoRows =
    [
        new { date = "2026-03-02", person = "Kari Nordmann", activity = "Kartlegging", hours = 7.5m },
        new { date = "2026-03-02", person = "Ola Nordmann", activity = "Møte", hours = 2m },
    ];

    /// <summary>Other hours than <see cref="TwoRows"/>: the same rows again would be skipped as registered already.</summary>
    private static readonly object[] TwoOtherRows =
    [
        new { date = "2026-02-27", person = "Kari Nordmann", activity = "Kartlegging", hours = 7.5m },
        new { date = "2026-02-27", person = "Ola Nordmann", activity = "Møte", hours = 2m },
    ];

    [Fact]
    public async Task ARetriedImport_WithTheSameKey_GetsTheFirstAnswerAgain_AndRegistersTheHoursOnce()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.App(tid, "Budget.Write"));
        var url = $"/api/v1/agreements/{agreementId}/hours/import";

        var first = await PostAsync(http, url, TwoRows, "import-2026-03-02");
        var retry = await PostAsync(http, url, TwoRows, "import-2026-03-02");
        var withoutKey = await http.PostAsJsonAsync(url, TwoOtherRows);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("application/json", retry.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Created, withoutKey.StatusCode); // no key: a new import, as before
        Assert.Equal(4, (await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/hours"))).GetArrayLength());
    }

    [Fact]
    public async Task IdenticalImportsAtTheSameMoment_RegisterOnce_AndEachGetsTheSameAnswer()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.Person(tid, Demo.HallingdalSecretary));
        var url = $"/api/v1/agreements/{agreementId}/hours/import";

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync(http, url, TwoRows, "same-moment")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(5, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
        Assert.Single((await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()))).Distinct());
        Assert.Equal(2, (await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/hours"))).GetArrayLength());
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBody_Answers422_AndRegistersNothing()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.App(tid, "Budget.Write"));
        var url = $"/api/v1/agreements/{agreementId}/hours/import";

        await PostAsync(http, url, TwoRows, "key-1");
        var other = await PostAsync(http, url, TwoRows.Take(1).ToArray(), "key-1");
        var otherRoute = await PostAsync(http, $"/api/v1/agreements/{agreementId}/hours", TwoRows[0], "key-1");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Idempotency-Key", (await Json(other)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherRoute.StatusCode);
        Assert.Equal(2, (await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/hours"))).GetArrayLength());
    }

    [Fact]
    public async Task AnotherClientsSameKey_IsItsOwn()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var app = Portal.CreateClient().WithToken(ApiTokens.App(tid, "Budget.Write"));
        using var secretary = Portal.CreateClient().WithToken(ApiTokens.Person(tid, Demo.HallingdalSecretary));
        var url = $"/api/v1/agreements/{agreementId}/hours/import";

        var byApp = await PostAsync(app, url, TwoRows, "shared-key");
        var bySecretary = await PostAsync(secretary, url, TwoOtherRows, "shared-key");
        var bySecretaryWithAnotherToken = await PostAsync(
            Portal.CreateClient().WithToken(ApiTokens.Person(tid, Demo.HallingdalSecretary)), url, TwoOtherRows, "shared-key");

        Assert.Equal(HttpStatusCode.Created, byApp.StatusCode);
        Assert.Equal(HttpStatusCode.Created, bySecretary.StatusCode);
        Assert.False(bySecretary.Headers.Contains("Idempotent-Replayed"));
        Assert.True(bySecretaryWithAnotherToken.Headers.Contains("Idempotent-Replayed")); // the same person, a new token
        Assert.Equal(4, (await Json(await app.GetAsync($"/api/v1/agreements/{agreementId}/hours"))).GetArrayLength());
    }

    [Fact]
    public async Task ARefusalIsKeptToo_AKeyExpiresAfterADay_AndTheNightlyJobDeletesIt()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.App(tid, "Budget.Write"));
        var url = $"/api/v1/agreements/{agreementId}/hours";
        var body = new { date = "2026-03-02", person = "Kari Nordmann", activity = "Kartlegging", hours = 7.5m };

        var tooLong = await PostAsync(http, url, body, new string('x', 201));
        await PostAsync(http, url, body, "daily");
        Portal.Clock.Advance(TimeSpan.FromHours(25));
        var deleted = await Portal.WithScopeAsync(sp => sp.GetRequiredService<DeleteExpiredIdempotencyKeys>().RunAsync());
        var afterADay = await PostAsync(http, url, body, "daily");

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await Json(tooLong)).GetProperty("errorsEnglish").TryGetProperty("idempotencyKey", out _));
        Assert.Equal(1, deleted);
        Assert.Equal(HttpStatusCode.Created, afterADay.StatusCode);
        Assert.False(afterADay.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, (await Json(await http.GetAsync(url))).GetArrayLength());
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheKey_OnEveryPost()
    {
        using var http = Portal.CreateClient();

        var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement;

        var posts = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name == "post").Select(o => (Path: p.Name, Operation: o.Value))).ToList();
        Assert.True(posts.Count >= 4, string.Join(", ", posts.Select(p => p.Path)));
        Assert.All(posts, p =>
        {
            var header = p.Operation.GetProperty("parameters").EnumerateArray().Single(x => x.GetProperty("name").GetString() == "Idempotency-Key");
            Assert.Equal("header", header.GetProperty("in").GetString());
            Assert.True(p.Operation.GetProperty("responses").TryGetProperty("422", out _), p.Path);
        });
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string url, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await http.SendAsync(request);
    }
}
