using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Api.ApiAuthenticationTests;

namespace BioSirk.Portal.Tests.Api;

public sealed class ApiHoursImportTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task AnImport_RegistersEveryRow_AndTheHoursListFiltersByDate()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.App(tid, "Budget.Write"));

        var imported = await http.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/hours/import", new object[]
        {
            new { date = "2026-02-02", person = "Kari Nordmann", activity = "Kartlegging", hours = 7.5m },
            new { date = "2026-03-02", person = "Ola Nordmann", activity = "Møte", hours = 2m, comment = "Styremøte" },
        });

        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var report = await Json(imported);
        Assert.Equal(2, report.GetProperty("imported").GetInt32());
        Assert.Equal(9.5m, report.GetProperty("hours").GetDecimal());
        Assert.Equal(2, (await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/hours"))).GetArrayLength());
        var march = await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/hours?from=2026-03-01&to=2026-03-31"));
        Assert.Equal("Styremøte", Assert.Single(march.EnumerateArray()).GetProperty("comment").GetString());
        var february = await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/hours?to=2026-02-28"));
        Assert.Equal("Kari Nordmann", Assert.Single(february.EnumerateArray()).GetProperty("person").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/api/v1/agreements/{agreementId}/hours?to=28.02.2026")).StatusCode);
    }

    [Fact]
    public async Task OneWrongRow_RefusesTheWholeImport_WithTheTimesheetImportsMessages_RowByRow()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.Person(tid, Demo.HallingdalSecretary));

        var response = await http.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/hours/import", new object[]
        {
            new { date = "2026-03-02", person = "Kari Nordmann", activity = "Kartlegging", hours = 7.5m },
            new { date = "2026-03-02", person = "Kari Nordmann", activity = "Kartlegging", hours = 25m },
            new { date = "2026-03-02", person = "", activity = "Møte", hours = 1m },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response);
        Assert.Equal("2 av 3 rader må rettes", problem.GetProperty("title").GetString());
        var rows = problem.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([2, 3], rows.Select(r => r.GetProperty("row").GetInt32()));
        Assert.Equal("Timene må være mer enn 0 og høyst 24 for én dag.", rows[0].GetProperty("errors")[0].GetString());
        Assert.Equal("Hours must be more than 0 and at most 24 for one day.", rows[0].GetProperty("errorsEnglish")[0].GetString());
        Assert.Equal("Enter who did the work.", rows[1].GetProperty("errorsEnglish")[0].GetString());
        Assert.Empty((await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/hours"))).EnumerateArray());
    }

    [Fact]
    public async Task AnEmptyImport_IsRefused_AndMembersAndCounties_MayNotImport()
    {
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        var agreementId = await HallingdalAgreementAsync(Portal);
        var url = $"/api/v1/agreements/{agreementId}/hours/import";
        object[] rows = [new { date = "2026-03-02", person = "Kari", activity = "Kartlegging", hours = 1m }];

        using var secretary = Portal.CreateClient().WithToken(ApiTokens.Person(hallingdal, Demo.HallingdalSecretary));
        var empty = await secretary.PostAsJsonAsync(url, Array.Empty<object>());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await Json(empty)).GetProperty("errorsEnglish").TryGetProperty("rows", out _));
        foreach (var token in new[] { ApiTokens.Person(hallingdal, Demo.HallingdalMember), ApiTokens.App(hallingdal, "Agreements.Read"), ApiTokens.Person(buskerud, Demo.BuskerudOfficer) })
        {
            using var http = Portal.CreateClient().WithToken(token);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsJsonAsync(url, rows)).StatusCode);
        }

        Assert.Empty((await Json(await secretary.GetAsync($"/api/v1/agreements/{agreementId}/hours"))).EnumerateArray());
    }

    [Fact]
    public async Task AnImportAndACost_WithAStaleIfMatch_Answer412_AndRegisterNothing_AndTheAnswerCarriesTheNewETag()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.App(tid, "Budget.Write"));
        var stale = (await http.GetAsync($"/api/v1/agreements/{agreementId}")).Headers.ETag!;
        object[] rows = [new { date = "2026-03-02", person = "Kari", activity = "Kartlegging", hours = 1m }];
        var cost = new
        {
            date = "2026-03-02", supplier = "Hallingdal Trykk", description = "Brosjyrer", amount = 10m,
            voucher = new { fileName = "kvittering.pdf", content = Convert.ToBase64String("%PDF-1.4 kvittering"u8.ToArray()) },
        };

        var first = await PostAsync(http, $"/api/v1/agreements/{agreementId}/hours/import", rows, stale);
        var staleImport = await PostAsync(http, $"/api/v1/agreements/{agreementId}/hours/import", rows, stale);
        var staleCost = await PostAsync(http, $"/api/v1/agreements/{agreementId}/costs", cost, stale);
        var currentCost = await PostAsync(http, $"/api/v1/agreements/{agreementId}/costs", cost, first.Headers.ETag!);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleImport.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleCost.StatusCode);
        Assert.Equal(HttpStatusCode.Created, currentCost.StatusCode);
        Assert.Equal(currentCost.Headers.ETag, (await http.GetAsync($"/api/v1/agreements/{agreementId}")).Headers.ETag);
        Assert.Single((await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/hours"))).EnumerateArray());
        Assert.Equal(2, (await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/costs"))).GetArrayLength());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string url, object body, EntityTagHeaderValue ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(ifMatch);
        return await http.SendAsync(request);
    }
}
