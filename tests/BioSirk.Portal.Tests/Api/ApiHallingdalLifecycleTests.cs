using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Tests.Reporting;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Api.ApiAgreementLifecycleTests;
using static BioSirk.Portal.Tests.Api.ApiAuthenticationTests;

namespace BioSirk.Portal.Tests.Api;

/// <summary>
/// The Hallingdal reference agreement (frame kr 150 000, kr 900 an hour, milestones 75/25) through the API, as
/// <see cref="HallingdalLifecycleTests"/> takes it through the pages, to the same figures. The council's systems act with
/// Kari's and Sigrid's delegated tokens; every step is an API call, and the agreement page is only read at the end to
/// compare its figure.
/// </summary>
public sealed class ApiHallingdalLifecycleTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly byte[] PdfVoucher = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task FromDraftToSettled_WithTheFiguresOfThePages()
    {
        Portal.Clock.Set(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        using var kari = Portal.CreateClient().WithToken(ApiTokens.Person(hallingdal, Demo.HallingdalSecretary));
        using var sigrid = Portal.CreateClient().WithToken(ApiTokens.Person(buskerud, Demo.BuskerudOfficer));

        // API: draft from the template, both signatures; the first milestone becomes payable.
        var id = await DraftFromTemplateAsync(kari);
        Assert.Equal(HttpStatusCode.OK, (await SignAsync(kari, id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignAsync(sigrid, id)).StatusCode);
        var signed = await StatusAsync(kari, id);
        Assert.Equal("Signert (i kraft)", signed.GetProperty("statusText").GetString());
        Assert.Equal("Send utbetalingsanmodning for «Ved signering» (kr 112 500,00).", signed.GetProperty("nextStep").GetString());

        // API: 150 hours as 7,5-hour working days from 2 February.
        var day = new DateOnly(2026, 2, 2);
        for (var total = 150m; total > 0; total -= 7.5m, day = day.AddDays(1))
        {
            Portal.Clock.Set(AfterTheWork); // the work is done, then registered
            var posted = await kari.PostAsJsonAsync($"/api/v1/agreements/{id}/hours",
                new { date = day, person = "Kari Nordby", activity = "Mobilisering av bedrifter", hours = Math.Min(7.5m, total) });
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }

        // API: the direct cost of kr 12 345,67 with its voucher.
        var cost = await kari.PostAsJsonAsync($"/api/v1/agreements/{id}/costs", new
        {
            date = "2026-03-01", supplier = "Hallingdal Hotell AS", description = "Møteleie", amount = 12_345.67m,
            voucher = new { fileName = "faktura.pdf", content = Convert.ToBase64String(PdfVoucher) },
        });
        Assert.True(cost.StatusCode == HttpStatusCode.Created, await cost.Content.ReadAsStringAsync());
        using var kariOnPages = await Portal.SignedInAsync(Demo.HallingdalSecretary);

        var spent = await BudgetAsync(kari, id);
        Assert.Equal(150m, spent.GetProperty("hours").GetDecimal());
        Assert.Equal(135_000m, spent.GetProperty("hourCost").GetDecimal());
        Assert.Equal(12_345.67m, spent.GetProperty("directCosts").GetDecimal());
        Assert.Equal(147_345.67m, spent.GetProperty("eligible").GetDecimal());
        Assert.Equal(98.2m, Math.Round(spent.GetProperty("percentUsed").GetDecimal(), 1));

        // API: Kari requests the first milestone; Sigrid returns the request once, Kari sends it again, and Sigrid
        // approves it and registers the payment, conditional on the agreement she read.
        var first = (await Json(await sigrid.GetAsync($"/api/v1/agreements/{id}/milestones")))[0];
        Assert.Equal(112_500m, first.GetProperty("amount").GetDecimal());
        var firstRequest = await RequestPaymentAsync(kari, id, first.GetProperty("id").GetGuid(), "Oppstart.");
        var returnedRequest = await sigrid.PostAsJsonAsync($"/api/v1/agreements/{id}/payment-requests/{firstRequest}/decision",
            new { decision = "return", comment = "Skriv hvilke bedrifter som er med." });
        Assert.Equal(HttpStatusCode.OK, returnedRequest.StatusCode);
        Assert.Equal("Returned", Assert.Single((await Json(returnedRequest)).EnumerateArray()).GetProperty("status").GetString());
        await ApproveAsync(sigrid, id, await RequestPaymentAsync(kari, id, first.GetProperty("id").GetGuid(), "Oppstart gjennomført med tolv bedrifter."));
        Assert.Equal(HttpStatusCode.Created, (await PayAsync(sigrid, id, first.GetProperty("id").GetGuid(), "2026-01-27", 112_500m, "BFK-2026-0117")).StatusCode);
        Assert.Equal(112_500m, (await BudgetAsync(kari, id)).GetProperty("paid").GetDecimal());

        // API: the council delivers the final report; the county returns it once, then approves the new version.
        // (a retry with the same Idempotency-Key, as after a lost answer, delivers nothing twice)
        var key = Guid.NewGuid().ToString();
        var submitted = await DeliverAsync(kari, id, key);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var retried = await DeliverAsync(kari, id, key);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(1, (await Json(retried)).GetProperty("version").GetInt32());
        var delivered = await Json(submitted);
        Assert.Equal(1, delivered.GetProperty("version").GetInt32());
        Assert.Equal("FinalReportSubmitted", delivered.GetProperty("agreement").GetProperty("status").GetString());
        var returned = await sigrid.PostAsJsonAsync($"/api/v1/agreements/{id}/final-report/decision",
            new { decision = "return", version = 1, sectionComments = new { useOfFunds = "Skriv hva møteleien gjaldt." } });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal("Signed", (await Json(returned)).GetProperty("agreement").GetProperty("status").GetString());
        var again = await kari.PostAsJsonAsync($"/api/v1/agreements/{id}/final-report/submission",
            Sections with { UseOfFunds = "Timene gikk til mobilisering; møteleie for tolv bedriftsmøter er eneste direkte kostnad." });
        Assert.Equal(2, (await Json(again)).GetProperty("version").GetInt32());
        var stale = await sigrid.PostAsJsonAsync($"/api/v1/agreements/{id}/final-report/decision", new { decision = "approve", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var approved = await sigrid.PostAsJsonAsync($"/api/v1/agreements/{id}/final-report/decision", new { decision = "approve", version = 2 });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        // The figures of the page-based lifecycle: eligible 147 345,67, paid 112 500,00, final payment 34 845,67.
        var settled = await BudgetAsync(kari, id);
        Assert.Equal(147_345.67m, settled.GetProperty("eligible").GetDecimal());
        Assert.Equal(112_500m, settled.GetProperty("paid").GetDecimal());
        Assert.Equal(34_845.67m, settled.GetProperty("remainder").GetDecimal());
        var status = await StatusAsync(kari, id);
        Assert.Equal("Sluttrapport godkjent", status.GetProperty("statusText").GetString());
        Assert.Equal("Send utbetalingsanmodning for «Sluttoppgjør når sluttrapport og sluttfaktura med alle bilag er levert og godkjent» (kr 34 845,67).",
            status.GetProperty("nextStep").GetString());
        Assert.Contains("kr 34 845,67", HallingdalLifecycleTests.Row(await kariOnPages.GetPageAsync(CouncilUrl(id)), "milestones", "Sluttoppgjør"));
        var report = await Json(await kari.GetAsync($"/api/v1/agreements/{id}/final-report"));
        Assert.Equal(["Approved", "Returned"], report.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("decision").GetString()));

        // The approved version's PDF, printed by the worker, downloaded through the API.
        await FinalReportSteps.RunQueuedPdfJobsAsync(Portal);
        var pdf = await kari.GetAsync($"/api/v1/agreements/{id}/final-report/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4]);

        // API: Kari requests the final settlement, Sigrid pays it, and the agreement is settled.
        var last = (await Json(await sigrid.GetAsync($"/api/v1/agreements/{id}/milestones")))[1];
        Assert.Equal(34_845.67m, last.GetProperty("amount").GetDecimal());
        await ApproveAsync(sigrid, id, await RequestPaymentAsync(kari, id, last.GetProperty("id").GetGuid(), "Sluttfaktura med alle bilag."));
        Assert.Equal(HttpStatusCode.Created, (await PayAsync(sigrid, id, last.GetProperty("id").GetGuid(), "2026-02-02", 34_845.67m, "BFK-2026-0999")).StatusCode);
        var final = await StatusAsync(kari, id);
        Assert.Equal("Avsluttet (utløpt)", final.GetProperty("statusText").GetString());
        Assert.Null(final.GetProperty("nextDeadline").GetString());
        var closed = await BudgetAsync(kari, id);
        Assert.Equal(147_345.67m, closed.GetProperty("paid").GetDecimal());
        Assert.Equal(0m, closed.GetProperty("remainder").GetDecimal());
    }

    /// <summary>The county approves a request, as with «Godkjenn» on the page: a payment is registered on an approved request.</summary>
    private static async Task ApproveAsync(HttpClient county, Guid id, Guid requestId) =>
        Assert.Equal(HttpStatusCode.OK, (await county.PostAsJsonAsync($"/api/v1/agreements/{id}/payment-requests/{requestId}/decision", new { decision = "approve" })).StatusCode);

    /// <summary>The council's system requests a milestone; returns the new request's id.</summary>
    private static async Task<Guid> RequestPaymentAsync(HttpClient council, Guid id, Guid milestoneId, string status)
    {
        var sent = await council.PostAsJsonAsync($"/api/v1/agreements/{id}/payment-requests", new { milestoneId, statusText = status });
        Assert.True(sent.StatusCode == HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());
        var waiting = Assert.Single((await Json(sent)).EnumerateArray(), r => r.GetProperty("status").GetString() == "Sent");
        Assert.Equal(milestoneId, waiting.GetProperty("milestoneId").GetGuid());
        return waiting.GetProperty("id").GetGuid();
    }

    private static async Task<HttpResponseMessage> DeliverAsync(HttpClient council, Guid id, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agreements/{id}/final-report/submission") { Content = JsonContent.Create(Sections) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await council.SendAsync(request);
    }

    /// <summary>Registers a payment as the county's system does: with If-Match of the agreement as just read.</summary>
    private static async Task<HttpResponseMessage> PayAsync(HttpClient county, Guid id, Guid milestoneId, string date, decimal amount, string reference)
    {
        var etag = (await county.GetAsync($"/api/v1/agreements/{id}")).Headers.ETag!;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agreements/{id}/payments")
        {
            Content = JsonContent.Create(new { milestoneId, date, amount, reference }),
        };
        request.Headers.IfMatch.Add(etag);
        return await county.SendAsync(request);
    }

    [Fact]
    public async Task TheFinalReport_IsDeliveredBySecretariesAndDecidedByCountyOfficers_PeopleOnly()
    {
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        var id = await HallingdalAgreementAsync(Portal);
        using var kari = Portal.CreateClient().WithToken(ApiTokens.Person(hallingdal, Demo.HallingdalSecretary));
        using var sigrid = Portal.CreateClient().WithToken(ApiTokens.Person(buskerud, Demo.BuskerudOfficer));
        string[] mayNotSubmit =
        [
            ApiTokens.App(hallingdal, "Agreements.Read", "Budget.Write"),
            ApiTokens.Person(hallingdal, Demo.HallingdalMember),
            ApiTokens.Person(buskerud, Demo.BuskerudOfficer),
        ];
        foreach (var token in mayNotSubmit)
        {
            using var http = Portal.CreateClient().WithToken(token);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsJsonAsync($"/api/v1/agreements/{id}/final-report/submission", Sections)).StatusCode);
        }

        var incomplete = await kari.PostAsJsonAsync($"/api/v1/agreements/{id}/final-report/submission", Sections with { Deviations = "" });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var problem = await Json(incomplete);
        Assert.Equal("Beskriv avvikene, eller skriv «Ingen avvik».", problem.GetProperty("errors").GetProperty("deviations")[0].GetString());
        Assert.Equal("Describe the deviations, or write “No deviations”.", problem.GetProperty("errorsEnglish").GetProperty("deviations")[0].GetString());
        // Without sections, the delivery takes what is written (here: saved by the refused call, still without deviations).
        var asWritten = await kari.PostAsync($"/api/v1/agreements/{id}/final-report/submission", null);
        Assert.Equal(HttpStatusCode.BadRequest, asWritten.StatusCode);
        Assert.True((await Json(asWritten)).GetProperty("errors").TryGetProperty("deviations", out _));
        Assert.Equal(HttpStatusCode.OK, (await kari.PostAsJsonAsync($"/api/v1/agreements/{id}/final-report/submission", Sections)).StatusCode);

        foreach (var token in new[] { ApiTokens.App(buskerud, "Agreements.Read", "Budget.Write"), ApiTokens.Person(hallingdal, Demo.HallingdalSecretary) })
        {
            using var http = Portal.CreateClient().WithToken(token);
            Assert.Equal(HttpStatusCode.Forbidden,
                (await http.PostAsJsonAsync($"/api/v1/agreements/{id}/final-report/decision", new { decision = "approve", version = 1 })).StatusCode);
        }

        var unclear = await sigrid.PostAsJsonAsync($"/api/v1/agreements/{id}/final-report/decision", new { decision = "maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, unclear.StatusCode);
        var errors = (await Json(unclear)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("decision", out _));
        Assert.True(errors.TryGetProperty("version", out _));
        var noComment = await sigrid.PostAsJsonAsync($"/api/v1/agreements/{id}/final-report/decision", new { decision = "return", version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.True((await Json(noComment)).GetProperty("errors").TryGetProperty("comment", out _));
        Assert.Equal("FinalReportSubmitted", (await StatusAsync(kari, id)).GetProperty("status").GetString());
    }

    private static readonly SectionsBody Sections = new(
        FinalReportSteps.CompleteSections["Input.Activities"], FinalReportSteps.CompleteSections["Input.Results"],
        FinalReportSteps.CompleteSections["Input.Deviations"], FinalReportSteps.CompleteSections["Input.UseOfFunds"],
        FinalReportSteps.CompleteSections["Input.FurtherWork"]);

    private sealed record SectionsBody(string Activities, string Results, string Deviations, string UseOfFunds, string FurtherWork);

    private static async Task<JsonElement> StatusAsync(HttpClient http, Guid id) => await Json(await http.GetAsync($"/api/v1/agreements/{id}/status"));

    private static async Task<JsonElement> BudgetAsync(HttpClient http, Guid id) =>
        (await Json(await http.GetAsync($"/api/v1/agreements/{id}"))).GetProperty("budget");
}
