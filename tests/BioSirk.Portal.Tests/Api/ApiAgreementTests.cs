using System.Net;
using System.Net.Http.Json;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Api.ApiAuthenticationTests;

namespace BioSirk.Portal.Tests.Api;

public sealed class ApiAgreementTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task ASecretary_RegistersHours_AndTheAgreementsFiguresAndETagFollow()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.Person(tid, Demo.HallingdalSecretary));
        var before = await http.GetAsync($"/api/v1/agreements/{agreementId}");
        var etag = before.Headers.ETag!;

        var posted = await http.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/hours",
            new { date = "2026-03-02", person = "Kari Nordmann", activity = "Kartlegging", hours = 7.5m });

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var hours = await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/hours"));
        var row = Assert.Single(hours.EnumerateArray());
        Assert.Equal(7.5m, row.GetProperty("hours").GetDecimal());
        Assert.Equal((900m, 6750m), (row.GetProperty("hourRate").GetDecimal(), row.GetProperty("amount").GetDecimal()));
        Assert.Equal("Kari Nordmann", row.GetProperty("person").GetString());
        var after = await http.GetAsync($"/api/v1/agreements/{agreementId}");
        var budget = (await Json(after)).GetProperty("budget");
        Assert.Equal(6750m, budget.GetProperty("hourCost").GetDecimal()); // 7,5 × kr 900
        Assert.NotEqual(etag, after.Headers.ETag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/agreements/{agreementId}");
        conditional.Headers.IfNoneMatch.Add(after.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task BadHours_AreRefusedWithTheFormsMessages_PerField_InNorwegianAndEnglish_AndNothingIsRegistered()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.App(tid, "Budget.Write"));

        var response = await http.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/hours",
            new { date = "2026-03-02", person = "", activity = "Kartlegging", hours = 25m });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response);
        Assert.Equal("Timene må være mer enn 0 og høyst 24 for én dag.", problem.GetProperty("errors").GetProperty("hours")[0].GetString());
        Assert.Equal("Skriv inn hvem som har arbeidet.", problem.GetProperty("errors").GetProperty("person")[0].GetString());
        Assert.Equal("Hours must be more than 0 and at most 24 for one day.",
            problem.GetProperty("errorsEnglish").GetProperty("hours")[0].GetString());
        Assert.Empty((await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/hours"))).EnumerateArray());
    }

    [Fact]
    public async Task MembersCountiesAndReadOnlyClients_MayNotRegisterHours()
    {
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        var agreementId = await HallingdalAgreementAsync(Portal);
        string[] tokens =
        [
            ApiTokens.Person(hallingdal, Demo.HallingdalMember),
            ApiTokens.App(hallingdal, "Agreements.Read"),
            ApiTokens.Person(buskerud, Demo.BuskerudOfficer),
            ApiTokens.App(buskerud, "Budget.Write"),
        ];

        foreach (var token in tokens)
        {
            using var http = Portal.CreateClient().WithToken(token);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v1/agreements/{agreementId}/hours")).StatusCode);
            var response = await http.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/hours",
                new { date = "2026-03-02", person = "Kari", activity = "Kartlegging", hours = 1m });
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task TheList_PagesAndFiltersByStatusAndPeriod_WithLinks()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        await HallingdalAgreementAsync(Portal);
        await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.App(tid, "Agreements.Read"));

        var first = await http.GetAsync("/api/v1/agreements?pageSize=1&status=signed");
        var drafts = await Json(await http.GetAsync("/api/v1/agreements?status=Draft"));
        var later = await Json(await http.GetAsync("/api/v1/agreements?from=2027-01-01"));
        var bad = await http.GetAsync("/api/v1/agreements?status=nonsense&from=01.01.2026");

        var page = await Json(first);
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Contains("page=2", first.Headers.GetValues("Link").Single());
        Assert.Equal(0, drafts.GetProperty("total").GetInt32());
        Assert.Equal(0, later.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("status", out _));
        Assert.True(errors.TryGetProperty("from", out _));
    }
}
