using System.Text.RegularExpressions;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Tests.Reporting;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Agreements.HallingdalLifecycleTests;

namespace BioSirk.Portal.Tests.Agreements;

/// <summary>
/// The county registers a payment on the agreement page: only once the council's request is approved, and what it
/// registered is what the page shows, also when it is another amount than the instalment.
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

    [Fact]
    public async Task APendingRequest_IsApprovedBeforeItsPaymentIsRegistered_AndRegisteringItApprovesNothing()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var paymentUrl = (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("form[action*=Request]")!.GetAttribute("action")!
            .Replace("/rad/hallingdal/", "/fylke/buskerud/", StringComparison.Ordinal).Replace("handler=Request", "handler=Payment", StringComparison.Ordinal);
        await ExpectRedirectAsync(await SendRequestAsync(kari, id, "Oppstart gjennomført."));

        // The officer opens the agreement: the request waits for her decision, and no payment form is offered yet.
        var pending = await sigrid.GetPageAsync(CountyUrl(id));
        Assert.Null(pending.QuerySelector("form[action*=Payment]"));
        Assert.NotNull(pending.QuerySelector("form[action*=Decide]"));
        Assert.Equal("Når anmodningen er godkjent, kommer skjemaet for å registrere betalingen.", Text(pending, "pay-after-approval"));
        Assert.StartsWith("Behandle utbetalingsanmodningen fra rådet", Text(pending, "next-step"));

        // A payment sent all the same (a form kept from before, a direct post) is refused, and what she typed is kept.
        var refused = await PortalClient.ReadAsync(await sigrid.PostWithTokenAsync(paymentUrl,
            new() { ["Payment.Date"] = "2026-01-20", ["Payment.Amount"] = "112 500", ["Payment.Reference"] = "BFK-1" }));
        Assert.Contains(PaymentRequests.RequestNotApproved, refused.GetElementById("error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("112 500", refused.FieldValue("Payment.Amount"));
        Assert.Equal("BFK-1", refused.FieldValue("Payment.Reference"));
        var after = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Contains("Venter på fylket", after.QuerySelector("[data-testid=requests] tbody tr")!.TextContent);
        Assert.Contains("anmodet", Row(after, "milestones", "Ved signering"));
        Assert.Null(after.QuerySelector("[data-testid=payments]"));
        Assert.DoesNotContain("er godkjent", Text(after, "history"));
        Assert.DoesNotContain("Utbetaling registrert", Text(after, "history"));

        // She approves it herself; then the form is there, and both steps stand in the history, each once.
        await ApproveRequestAsync(sigrid, id);
        var approved = await sigrid.GetPageAsync(CountyUrl(id));
        Assert.NotNull(approved.QuerySelector("form[action*=Payment]"));
        Assert.Null(approved.QuerySelector("[data-testid=pay-after-approval]"));
        await ExpectRedirectAsync(await PayAsync(sigrid, id, "112 500"));
        var paid = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Contains("Godkjent", paid.QuerySelector("[data-testid=requests] tbody tr")!.TextContent);
        Assert.EndsWith("betalt", Row(paid, "milestones", "Ved signering").Trim());
        var history = Text(paid, "history");
        Assert.Single(Regex.Matches(history, "Utbetalingsanmodningen for «Ved signering» er godkjent\\."));
        Assert.Contains("Utbetaling registrert for «Ved signering»: kr 112 500,00.", history);
    }

    /// <summary>
    /// The officer is offered the payment form exactly when a payment can be registered: a request she approved, or the
    /// council's repayment after the final settlement (never requested). Not while nothing waits, a request waits for her
    /// decision, a request was sent back, or the milestone is paid; and what «Neste steg» says matches.
    /// </summary>
    [Fact]
    public async Task ThePaymentForm_IsOfferedExactlyWhenAPaymentCanBeRegistered()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;

        async Task ExpectAsync(bool form, string nextStep)
        {
            var page = await sigrid.GetPageAsync(CountyUrl(id));
            Assert.Equal(form, page.QuerySelector("form[action*=Payment]:not([action*=ReversePayment])") is not null);
            Assert.StartsWith(nextStep, Text(page, "next-step"), StringComparison.Ordinal);
        }

        await ExpectAsync(form: false, "Ingenting venter på deg nå."); // payable, but the council has not asked for it
        await ExpectRedirectAsync(await SendRequestAsync(kari, id, "Oppstart gjennomført."));
        await ExpectAsync(form: false, "Behandle utbetalingsanmodningen fra rådet");
        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Decide]",
            new() { ["Decision.Approve"] = "false", ["Decision.Comment"] = "Legg ved timelisten." }));
        await ExpectAsync(form: false, "Ingenting venter på deg nå.");
        await ExpectRedirectAsync(await SendRequestAsync(kari, id, "Oppstart gjennomført, med timeliste."));
        await ApproveRequestAsync(sigrid, id);
        await ExpectAsync(form: true, "Registrer utbetalingen for «Ved signering»");
        await ExpectRedirectAsync(await PayAsync(sigrid, id, "112 500"));
        await ExpectAsync(form: false, "Ingenting venter på deg nå.");

        // The final settlement asks the council to repay: a repayment is registered without a request.
        Portal.Clock.Set(AfterTheWork);
        await RegisterWorkdaysAsync(kari, id, 50m); // 45 000 spent of the 112 500 paid
        await ExpectRedirectAsync(await FinalReportSteps.SubmitReportAsync(kari, id));
        await ExpectAsync(form: false, "Sluttrapporten er levert.");
        await ExpectRedirectAsync(await FinalReportSteps.DecideAsync(sigrid, id, 1, "Approve"));
        await ExpectAsync(form: true, "Registrer tilbakebetalingen fra rådet for «Sluttoppgjør");
        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-05-15", ["Payment.Amount"] = "-67 500", ["Payment.Reference"] = "BFK-2" }));
        await ExpectAsync(form: false, "Avtalen er avsluttet");
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
