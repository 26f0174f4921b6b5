using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Api.ApiAuthenticationTests;

namespace BioSirk.Portal.Tests.Api;

/// <summary>
/// Payment milestones and payments through the API: the county registers a payment with the same use case and rule
/// as the payment form on the agreement page (only on a requested milestone or a repayment claim).
/// </summary>
public sealed class ApiPaymentTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task TheCountysOfficer_RegistersThePaymentOfTheApprovedRequest_AsTheFormDoes()
    {
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.Person(buskerud, Demo.BuskerudOfficer));
        await ApproveRequestAsync(http, agreementId);
        var milestones = await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/milestones"));
        var first = milestones[0];
        Assert.Equal("Requested", first.GetProperty("status").GetString());
        Assert.Equal("anmodet", first.GetProperty("statusText").GetString());
        Assert.Equal("AtSigning", first.GetProperty("trigger").GetString());
        Assert.True(first.GetProperty("awaitsPayment").GetBoolean());
        Assert.Equal(0m, first.GetProperty("paid").GetDecimal());
        Assert.Equal("Waiting", milestones[milestones.GetArrayLength() - 1].GetProperty("status").GetString());
        var amount = first.GetProperty("amount").GetDecimal();

        var posted = await http.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/payments",
            new { milestoneId = first.GetProperty("id").GetGuid(), date = "2026-03-05", amount, reference = "BFK-2026-0117" });

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var payment = Assert.Single((await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/payments"))).EnumerateArray());
        Assert.Equal(amount, payment.GetProperty("amount").GetDecimal());
        Assert.Equal("BFK-2026-0117", payment.GetProperty("reference").GetString());
        Assert.Equal(new DateOnly(2026, 3, 5), DateOnly.Parse(payment.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var paid = (await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/milestones")))[0];
        Assert.Equal("Paid", paid.GetProperty("status").GetString());
        Assert.Equal(amount, paid.GetProperty("paid").GetDecimal());
        var agreement = await http.GetAsync($"/api/v1/agreements/{agreementId}");
        Assert.Equal(amount, (await Json(agreement)).GetProperty("budget").GetProperty("paid").GetDecimal());
        Assert.Equal(agreement.Headers.ETag, posted.Headers.ETag);
        Assert.Equal(PaymentRequestStatus.Approved, (await RequestAsync(agreementId)).Status);
    }

    [Fact]
    public async Task TheCountysDaemonClient_WithPaymentsWrite_RegistersAPayment_AndASecondOneIsRefused()
    {
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.App(buskerud, "Payments.Write"));
        await ApproveRequestAsync(http, agreementId);
        var milestoneId = (await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/milestones")))[0].GetProperty("id").GetGuid();
        var payment = new { milestoneId, date = "2026-03-05", amount = 112500m, reference = "BFK-1" };

        var first = await http.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/payments", payment);
        var again = await http.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/payments", payment);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Denne utbetalingen er allerede registrert som betalt.", (await Json(again)).GetProperty("detail").GetString());
        Assert.Single((await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/payments"))).EnumerateArray());
    }

    [Fact]
    public async Task BadPayments_AreRefusedWithTheFormsMessages_InNorwegianAndEnglish_AndNothingIsRegistered()
    {
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.Person(buskerud, Demo.BuskerudOfficer));
        await ApproveRequestAsync(http, agreementId);
        var milestoneId = (await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/milestones")))[0].GetProperty("id").GetGuid();

        var bad = await http.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/payments", new { milestoneId, amount = 0.001m, reference = " " });
        var unknown = await http.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/payments",
            new { milestoneId = Guid.NewGuid(), date = "2026-03-05", amount = 1m, reference = "R" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = await Json(bad);
        Assert.Equal("Skriv inn betalingsdatoen (dd.mm.åååå).", problem.GetProperty("errors").GetProperty("date")[0].GetString());
        Assert.Equal("Beløpet kan ha høyst to desimaler (hele øre).", problem.GetProperty("errors").GetProperty("amount")[0].GetString());
        Assert.Equal("Enter a reference, for example the voucher number in the accounting system.",
            problem.GetProperty("errorsEnglish").GetProperty("reference")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("The agreement has no payment milestone with this id. See /milestones.",
            (await Json(unknown)).GetProperty("errorsEnglish").GetProperty("milestoneId")[0].GetString());
        Assert.Empty((await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/payments"))).EnumerateArray());
    }

    [Fact]
    public async Task AMilestoneTheCouncilHasNotRequested_OrThatIsNotTriggered_CannotBePaid_AsOnThePage()
    {
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        var agreementId = await HallingdalAgreementAsync(Portal);
        await ReturnRequestAsync(agreementId); // the milestone is payable again, but not requested
        using var http = Portal.CreateClient().WithToken(ApiTokens.Person(buskerud, Demo.BuskerudOfficer));
        var milestones = await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/milestones"));
        Assert.Equal("Payable", milestones[0].GetProperty("status").GetString());
        Assert.False(milestones[0].GetProperty("awaitsPayment").GetBoolean());

        var notRequested = await PayAsync(http, agreementId, milestones[0]);
        var waiting = await PayAsync(http, agreementId, milestones[milestones.GetArrayLength() - 1]);

        Assert.Equal(HttpStatusCode.Conflict, notRequested.StatusCode);
        Assert.Equal("Rådet har ikke sendt utbetalingsanmodning for denne utbetalingen ennå.", (await Json(notRequested)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, waiting.StatusCode);
        Assert.Equal("Denne utbetalingen er ikke utløst ennå.", (await Json(waiting)).GetProperty("detail").GetString());
        Assert.Empty((await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/payments"))).EnumerateArray());
    }

    [Fact]
    public async Task APaymentOnARequestThatWaitsForTheCountysDecision_IsRefused_AndApprovesNothing()
    {
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.Person(buskerud, Demo.BuskerudOfficer));
        var first = (await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/milestones")))[0];
        Assert.Equal("Requested", first.GetProperty("status").GetString());
        Assert.False(first.GetProperty("awaitsPayment").GetBoolean()); // the request waits for its decision first

        var refused = await PayAsync(http, agreementId, first);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(PaymentRequests.RequestNotApproved, (await Json(refused)).GetProperty("detail").GetString());
        var request = await RequestAsync(agreementId);
        Assert.Equal(PaymentRequestStatus.Sent, request.Status);
        Assert.Null(request.DecidedBy);
        Assert.Empty((await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/payments"))).EnumerateArray());

        // Approved, it is paid; a short payment, confirmed, is what the milestone says was paid.
        await ApproveRequestAsync(http, agreementId);
        Assert.True((await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/milestones")))[0].GetProperty("awaitsPayment").GetBoolean());
        var shortPayment = await http.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/payments",
            new { milestoneId = first.GetProperty("id").GetGuid(), date = "2026-03-05", amount = 100000m, reference = "BFK-1", confirmsDeviation = true });
        Assert.Equal(HttpStatusCode.Created, shortPayment.StatusCode);
        var paid = (await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/milestones")))[0];
        Assert.Equal(112_500m, paid.GetProperty("amount").GetDecimal());
        Assert.Equal(100_000m, paid.GetProperty("paid").GetDecimal());
    }

    [Fact]
    public async Task TheCouncilAndClientsWithoutPaymentsWrite_Get403_AndAnotherCountysOfficer404_AndNothingIsRegistered()
    {
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        var innlandet = await ApiTokens.ConnectAsync(Portal, "innlandet", county: true);
        var agreementId = await HallingdalAgreementAsync(Portal);
        string[] forbidden =
        [
            ApiTokens.Person(hallingdal, Demo.HallingdalSecretary),
            ApiTokens.App(hallingdal, "Agreements.Read", "Budget.Write", "Payments.Write"),
            ApiTokens.App(buskerud, "Agreements.Read"),
        ];
        using var reader = Portal.CreateClient().WithToken(ApiTokens.Person(hallingdal, Demo.HallingdalMember));
        var milestone = (await Json(await reader.GetAsync($"/api/v1/agreements/{agreementId}/milestones")))[0];

        foreach (var token in forbidden)
        {
            using var http = Portal.CreateClient().WithToken(token);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v1/agreements/{agreementId}/payments")).StatusCode);
            var refused = await PayAsync(http, agreementId, milestone);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        using var otherCounty = Portal.CreateClient().WithToken(ApiTokens.Person(innlandet, Demo.InnlandetOfficer));
        var notFound = await PayAsync(otherCounty, agreementId, milestone);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.DoesNotContain("Hallingdal", await notFound.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await otherCounty.GetAsync($"/api/v1/agreements/{agreementId}/milestones")).StatusCode);
        Assert.Empty((await Json(await reader.GetAsync($"/api/v1/agreements/{agreementId}/payments"))).EnumerateArray());
    }

    [Fact]
    public async Task OnlyTheCouncilsSecretarySendsPaymentRequests_AndOnlyTheCountyDecidesThem_WithTheFormsRules()
    {
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var kari = Portal.CreateClient().WithToken(ApiTokens.Person(hallingdal, Demo.HallingdalSecretary));
        using var member = Portal.CreateClient().WithToken(ApiTokens.Person(hallingdal, Demo.HallingdalMember));
        using var sigrid = Portal.CreateClient().WithToken(ApiTokens.Person(buskerud, Demo.BuskerudOfficer));
        var requested = await RequestAsync(agreementId); // the victim agreement's first milestone is requested already
        var send = new { milestoneId = requested.MilestoneId, statusText = "Oppstart." };
        var decision = $"/api/v1/agreements/{agreementId}/payment-requests/{requested.Id}/decision";

        Assert.Equal(HttpStatusCode.Forbidden, (await sigrid.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/payment-requests", send)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/payment-requests", send)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kari.PostAsJsonAsync(decision, new { decision = "approve" })).StatusCode);
        var twice = await kari.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/payment-requests", send);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("Det er allerede sendt en anmodning for denne utbetalingen. Vent på svar fra fylket.", (await Json(twice)).GetProperty("detail").GetString());
        var noComment = await sigrid.PostAsJsonAsync(decision, new { decision = "return" });
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Equal("Skriv hva rådet må rette før anmodningen sendes på nytt.", (await Json(noComment)).GetProperty("errors").GetProperty("comment")[0].GetString());

        Assert.Equal(HttpStatusCode.OK, (await sigrid.PostAsJsonAsync(decision, new { decision = "return", comment = "Legg ved timelistene." })).StatusCode);
        var noStatus = await kari.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/payment-requests", new { milestoneId = requested.MilestoneId, statusText = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noStatus.StatusCode);
        Assert.Equal("Skriv en kort status for arbeidet så langt.", (await Json(noStatus)).GetProperty("errors").GetProperty("statusText")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, (await kari.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/payment-requests", send)).StatusCode);
        var requests = await Json(await member.GetAsync($"/api/v1/agreements/{agreementId}/payment-requests"));
        Assert.Equal(["Returned", "Sent"], requests.EnumerateArray().Select(r => r.GetProperty("status").GetString()).Order());
    }

    [Fact]
    public async Task APaymentRegisteredByMistake_IsReversedWithAReason_ByTheCountyOnly_AndTheMilestoneAwaitsItsPaymentAgain()
    {
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        var innlandet = await ApiTokens.ConnectAsync(Portal, "innlandet", county: true);
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var sigrid = Portal.CreateClient().WithToken(ApiTokens.Person(buskerud, Demo.BuskerudOfficer));
        using var kari = Portal.CreateClient().WithToken(ApiTokens.Person(hallingdal, Demo.HallingdalSecretary));
        using var hanne = Portal.CreateClient().WithToken(ApiTokens.Person(innlandet, Demo.InnlandetOfficer));
        await ApproveRequestAsync(sigrid, agreementId);
        var milestone = (await Json(await sigrid.GetAsync($"/api/v1/agreements/{agreementId}/milestones")))[0];
        Assert.Equal(HttpStatusCode.Created, (await PayAsync(sigrid, agreementId, milestone)).StatusCode);
        var paymentId = Assert.Single((await Json(await sigrid.GetAsync($"/api/v1/agreements/{agreementId}/payments"))).EnumerateArray()).GetProperty("id").GetGuid();
        var reversal = $"/api/v1/agreements/{agreementId}/payments/{paymentId}/reversal";

        var council = await kari.PostAsJsonAsync(reversal, new { reason = "Feil beløp" });
        var otherCounty = await hanne.PostAsJsonAsync(reversal, new { reason = "Feil beløp" });
        var unknown = await sigrid.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/payments/{Guid.NewGuid()}/reversal", new { reason = "Feil beløp" });
        var noReason = await sigrid.PostAsJsonAsync(reversal, new { reason = " " });

        Assert.Equal(HttpStatusCode.Forbidden, council.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherCounty.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var problem = await Json(noReason);
        Assert.Equal("Skriv hvorfor betalingen reverseres, for eksempel «feil beløp».", problem.GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal("Say why the payment is reversed, for example “wrong amount”.", problem.GetProperty("errorsEnglish").GetProperty("reason")[0].GetString());
        Assert.Single((await Json(await kari.GetAsync($"/api/v1/agreements/{agreementId}/payments"))).EnumerateArray());

        var reversed = await sigrid.PostAsJsonAsync(reversal, new { reason = "Registrert på feil avtale" });

        Assert.Equal(HttpStatusCode.OK, reversed.StatusCode);
        Assert.Empty((await Json(reversed)).EnumerateArray());
        Assert.Equal((await sigrid.GetAsync($"/api/v1/agreements/{agreementId}")).Headers.ETag, reversed.Headers.ETag);
        var reopened = (await Json(await sigrid.GetAsync($"/api/v1/agreements/{agreementId}/milestones")))[0];
        Assert.Equal("Requested", reopened.GetProperty("status").GetString());
        Assert.True(reopened.GetProperty("awaitsPayment").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await sigrid.PostAsJsonAsync(reversal, new { reason = "To ganger" })).StatusCode); // it is gone
        Assert.Equal(HttpStatusCode.Created, (await PayAsync(sigrid, agreementId, reopened)).StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesWhatRegisteringAPaymentAnswers()
    {
        using var http = Portal.CreateClient();

        var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement;

        var post = document.GetProperty("paths").GetProperty("/api/v1/agreements/{agreementId}/payments").GetProperty("post");
        Assert.Equal("RegisterPayment", post.GetProperty("operationId").GetString());
        var answers = post.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order().ToList();
        Assert.Equal(["201", "400", "403", "404", "409", "412", "422"], answers); // 422: an Idempotency-Key used for another request
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        var pdf = document.GetProperty("paths").GetProperty("/api/v1/agreements/{agreementId}/final-report/pdf").GetProperty("get");
        var binary = pdf.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/pdf").GetProperty("schema");
        var schema = binary.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : binary;
        Assert.Equal("binary", schema.GetProperty("format").GetString());
    }

    internal static Task<HttpResponseMessage> PayAsync(HttpClient http, Guid agreementId, JsonElement milestone) =>
        http.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/payments",
            new { milestoneId = milestone.GetProperty("id").GetGuid(), date = "2026-03-05", amount = 112500m, reference = "BFK-1" });

    /// <summary>The county approves the council's payment request through the API, as with «Godkjenn» on the agreement page.</summary>
    internal async Task ApproveRequestAsync(HttpClient county, Guid agreementId)
    {
        var request = await RequestAsync(agreementId);
        var approved = await county.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/payment-requests/{request.Id}/decision", new { decision = "approve" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }

    private Task<PaymentRequest> RequestAsync(Guid agreementId) => Portal.WithScopeAsync(sp =>
        sp.GetRequiredService<AgreementsDbContext>().PaymentRequests.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.AgreementId == agreementId));

    /// <summary>The county returns the council's payment request, as on the agreement page.</summary>
    private Task<bool> ReturnRequestAsync(Guid agreementId) => Portal.WithScopeAsync(async sp =>
    {
        var county = await sp.GetRequiredService<PlatformDbContext>().Counties.IgnoreQueryFilters().SingleAsync(c => c.Slug == "buskerud");
        using var scope = sp.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForCounty(county.Id));
        var request = await RequestAsync(agreementId);
        var result = await sp.GetRequiredService<PaymentRequests>().DecideAsync(
            new DecidePaymentRequestCommand(agreementId, request.Id, Approve: false, "Legg ved timelistene.", new Actor(Guid.NewGuid(), "Sigrid")));
        Assert.True(result is { Succeeded: true });
        return true;
    });
}
