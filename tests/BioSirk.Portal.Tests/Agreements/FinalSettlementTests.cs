using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;

namespace BioSirk.Portal.Tests.Agreements;

/// <summary>
/// The approval of the final report settles what is left: every payment not registered as paid by then is part of the
/// final settlement, never paid besides it.
/// </summary>
public sealed class FinalSettlementTests
{
    private static readonly DateTime Now = new(2026, 1, 20, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Approval_WithTheFirstPaymentUnpaid_PaysTheEligibleCostOnceInTheFinalPayment()
    {
        var agreement = SignedHallingdal();
        Assert.True(agreement.SubmitFinalReport().Succeeded);

        // 170 h: eligible capped at the frame; the first payment (kr 112 500) was payable, never registered as paid.
        var settlement = Settlement.Of(agreement.FrameAmount, HoursWorked.AtRate(170, 900), 0, 0);
        Assert.True(agreement.ApproveFinalReport(settlement, Now).Succeeded);

        var first = agreement.Milestones.Single(m => m.Trigger == MilestoneTrigger.AtSigning);
        var final = agreement.Milestones.Single(m => m.Trigger == MilestoneTrigger.FinalReportApproved);
        Assert.Equal(MilestoneState.InFinalSettlement, first.State);
        Assert.False(first.AwaitsPayment);
        Assert.Equal(150_000m, final.Amount);
        Assert.Equal(MilestoneState.Payable, final.State);

        final.MarkPaid();
        agreement.SettleIfComplete();
        Assert.Equal(AgreementStatus.Settled, agreement.Status);
    }

    [Fact]
    public void Approval_BeforeADatedPaymentsDay_IncludesItInTheFinalPayment_AndTheAgreementSettles()
    {
        var terms = MissionsTemplate.For(new("Regionrådet for Hallingdal", "975576469"), new("Buskerud fylkeskommune"), 2026) with
        {
            Milestones =
            [
                new MilestoneTerms("Ved signering", 50m, MilestoneTrigger.AtSigning, null),
                new MilestoneTerms("Desember", 25m, MilestoneTrigger.OnDate, new DateOnly(2026, 12, 15)),
                new MilestoneTerms("Sluttoppgjør", 25m, MilestoneTrigger.FinalReportApproved, null),
            ],
        };
        var agreement = new Agreement(Guid.NewGuid(), Guid.NewGuid(), "Regionrådet for Hallingdal", "Buskerud fylkeskommune", terms);
        Sign(agreement);
        agreement.Milestones.Single(m => m.Number == 1).MarkPaid(); // kr 75 000
        Assert.True(agreement.SubmitFinalReport().Succeeded);

        Assert.True(agreement.ApproveFinalReport(Settlement.Of(agreement.FrameAmount, HoursWorked.AtRate(170, 900), 0, 75_000m), Now).Succeeded);
        var dated = agreement.Milestones.Single(m => m.Number == 2);
        var final = agreement.Milestones.Single(m => m.Number == 3);
        Assert.Equal(MilestoneState.InFinalSettlement, dated.State);
        Assert.Equal(75_000m, final.Amount);

        final.MarkPaid();
        agreement.SettleIfComplete();
        Assert.Equal(AgreementStatus.Settled, agreement.Status);
    }

    [Fact]
    public void Approval_WithEveryEarlierPaymentPaid_LeavesThemPaid()
    {
        var agreement = SignedHallingdal();
        var first = agreement.Milestones.Single(m => m.Trigger == MilestoneTrigger.AtSigning);
        first.MarkPaid();
        Assert.True(agreement.SubmitFinalReport().Succeeded);

        Assert.True(agreement.ApproveFinalReport(Settlement.Of(agreement.FrameAmount, HoursWorked.AtRate(100, 900), 5_000m, 112_500m), Now).Succeeded);

        Assert.Equal(MilestoneState.Paid, first.State);
        Assert.Equal(-17_500m, agreement.Milestones.Single(m => m.Trigger == MilestoneTrigger.FinalReportApproved).Amount);
        Assert.Equal(AgreementStatus.Approved, agreement.Status);
    }

    private static Agreement SignedHallingdal()
    {
        var agreement = SettlementTests.HallingdalAgreement();
        Sign(agreement);
        return agreement;
    }

    private static void Sign(Agreement agreement)
    {
        agreement.Sign(Party.Council, Guid.NewGuid(), "Kari Nordby", Now, new DateOnly(2026, 1, 20));
        agreement.Sign(Party.County, Guid.NewGuid(), "Sigrid Lien", Now, new DateOnly(2026, 1, 20));
    }
}
