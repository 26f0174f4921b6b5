using System.Text.RegularExpressions;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Tests.Reporting;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Agreements.HallingdalLifecycleTests;

namespace BioSirk.Portal.Tests.Agreements;

/// <summary>
/// The county registers a payment on the agreement page: what it registered is what the page shows, also when it is
/// another amount than the instalment.
/// </summary>
public sealed class PaymentRegistrationTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task AShortPayment_IsShownAsWhatWasPaid_AndTheFinalPaymentIsPlannedAndSettledFromIt()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        Portal.Clock.Set(AfterTheWork);
        await RegisterWorkdaysAsync(kari, id, 150m); // 135 000
        await ExpectRedirectAsync(await RegisterCostAsync(kari, id, "2026-03-01", "Hallingdal Hotell AS", "Møteleie", "12 345,67",
            "%PDF-1.4\n%%EOF\n"u8.ToArray(), "faktura.pdf")); // 147 345,67 in all
        await ExpectRedirectAsync(await SendRequestAsync(kari, id, "Oppstart gjennomført."));
        await ApproveRequestAsync(sigrid, id);

        var unconfirmed = await PortalClient.ReadAsync(await PayAsync(sigrid, id, "100 000"));
        Assert.StartsWith("Du skrev kr 100 000,00, men forventet beløp er kr 112 500,00.", unconfirmed.FieldError("Payment.ConfirmsDeviation"));
        await ExpectRedirectAsync(await PayAsync(sigrid, id, "100 000", confirmsDeviation: true));

        foreach (var page in new[] { await sigrid.GetPageAsync(CountyUrl(id)), await kari.GetPageAsync(CouncilUrl(id)) })
        {
            var first = Squeezed(Row(page, "milestones", "Ved signering"));
            Assert.EndsWith("betalt kr 100 000,00 av kr 112 500,00 (kr 12 500,00 mindre)", first);
            Assert.Contains("fastsettes ved sluttoppgjøret (planlagt kr 50 000,00)", Row(page, "milestones", "Sluttoppgjør"));
            var money = Squeezed(page.QuerySelector("[data-testid=spend-table]")!.TextContent);
            Assert.Matches("Utbetalt så langt ?kr 100 000,00", money);
            Assert.Matches("Sluttoppgjør om det ble gjort i dag: fylket betaler ut ?kr 47 345,67", money);
            Assert.DoesNotContain("112 500", Text(page, "next-step"));
        }

        foreach (var home in new[] { await sigrid.GetPageAsync("/fylke/buskerud"), await kari.GetPageAsync("/rad/hallingdal") })
        {
            Assert.DoesNotContain("112 500", home.QuerySelector("#todo-heading")?.ParentElement?.TextContent ?? "");
        }

        // The final report carries what was paid, and its approval fixes the final payment at eligible cost − really paid.
        await ExpectRedirectAsync(await FinalReportSteps.SubmitReportAsync(kari, id));
        Assert.Matches("Utbetalt så langt ?kr 100 000,00", Squeezed((await sigrid.GetPageAsync(FinalReportSteps.CountyUrl(id))).QuerySelector("main")!.TextContent));
        await ExpectRedirectAsync(await FinalReportSteps.DecideAsync(sigrid, id, 1, "Approve"));
        var approved = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Contains("kr 47 345,67", Row(approved, "milestones", "Sluttoppgjør"));
        Assert.StartsWith("Send utbetalingsanmodning for «Sluttoppgjør", Text(approved, "next-step"));
        Assert.EndsWith("(kr 47 345,67).", Text(approved, "next-step"));
    }

    [Fact]
    public async Task APaymentLargerThanTheInstalment_IsShownAsSuch_AndLeavesLessForTheFinalPayment()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await SendRequestAsync(kari, id, "Oppstart gjennomført."));
        await ApproveRequestAsync(sigrid, id);

        await ExpectRedirectAsync(await PayAsync(sigrid, id, "120 000", confirmsDeviation: true));

        var page = await kari.GetPageAsync(CouncilUrl(id));
        Assert.EndsWith("betalt kr 120 000,00 av kr 112 500,00 (kr 7 500,00 mer)", Squeezed(Row(page, "milestones", "Ved signering")));
        Assert.Contains("fastsettes ved sluttoppgjøret (planlagt kr 30 000,00)", Row(page, "milestones", "Sluttoppgjør"));
    }

    private static Task<HttpResponseMessage> PayAsync(PortalClient officer, Guid id, string amount, bool confirmsDeviation = false)
    {
        var fields = new Dictionary<string, string> { ["Payment.Date"] = "2026-01-20", ["Payment.Amount"] = amount, ["Payment.Reference"] = "BFK-1" };
        if (confirmsDeviation)
        {
            fields["Payment.ConfirmsDeviation"] = "true";
        }

        return officer.SubmitAsync(CountyUrl(id), "form[action*=Payment]", fields);
    }

    private static string Squeezed(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
