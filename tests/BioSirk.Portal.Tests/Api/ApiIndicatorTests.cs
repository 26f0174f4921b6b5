using System.Net;
using System.Net.Http.Json;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Api.ApiAuthenticationTests;

namespace BioSirk.Portal.Tests.Api;

public sealed class ApiIndicatorTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task ASecretary_ListsTheCouncilsIndicators_AndRegistersAMeasurement_ThatTheStatusFollows()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var indicatorId = await IndicatorAsync(); // 0 → 10 tonn in 2026, measured 1 tonn on 01.02.2026
        using var http = Portal.CreateClient().WithToken(ApiTokens.Person(tid, Demo.HallingdalSecretary));

        var posted = await http.PostAsJsonAsync($"/api/v1/indicators/{indicatorId}/measurements",
            new { date = "2026-03-01", value = 9.5m, source = "Vekta på anlegget", comment = "Godt år" });

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var measurements = await Json(await http.GetAsync($"/api/v1/indicators/{indicatorId}/measurements"));
        Assert.Equal([1m, 9.5m], measurements.EnumerateArray().Select(m => m.GetProperty("value").GetDecimal()));
        Assert.Equal("Vekta på anlegget", measurements[1].GetProperty("source").GetString());
        var march = await Json(await http.GetAsync($"/api/v1/indicators/{indicatorId}/measurements?from=2026-03-01"));
        Assert.Single(march.EnumerateArray());
        var listed = (await Json(await http.GetAsync("/api/v1/indicators"))).EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == indicatorId);
        Assert.Equal(9.5m, listed.GetProperty("latestValue").GetDecimal());
        Assert.Equal("OnTrack", listed.GetProperty("state").GetString());
        Assert.Equal("Agreement", listed.GetProperty("planKind").GetString());
    }

    [Fact]
    public async Task ABadMeasurement_IsRefusedWithTheFormsMessages_InNorwegianAndEnglish_AndNothingIsRegistered()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var indicatorId = await IndicatorAsync();
        using var http = Portal.CreateClient().WithToken(ApiTokens.App(tid, "Indicators.Write"));

        var response = await http.PostAsJsonAsync($"/api/v1/indicators/{indicatorId}/measurements",
            new { date = "2026-12-01", value = 1.23456m, source = new string('k', 201) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        Assert.StartsWith("Datoen kan ikke være fram i tid", problem.GetProperty("errors").GetProperty("date")[0].GetString());
        Assert.Equal("Tallet kan ha høyst fire desimaler.", problem.GetProperty("errors").GetProperty("value")[0].GetString());
        Assert.Equal("The number can have at most four decimals.", problem.GetProperty("errorsEnglish").GetProperty("value")[0].GetString());
        Assert.Equal("The source can have at most 200 characters.", problem.GetProperty("errorsEnglish").GetProperty("source")[0].GetString());
        Assert.Single((await Json(await http.GetAsync($"/api/v1/indicators/{indicatorId}/measurements"))).EnumerateArray());
    }

    [Fact]
    public async Task TheResponsiblePersonAndTheWriteClientMeasure_OtherMembersCountiesAndReaders_OnlyRead()
    {
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        var indicatorId = await IndicatorAsync();
        var membersOwn = await IndicatorAsync(responsible: Demo.HallingdalMember);
        var url = $"/api/v1/indicators/{indicatorId}/measurements";
        var measurement = new { date = "2026-02-15", value = 2m };

        string[] readers =
        [
            ApiTokens.Person(hallingdal, Demo.HallingdalMember),
            ApiTokens.App(hallingdal, "Indicators.Read"),
            ApiTokens.Person(buskerud, Demo.BuskerudOfficer), // the funding county reads, as on its indicator page
            ApiTokens.App(buskerud, "Indicators.Write"),
        ];
        foreach (var token in readers)
        {
            using var http = Portal.CreateClient().WithToken(token);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url)).StatusCode);
            Assert.Contains((await Json(await http.GetAsync("/api/v1/indicators"))).EnumerateArray(), i => i.GetProperty("id").GetGuid() == indicatorId);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsJsonAsync(url, measurement)).StatusCode);
        }

        using var agreementsOnly = Portal.CreateClient().WithToken(ApiTokens.App(hallingdal, "Agreements.Read", "Budget.Write"));
        Assert.Equal(HttpStatusCode.Forbidden, (await agreementsOnly.GetAsync("/api/v1/indicators")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agreementsOnly.GetAsync(url)).StatusCode);

        using var responsible = Portal.CreateClient().WithToken(ApiTokens.Person(hallingdal, Demo.HallingdalMember));
        using var writer = Portal.CreateClient().WithToken(ApiTokens.App(hallingdal, "Indicators.Write"));
        Assert.Equal(HttpStatusCode.Created, (await responsible.PostAsJsonAsync($"/api/v1/indicators/{membersOwn}/measurements", measurement)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await writer.PostAsJsonAsync(url, measurement)).StatusCode);
        Assert.Equal(2, (await Json(await writer.GetAsync(url))).GetArrayLength());
        Assert.Equal(2, (await Json(await writer.GetAsync($"/api/v1/indicators/{membersOwn}/measurements"))).GetArrayLength());
    }

    private Task<Guid> IndicatorAsync(string? responsible = null) => Portal.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PlatformDbContext>();
        var hallingdal = await db.Tenants.IgnoreQueryFilters().SingleAsync(t => t.Slug == "hallingdal");
        var person = responsible is null ? null : await db.Users.SingleAsync(u => u.Email == responsible);
        using var scope = sp.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(hallingdal.Id));
        var agreement = await Agreements.VictimAgreement.CreateAsync(sp, hallingdal.Id);
        return await CrossTenantHarnessTests.VictimIndicatorAsync(sp, agreement.AgreementId, person?.Id, person?.FullName);
    });
}
