using System.Net;
using AngleSharp.Html.Dom;
using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Tests.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Agreements.HallingdalLifecycleTests;

namespace BioSirk.Portal.Tests.Agreements;

/// <summary>
/// The agreement's money and lifecycle when two people act on it at the same moment, made deterministic: the test holds
/// a lock on the agreement's history table in its own transaction (every step of the agreement writes a line there when
/// it saves), so that both requests have read and checked what they check before either writes; then it lets them go.
/// One of the two must be told that the agreement changed, never both pass with a rule broken between them: a milestone
/// paid twice, paid after it was folded into the final settlement, or a payment taken back from a rescinded agreement.
/// </summary>
public sealed class AgreementSameMomentTests(PortalFactory portal) : PortalTest(portal)
{
    private const string PaymentForm = "form[action*=Payment]";
    private const string ReverseForm = "[data-testid=reverse-payment]";
    private static readonly DateTimeOffset AfterTheRemedyDeadline = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TwoPaymentsForOneMilestone_RegisteredAtTheSameMoment_AreRegisteredOnce()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await SendRequestAsync(kari, id, "Oppstart gjennomført."));
        await ApproveRequestAsync(sigrid, id);
        var tabA = await sigrid.GetPageAsync(CountyUrl(id));
        var tabB = await sigrid.GetPageAsync(CountyUrl(id));

        var answers = await AtTheSameMomentAsync(
            () => sigrid.SubmitAsync(tabA, CountyUrl(id), PaymentForm, PaymentFields("BFK-1")),
            () => sigrid.SubmitAsync(tabB, CountyUrl(id), PaymentForm, PaymentFields("BFK-2")));

        await OneWonAndTheOtherWasToldAsync(answers);
        Assert.Single(await PaymentsAsync(id));
    }

    [Fact]
    public async Task TwoPaymentRequestsForOneMilestone_SentAtTheSameMoment_AreSentOnce()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var tabA = await kari.GetPageAsync(CouncilUrl(id));
        var tabB = await kari.GetPageAsync(CouncilUrl(id));

        var answers = await AtTheSameMomentAsync(
            () => kari.SubmitAsync(tabA, CouncilUrl(id), "form[action*=Request]", new() { ["RequestForm.StatusText"] = "Oppstart." }),
            () => kari.SubmitAsync(tabB, CouncilUrl(id), "form[action*=Request]", new() { ["RequestForm.StatusText"] = "Oppstart, fra den andre fanen." }));

        await OneWonAndTheOtherWasToldAsync(answers);
        Assert.Single(await Portal.WithScopeAsync(sp => sp.GetRequiredService<AgreementsDbContext>().PaymentRequests.IgnoreQueryFilters()
            .Where(r => r.AgreementId == id).ToListAsync()));
    }

    [Fact]
    public async Task TwoPaymentRequestsWithAttachments_SentAtTheSameMoment_TheOneNotSentLeavesNoFileBehind()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var filesBefore = Portal.StoredFileCount();

        var answers = await AtTheSameMomentAsync(
            () => SendRequestAsync(kari, id, "Oppstart.", ("oppstartsmote.pdf", PdfVoucher)),
            () => SendRequestAsync(kari, id, "Oppstart, fra den andre fanen.", ("timeliste.pdf", PdfVoucher)));

        await OneWonAndTheOtherWasToldAsync(answers);
        Assert.Equal(filesBefore + 1, Portal.StoredFileCount());
    }

    [Fact]
    public async Task ARequestApprovedAndReturnedAtTheSameMoment_IsDecidedOnce()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await SendRequestAsync(kari, id, "Oppstart gjennomført."));
        var tabA = await sigrid.GetPageAsync(CountyUrl(id));
        var tabB = await sigrid.GetPageAsync(CountyUrl(id));

        var answers = await AtTheSameMomentAsync(
            () => sigrid.SubmitAsync(tabA, CountyUrl(id), "form[action*=Decide]", new() { ["Decision.Approve"] = "true" }),
            () => sigrid.SubmitAsync(tabB, CountyUrl(id), "form[action*=Decide]", new() { ["Decision.Approve"] = "false", ["Decision.Comment"] = "Mangler timeliste." }));

        await OneWonAndTheOtherWasToldAsync(answers);
        var request = await Portal.WithScopeAsync(sp => sp.GetRequiredService<AgreementsDbContext>().PaymentRequests.IgnoreQueryFilters().SingleAsync(r => r.AgreementId == id));
        var milestone = await MilestoneAsync(id, "Ved signering");
        Assert.Equal(request.Status == PaymentRequestStatus.Approved ? MilestoneState.Requested : MilestoneState.Payable, milestone.State);
    }

    [Fact]
    public async Task ARequestApprovedWhileTheAgreementIsRescinded_IsNotApprovedOnARescindedAgreement()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await SendRequestAsync(kari, id, "Oppstart gjennomført."));
        await GiveNoticeAsync(sigrid, id);
        var decideTab = await sigrid.GetPageAsync(CountyUrl(id));
        var rescindTab = await sigrid.GetPageAsync(CountyUrl(id));

        var answers = await AtTheSameMomentAsync(
            () => sigrid.SubmitAsync(decideTab, CountyUrl(id), "form[action*=Decide]", new() { ["Decision.Approve"] = "true" }),
            () => sigrid.SubmitAsync(rescindTab, CountyUrl(id), "form[action*=Rescind]", new() { ["Breach.ConfirmsRescission"] = "true" }));

        await OneWonAndTheOtherWasToldAsync(answers);
        var agreement = await AgreementAsync(id);
        var request = await Portal.WithScopeAsync(sp => sp.GetRequiredService<AgreementsDbContext>().PaymentRequests.IgnoreQueryFilters().SingleAsync(r => r.AgreementId == id));
        Assert.False(agreement.Status == AgreementStatus.Rescinded && request.Status == PaymentRequestStatus.Approved,
            "A request still waiting at the rescission was approved on the rescinded agreement.");
    }

    [Fact]
    public async Task ARequestApprovedWhileTheFinalReportIsApproved_IsNotBothApprovedAndFoldedIntoTheFinalSettlement()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await SendRequestAsync(kari, id, "Oppstart gjennomført."));
        Portal.Clock.Set(AfterTheWork);
        await RegisterWorkdaysAsync(kari, id, 150m);
        await ExpectRedirectAsync(await FinalReportSteps.SubmitReportAsync(kari, id));
        var decideTab = await sigrid.GetPageAsync(CountyUrl(id));
        var approval = await ApprovalFormAsync(sigrid, id);

        var answers = await AtTheSameMomentAsync(
            () => sigrid.SubmitAsync(decideTab, CountyUrl(id), "form[action*=Decide]", new() { ["Decision.Approve"] = "true" }),
            () => sigrid.PostFormAsync($"{FinalReportSteps.CountyUrl(id)}?handler=Approve&version=1", approval));

        await OneWonAndTheOtherWasToldAsync(answers);
        var request = await Portal.WithScopeAsync(sp => sp.GetRequiredService<AgreementsDbContext>().PaymentRequests.IgnoreQueryFilters().SingleAsync(r => r.AgreementId == id));
        var first = await MilestoneAsync(id, "Ved signering");
        Assert.False(first.State == MilestoneState.InFinalSettlement && request.Status == PaymentRequestStatus.Approved,
            "«Ved signering» is in the final settlement, and its request approved for payment as well.");
    }

    [Fact]
    public async Task BothPartiesSigningAtTheSameMoment_PutTheAgreementInForceAtMostOnce()
    {
        Portal.Clock.Set(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        var id = await DraftFromTemplateAsync(kari);
        var councilTab = await kari.GetPageAsync(CouncilUrl(id));
        var countyTab = await sigrid.GetPageAsync(CountyUrl(id));

        var answers = await AtTheSameMomentAsync(
            () => kari.SubmitAsync(councilTab, CouncilUrl(id), "form[action*=Sign]", []),
            () => sigrid.SubmitAsync(countyTab, CountyUrl(id), "form[action*=Sign]", []));

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Redirect);
        var loser = await PortalClient.ReadAsync(answers.Single(r => r.StatusCode != HttpStatusCode.Redirect));
        Assert.Contains(SignAgreement.ChangedWhileReading, loser.GetElementById("error-summary")!.TextContent, StringComparison.Ordinal);
        var agreement = await AgreementAsync(id);
        Assert.Equal(AgreementStatus.Draft, agreement.Status); // one signature: the other party reads and signs again
        Assert.Equal(MilestoneState.Waiting, (await MilestoneAsync(id, "Ved signering")).State);
    }

    [Fact]
    public async Task HoursRegisteredWhileANewHourRateIsAccepted_AreNotPricedAtTheOldRateOnTheNewRatesDay()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        Portal.Clock.Set(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var form = await kari.FormValuesAsync(CouncilUrl(id) + "/rediger", "main form");
        form["Input.HourRate"] = "1 000";
        form["Reason"] = "Ny timepris fra fylkestingets vedtak.";
        await ExpectRedirectAsync(await kari.PostFormAsync(CouncilUrl(id) + "/rediger", form));
        var hoursTab = await kari.GetPageAsync(CouncilUrl(id));
        var acceptTab = await sigrid.GetPageAsync(CountyUrl(id));

        // Hours write no history, but both renew the agreement's stamp: the test holds the agreement's row.
        var answers = await Portal.AtTheSameMomentAsync($"SELECT 1 FROM agreements.agreements WHERE \"Id\" = '{id}' FOR UPDATE",
            () => kari.SubmitAsync(hoursTab, CouncilUrl(id), "form[action*=Hours]",
                new() { ["Hours.Date"] = "2026-03-10", ["Hours.Person"] = "Kari Nordby", ["Hours.Activity"] = "Arbeidsmøte", ["Hours.Hours"] = "2" }),
            () => sigrid.SubmitAsync(acceptTab, CountyUrl(id), "form[action*=AcceptAmendment]", []));

        await OneWonAndTheOtherWasToldAsync(answers);
        var (rate, hours) = await Portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AgreementsDbContext>();
            return ((await db.Agreements.IgnoreQueryFilters().SingleAsync(a => a.Id == id)).HourRate,
                await db.Hours.IgnoreQueryFilters().Where(h => h.AgreementId == id).ToListAsync());
        });
        Assert.All(hours, h => Assert.Equal(rate, h.HourRate));
    }

    [Fact]
    public async Task TwoCostsRegisteredAtTheSameMoment_TheOneNotSavedLeavesNoVoucherFileBehind()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        Portal.Clock.Set(AfterTheWork);
        var filesBefore = Portal.StoredFileCount();

        // Both renew the agreement's stamp: the test holds the agreement's row while both have stored their voucher.
        var answers = await Portal.AtTheSameMomentAsync($"SELECT 1 FROM agreements.agreements WHERE \"Id\" = '{id}' FOR UPDATE",
            () => RegisterCostAsync(kari, id, "2026-03-01", "Gol kro", "Møteleie", "500", PdfVoucher, "faktura.pdf"),
            () => RegisterCostAsync(kari, id, "2026-03-01", "Hallingdal Hotell AS", "Lunsj", "700", PdfVoucher, "kvittering.pdf"));

        await OneWonAndTheOtherWasToldAsync(answers);
        Assert.Equal(filesBefore + 1, Portal.StoredFileCount());
    }

    [Fact]
    public async Task APaymentRegisteredWhileTheFinalReportIsApproved_IsNotAlsoPartOfTheFinalSettlement()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await SendRequestAsync(kari, id, "Oppstart gjennomført."));
        await ApproveRequestAsync(sigrid, id);
        Portal.Clock.Set(AfterTheWork);
        await RegisterWorkdaysAsync(kari, id, 150m); // 135 000
        await ExpectRedirectAsync(await FinalReportSteps.SubmitReportAsync(kari, id));
        var paymentTab = await sigrid.GetPageAsync(CountyUrl(id));
        var approval = await ApprovalFormAsync(sigrid, id);

        var answers = await AtTheSameMomentAsync(
            () => sigrid.SubmitAsync(paymentTab, CountyUrl(id), PaymentForm, PaymentFields("BFK-1")),
            () => sigrid.PostFormAsync($"{FinalReportSteps.CountyUrl(id)}?handler=Approve&version=1", approval));

        await OneWonAndTheOtherWasToldAsync(answers);
        var paid = (await PaymentsAsync(id)).Sum(p => p.Amount);
        var final = await Portal.WithScopeAsync(sp => sp.GetRequiredService<AgreementsDbContext>().Milestones.IgnoreQueryFilters()
            .SingleAsync(m => m.AgreementId == id && m.Trigger == MilestoneTrigger.FinalReportApproved));
        // Whichever won, the council gets the eligible 135 000 in all once everything is paid, not 112 500 more.
        Assert.True(final.Amount is null || paid + final.Amount == 135_000m, $"Paid {paid}, final settlement {final.Amount}.");
    }

    [Fact]
    public async Task APaymentReversedWhileTheAgreementIsRescinded_LeavesTheRescindedAgreementsPaymentsAsTheyWere()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await PaidFirstInstalmentAsync(kari, sigrid, id);
        await GiveNoticeAsync(sigrid, id);
        var rescindTab = await sigrid.GetPageAsync(CountyUrl(id));
        var reverseTab = await sigrid.GetPageAsync(CountyUrl(id));

        var answers = await AtTheSameMomentAsync(
            () => sigrid.SubmitAsync(rescindTab, CountyUrl(id), "form[action*=Rescind]", new() { ["Breach.ConfirmsRescission"] = "true" }),
            () => sigrid.SubmitAsync(reverseTab, CountyUrl(id), ReverseForm, Reversal(reverseTab)));

        var agreement = await AgreementAsync(id);
        if (agreement.Status == AgreementStatus.Rescinded)
        {
            Assert.Single(await PaymentsAsync(id)); // «Avtalen er hevet; betalingene står slik de var.»
        }

        await OneWonAndTheOtherWasToldAsync(answers);
    }

    [Fact]
    public async Task APaymentReversedWhileTheFinalReportIsApproved_NeverLeavesTheAgreementSettledWithThePaymentOpen()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await PaidFirstInstalmentAsync(kari, sigrid, id);
        Portal.Clock.Set(AfterTheWork);
        await RegisterWorkdaysAsync(kari, id, 125m); // 112 500: what was paid, so the final settlement is 0 and settles at once
        await ExpectRedirectAsync(await FinalReportSteps.SubmitReportAsync(kari, id));
        var reverseTab = await sigrid.GetPageAsync(CountyUrl(id));
        var approval = await ApprovalFormAsync(sigrid, id);

        var answers = await AtTheSameMomentAsync(
            () => sigrid.SubmitAsync(reverseTab, CountyUrl(id), ReverseForm, Reversal(reverseTab)),
            () => sigrid.PostFormAsync($"{FinalReportSteps.CountyUrl(id)}?handler=Approve&version=1", approval));

        var agreement = await AgreementAsync(id);
        var first = await MilestoneAsync(id, "Ved signering");
        Assert.False(agreement.Status == AgreementStatus.Settled && first.State == MilestoneState.Requested,
            "The agreement is settled while «Ved signering» waits for its payment again.");
        await OneWonAndTheOtherWasToldAsync(answers);
    }

    [Fact]
    public async Task OnePaymentReversedFromTwoTabsAtTheSameMoment_IsReversedOnce()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await PaidFirstInstalmentAsync(kari, sigrid, id);
        var tabA = await sigrid.GetPageAsync(CountyUrl(id));
        var tabB = await sigrid.GetPageAsync(CountyUrl(id));

        var answers = await AtTheSameMomentAsync(
            () => sigrid.SubmitAsync(tabA, CountyUrl(id), ReverseForm, Reversal(tabA)),
            () => sigrid.SubmitAsync(tabB, CountyUrl(id), ReverseForm, Reversal(tabB)));

        await OneWonAndTheOtherWasToldAsync(answers);
        Assert.Empty(await PaymentsAsync(id));
        Assert.Equal(MilestoneState.Requested, (await MilestoneAsync(id, "Ved signering")).State);
        var reversals = await Portal.WithScopeAsync(sp => sp.GetRequiredService<AgreementsDbContext>().Events.IgnoreQueryFilters()
            .Where(e => e.AgreementId == id).Select(e => e.Text).ToListAsync());
        Assert.Single(reversals, t => t.Contains("er reversert", StringComparison.Ordinal));
    }

    private static Dictionary<string, string> PaymentFields(string reference) =>
        new() { ["Payment.Date"] = "2026-01-20", ["Payment.Amount"] = "112 500", ["Payment.Reference"] = reference };

    private static Dictionary<string, string> Reversal(IHtmlDocument page) => new()
    {
        ["Reversal.PaymentId"] = page.QuerySelectorAll("#Reversal_PaymentId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!,
        ["Reversal.Reason"] = "Feil beløp.",
    };

    private static async Task PaidFirstInstalmentAsync(PortalClient kari, PortalClient sigrid, Guid id)
    {
        await ExpectRedirectAsync(await SendRequestAsync(kari, id, "Oppstart gjennomført."));
        await ApproveRequestAsync(sigrid, id);
        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), PaymentForm, PaymentFields("BFK-1")));
    }

    /// <summary>The final report's approval form as the officer has it open: posted later, at the same moment as something else.</summary>
    private static async Task<Dictionary<string, string>> ApprovalFormAsync(PortalClient officer, Guid id)
    {
        var form = await officer.FormValuesAsync(FinalReportSteps.CountyUrl(id), "form[data-testid=decision-form]");
        form["Decision.ConfirmsApproval"] = "true";
        return form;
    }

    /// <summary>The county gives notice of a breach with a deadline of 27.02.2026, and the test's clock moves past it.</summary>
    private async Task GiveNoticeAsync(PortalClient officer, Guid id)
    {
        await ExpectRedirectAsync(await officer.SubmitAsync(CountyUrl(id), "form[action*=Breach]",
            new() { ["Breach.Description"] = "Ingen timelister levert", ["Breach.RemedyDeadline"] = "2026-02-27" }));
        Portal.Clock.Set(AfterTheRemedyDeadline);
    }

    private Task<Agreement> AgreementAsync(Guid id) => Portal.WithScopeAsync(sp =>
        sp.GetRequiredService<AgreementsDbContext>().Agreements.IgnoreQueryFilters().SingleAsync(a => a.Id == id));

    private Task<List<Payment>> PaymentsAsync(Guid id) => Portal.WithScopeAsync(sp =>
        sp.GetRequiredService<AgreementsDbContext>().Payments.IgnoreQueryFilters().Where(p => p.AgreementId == id).ToListAsync());

    private Task<PaymentMilestone> MilestoneAsync(Guid id, string name) => Portal.WithScopeAsync(sp =>
        sp.GetRequiredService<AgreementsDbContext>().Milestones.IgnoreQueryFilters().SingleAsync(m => m.AgreementId == id && m.Name == name));

    /// <summary>Exactly one answer moved on; the other came back to the page with a message, and none was a 500.</summary>
    private static async Task OneWonAndTheOtherWasToldAsync(HttpResponseMessage[] answers)
    {
        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        var redirects = answers.Count(r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.True(redirects == 1, $"{redirects} of the two requests went through.");
        var loser = await PortalClient.ReadAsync(answers.Single(r => r.StatusCode != HttpStatusCode.Redirect));
        Assert.False(string.IsNullOrWhiteSpace(loser.GetElementById("error-summary")?.TextContent), "The second was not told why.");
    }

    /// <summary>
    /// Sends both while the test holds the agreement history's table: both have read what they check and wait to write
    /// their line of history; then lets them go, one after the other's commit.
    /// </summary>
    private Task<HttpResponseMessage[]> AtTheSameMomentAsync(Func<Task<HttpResponseMessage>> first, Func<Task<HttpResponseMessage>> second) =>
        Portal.AtTheSameMomentAsync("LOCK TABLE agreements.agreement_events IN SHARE MODE", first, second);
}
