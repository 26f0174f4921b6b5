using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Api.ApiAuthenticationTests;

namespace BioSirk.Portal.Tests.Api;

public sealed class ApiAgreementLifecycleTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task ASecretaryDraftsFromTheTemplate_BothPartiesSign_AndTheStatusTellsEachTheirNextStep()
    {
        Portal.Clock.Set(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        using var kari = Portal.CreateClient().WithToken(ApiTokens.Person(hallingdal, Demo.HallingdalSecretary));
        using var sigrid = Portal.CreateClient().WithToken(ApiTokens.Person(buskerud, Demo.BuskerudOfficer));

        var id = await DraftFromTemplateAsync(kari);

        var draft = await Json(await kari.GetAsync($"/api/v1/agreements/{id}/status"));
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal("Utkast", draft.GetProperty("statusText").GetString());
        Assert.Equal("Les gjennom utkastet, rett det som må rettes, og signer for rådet.", draft.GetProperty("nextStep").GetString());
        var forCounty = await Json(await sigrid.GetAsync($"/api/v1/agreements/{id}/status"));
        Assert.Equal("Les gjennom utkastet, rett det som må rettes, og signer for fylket.", forCounty.GetProperty("nextStep").GetString());

        var staleETag = (await sigrid.GetAsync($"/api/v1/agreements/{id}")).Headers.ETag!;
        var councilSigned = await kari.PostAsync($"/api/v1/agreements/{id}/signatures", null);
        Assert.Equal(HttpStatusCode.OK, councilSigned.StatusCode);
        var afterCouncil = await Json(councilSigned);
        Assert.True(afterCouncil.GetProperty("councilSigned").GetBoolean());
        Assert.False(afterCouncil.GetProperty("countySigned").GetBoolean());
        Assert.Equal("Dere har signert. Avtalen venter på signatur fra Buskerud fylkeskommune.", afterCouncil.GetProperty("nextStep").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await kari.PostAsync($"/api/v1/agreements/{id}/signatures", null)).StatusCode);

        // The county signs what it has read: a stale If-Match is refused, the current one goes through.
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SignAsync(sigrid, id, staleETag)).StatusCode);
        var current = (await sigrid.GetAsync($"/api/v1/agreements/{id}")).Headers.ETag!;
        var countySigned = await SignAsync(sigrid, id, current);
        Assert.Equal(HttpStatusCode.OK, countySigned.StatusCode);
        Assert.Equal("Signed", (await Json(countySigned)).GetProperty("status").GetString());

        var inForce = await Json(await kari.GetAsync($"/api/v1/agreements/{id}/status"));
        Assert.Equal("Signert (i kraft)", inForce.GetProperty("statusText").GetString());
        Assert.StartsWith("Send utbetalingsanmodning for «Ved signering» (kr 112", inForce.GetProperty("nextStep").GetString());
        var deadline = inForce.GetProperty("nextDeadline");
        Assert.Equal(new DateOnly(2026, 11, 30), DateOnly.Parse(deadline.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("30.11.2026", deadline.GetProperty("text").GetString());
    }

    [Fact]
    public async Task ASignatureIsAPersonsAct_AppTokensAndMembersAreRefused_AndNothingIsSigned()
    {
        Portal.Clock.Set(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        using var kari = Portal.CreateClient().WithToken(ApiTokens.Person(hallingdal, Demo.HallingdalSecretary));
        var id = await DraftFromTemplateAsync(kari);
        string[] refused =
        [
            ApiTokens.App(hallingdal, "Agreements.Read", "Budget.Write"),
            ApiTokens.App(buskerud, "Agreements.Read", "Budget.Write"),
            ApiTokens.Person(hallingdal, Demo.HallingdalMember),
        ];

        foreach (var token in refused)
        {
            using var http = Portal.CreateClient().WithToken(token);
            var response = await http.PostAsync($"/api/v1/agreements/{id}/signatures", null);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var app = Portal.CreateClient().WithToken(refused[0]);
        var detail = (await Json(await app.PostAsync($"/api/v1/agreements/{id}/signatures", null))).GetProperty("detail").GetString();
        Assert.Contains("En signatur er en persons handling", detail);
        var status = await Json(await kari.GetAsync($"/api/v1/agreements/{id}/status"));
        Assert.False(status.GetProperty("councilSigned").GetBoolean());
        Assert.False(status.GetProperty("countySigned").GetBoolean());
    }

    [Fact]
    public async Task ABadDraft_IsRefusedWithTheFormsMessages_InNorwegianAndEnglish_AndNothingIsDrafted()
    {
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        using var kari = Portal.CreateClient().WithToken(ApiTokens.Person(hallingdal, Demo.HallingdalSecretary));
        var body = await TemplateAsync(kari);
        body["title"] = "";
        body["frameAmount"] = null;
        body["milestones"]![0]!["trigger"] = "sometimes";
        body["milestones"]![1]!["sharePercent"] = 30m;

        var response = await kari.PostAsJsonAsync("/api/v1/agreements", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        var errors = problem.GetProperty("errors");
        Assert.Equal("Skriv inn tittelen på avtalen.", errors.GetProperty("title")[0].GetString());
        Assert.Equal("Skriv inn avtalens ramme i kroner.", errors.GetProperty("frameAmount")[0].GetString());
        Assert.Equal("Ukjent utløser. Bruk AtSigning, FinalReportApproved eller OnDate.", errors.GetProperty("milestones[0].trigger")[0].GetString());
        Assert.StartsWith("Andelene må til sammen være 100 %", errors.GetProperty("milestones")[0].GetString());
        Assert.Equal("Enter the title of the agreement.", problem.GetProperty("errorsEnglish").GetProperty("title")[0].GetString());
        var list = await Json(await kari.GetAsync("/api/v1/agreements"));
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ACountyOfficerDraftsWithACouncil_AppTokensAndMembersMayNotDraft()
    {
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        using var kari = Portal.CreateClient().WithToken(ApiTokens.Person(hallingdal, Demo.HallingdalSecretary));
        using var sigrid = Portal.CreateClient().WithToken(ApiTokens.Person(buskerud, Demo.BuskerudOfficer));
        var councilId = (await TemplateAsync(kari))["councilId"]!.GetValue<Guid>();

        var template = await TemplateAsync(sigrid, $"?councilId={councilId}");
        var unknown = template.DeepClone().AsObject();
        unknown["councilId"] = Guid.NewGuid();
        var noCouncil = await sigrid.PostAsJsonAsync("/api/v1/agreements", unknown);
        var drafted = await sigrid.PostAsJsonAsync("/api/v1/agreements", template);

        Assert.Equal(HttpStatusCode.BadRequest, noCouncil.StatusCode);
        Assert.Equal("Velg regionrådet avtalen er med.", (await Json(noCouncil)).GetProperty("errors").GetProperty("councilId")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        Assert.Equal("Regionrådet for Hallingdal", (await Json(drafted)).GetProperty("council").GetString());
        Assert.Equal(1, (await Json(await kari.GetAsync("/api/v1/agreements"))).GetProperty("total").GetInt32());

        foreach (var token in new[] { ApiTokens.App(hallingdal, "Agreements.Read", "Budget.Write"), ApiTokens.Person(hallingdal, Demo.HallingdalMember) })
        {
            using var http = Portal.CreateClient().WithToken(token);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsJsonAsync("/api/v1/agreements", template)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/v1/agreements/draft-template")).StatusCode);
        }

        Assert.Equal(1, (await Json(await kari.GetAsync("/api/v1/agreements"))).GetProperty("total").GetInt32());
    }

    /// <summary>Drafts the Missions template as it is, as the caller; returns the new agreement's id (from Location).</summary>
    internal static async Task<Guid> DraftFromTemplateAsync(HttpClient http)
    {
        var response = await http.PostAsJsonAsync("/api/v1/agreements", await TemplateAsync(http));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await Json(response)).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/agreements/{id}", response.Headers.Location!.OriginalString);
        return id;
    }

    internal static async Task<JsonObject> TemplateAsync(HttpClient http, string query = "")
    {
        var response = await http.GetAsync("/api/v1/agreements/draft-template" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    internal static async Task<HttpResponseMessage> SignAsync(HttpClient http, Guid id, EntityTagHeaderValue? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agreements/{id}/signatures");
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        return await http.SendAsync(request);
    }
}
