using System.Net;
using System.Net.Http.Json;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Api.ApiAuthenticationTests;

namespace BioSirk.Portal.Tests.Api;

public sealed class ApiCostTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly string Pdf = Convert.ToBase64String("%PDF-1.4 kvittering"u8.ToArray());

    [Fact]
    public async Task ASecretary_RegistersACostWithItsVoucher_AndTheListAndTheBudgetFollow_FilteredByDate()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal); // it has a cost of kr 100 dated 01.03.2026
        using var http = Portal.CreateClient().WithToken(ApiTokens.Person(tid, Demo.HallingdalSecretary));

        var posted = await http.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/costs", new
        {
            date = "2026-03-02", supplier = "Hallingdal Trykk", description = "Brosjyrer", amount = 2500.50m,
            voucher = new { fileName = "kvittering.pdf", content = Pdf },
        });

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var all = await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/costs"));
        Assert.Equal(2, all.GetArrayLength());
        var fromTheSecond = await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/costs?from=2026-03-02&to=2026-03-31"));
        var cost = Assert.Single(fromTheSecond.EnumerateArray());
        Assert.Equal(2500.50m, cost.GetProperty("amount").GetDecimal());
        Assert.Equal("Hallingdal Trykk", cost.GetProperty("supplier").GetString());
        Assert.Equal("application/pdf", cost.GetProperty("voucher").GetProperty("contentType").GetString());
        Assert.Equal("kvittering.pdf", cost.GetProperty("voucher").GetProperty("fileName").GetString());
        var budget = (await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}"))).GetProperty("budget");
        Assert.Equal(2600.50m, budget.GetProperty("directCosts").GetDecimal());
        var bad = await http.GetAsync($"/api/v1/agreements/{agreementId}/costs?from=02.03.2026");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await Json(bad)).GetProperty("errors").TryGetProperty("from", out _));
    }

    [Fact]
    public async Task ACostWithoutAVoucher_OrWithAFileThatIsNotAVoucher_IsRefusedWithTheFormsMessages_AndNothingIsRegistered()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.App(tid, "Budget.Write"));
        var url = $"/api/v1/agreements/{agreementId}/costs";

        var missing = await http.PostAsJsonAsync(url, new { date = "2026-03-02", supplier = "", description = "Brosjyrer", amount = 0m });
        var program = await http.PostAsJsonAsync(url, new
        {
            date = "2026-03-02", supplier = "Hallingdal Trykk", description = "Brosjyrer", amount = 10m,
            voucher = new { fileName = "kvittering.pdf", content = Convert.ToBase64String("MZ\x90\0program"u8.ToArray()) },
        });
        var notBase64 = await http.PostAsJsonAsync(url, new
        {
            date = "2026-03-02", supplier = "Hallingdal Trykk", description = "Brosjyrer", amount = 10m,
            voucher = new { fileName = "kvittering.pdf", content = "%PDF-1.4 not base64!" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var problem = await Json(missing);
        Assert.Equal("Legg ved bilaget (PDF, JPEG eller PNG).", problem.GetProperty("errors").GetProperty("voucher")[0].GetString());
        Assert.Equal("Skriv inn leverandøren.", problem.GetProperty("errors").GetProperty("supplier")[0].GetString());
        Assert.Equal("Beløpet må være større enn 0.", problem.GetProperty("errors").GetProperty("amount")[0].GetString());
        Assert.Equal("The amount must be more than 0.", problem.GetProperty("errorsEnglish").GetProperty("amount")[0].GetString());
        Assert.Equal("Attach the voucher (PDF, JPEG or PNG).", problem.GetProperty("errorsEnglish").GetProperty("voucher")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, program.StatusCode);
        Assert.StartsWith("Filen er ikke en PDF, JPEG eller PNG", (await Json(program)).GetProperty("errors").GetProperty("voucher")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, notBase64.StatusCode);
        Assert.Equal("Bilaget må sendes som base64 i voucher.content.", (await Json(notBase64)).GetProperty("errors").GetProperty("voucher").EnumerateArray().Single().GetString());
        Assert.Single((await Json(await http.GetAsync(url))).EnumerateArray()); // only the agreement's own cost
    }

    [Fact]
    public async Task MembersCountiesAndReadOnlyClients_MayReadButNotRegisterCosts()
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
            Assert.Single((await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/costs"))).EnumerateArray());
            var response = await http.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/costs", new
            {
                date = "2026-03-02", supplier = "Hallingdal Trykk", description = "Brosjyrer", amount = 10m,
                voucher = new { fileName = "kvittering.pdf", content = Pdf },
            });
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var reader = Portal.CreateClient().WithToken(ApiTokens.App(hallingdal, "Indicators.Read"));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync($"/api/v1/agreements/{agreementId}/costs")).StatusCode);
    }
}
