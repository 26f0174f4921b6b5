using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;

namespace BioSirk.Portal.Tests.Agreements;

/// <summary>The money of the Hallingdal agreement: frame 150 000, rate 900, 75 % at signing, 25 % at the final report.</summary>
public sealed class SettlementTests
{
    private const decimal Frame = 150_000m;
    private const decimal Rate = 900m;
    private const decimal PaidAtSigning = 112_500m;

    [Theory]
    [InlineData(150, 12_345.67, 147_345.67, 34_845.67)]
    [InlineData(170, 0, 150_000.00, 37_500.00)]
    [InlineData(100, 5_000, 95_000.00, -17_500.00)]
    [InlineData(0, 0, 0, -112_500.00)]
    [InlineData(166.66, 0.01, 149_994.01, 37_494.01)]
    public void FinalSettlement_IsEligibleCostCappedAtTheFrameMinusWhatWasPaid(decimal hours, decimal costs, decimal eligible, decimal remainder)
    {
        var settlement = Settlement.Of(Frame, HoursWorked.AtRate(hours, Rate), costs, PaidAtSigning);

        Assert.Equal(eligible, settlement.Eligible);
        Assert.Equal(remainder, settlement.Remainder);
        Assert.Equal(remainder < 0, settlement.IsRepaymentClaim);
    }

    [Theory]
    // 1,005 h × 900,33 = 904,83165 → 904,83; half-way cases round away from zero.
    [InlineData(1.005, 900.33, 0, 0, 904.83)]
    [InlineData(0.5, 0.01, 0, 0, 0.01)]      // 0,005 → 0,01
    [InlineData(0.5, 0.01, 0, 0.01, -0.01)]  // 0,005 − 0,01 = −0,005 → −0,01 (away from zero, also below zero)
    [InlineData(1.001, 900, 0.004, 0, 900.90)] // 900,9 + 0,004 = 900,904 → 900,90
    [InlineData(1.001, 900, 0.005, 0, 900.91)] // 900,905 → 900,91 (half away from zero)
    public void Rounding_IsToWholeOreHalfAwayFromZero_AtTheLastStep(decimal hours, decimal rate, decimal costs, decimal paid, decimal expectedRemainder)
    {
        var settlement = Settlement.Of(1_000_000m, HoursWorked.AtRate(hours, rate), costs, paid);

        Assert.Equal(expectedRemainder, settlement.Remainder);
    }

    [Fact]
    public void RoundingOnlyAtTheEnd_DiffersFromRoundingEachStep()
    {
        // Three times 0,005 kr of direct costs are 0,015 → 0,02 at the end, whereas rounding each would give 0,03.
        var settlement = Settlement.Of(1_000m, HoursWorked.AtRate(0, 1m), 0.005m + 0.005m + 0.005m, 0);

        Assert.Equal(0.02m, settlement.Remainder);
    }

    [Fact]
    public void Signing_MakesTheFirstMilestonePayableWith75PercentOfTheFrame()
    {
        var agreement = HallingdalAgreement();
        var now = new DateTime(2026, 1, 20, 10, 0, 0, DateTimeKind.Utc);

        Assert.True(agreement.Sign(Party.Council, Guid.NewGuid(), "Kari Nordby", now, new DateOnly(2026, 1, 20)).Succeeded);
        Assert.Equal(AgreementStatus.Draft, agreement.Status);
        Assert.True(agreement.Sign(Party.County, Guid.NewGuid(), "Sigrid Lien", now, new DateOnly(2026, 1, 20)).Succeeded);

        Assert.Equal(AgreementStatus.Signed, agreement.Status);
        var first = agreement.Milestones.Single(m => m.Trigger == MilestoneTrigger.AtSigning);
        Assert.Equal(MilestoneState.Payable, first.State);
        Assert.Equal(112_500.00m, first.Amount);
        Assert.Equal(MilestoneState.Waiting, agreement.Milestones.Single(m => m.Trigger == MilestoneTrigger.FinalReportApproved).State);
    }

    [Fact]
    public void Signing_AfterADatedMilestonesDay_MakesItPayableAtOnce_WhileALaterOneWaitsForItsDay()
    {
        var terms = MissionsTemplate.For(new("Regionrådet for Hallingdal", "975576469"), new("Buskerud fylkeskommune"), 2026) with
        {
            Milestones =
            [
                new MilestoneTerms("Ved signering", 50m, MilestoneTrigger.AtSigning, null),
                new MilestoneTerms("Halvveis", 25m, MilestoneTrigger.OnDate, new DateOnly(2026, 3, 1)),
                new MilestoneTerms("Høsten", 25m, MilestoneTrigger.OnDate, new DateOnly(2026, 9, 1)),
            ],
        };
        var agreement = new Agreement(Guid.NewGuid(), Guid.NewGuid(), "Regionrådet for Hallingdal", "Buskerud fylkeskommune", terms);
        var now = new DateTime(2026, 3, 10, 10, 0, 0, DateTimeKind.Utc);

        agreement.Sign(Party.Council, Guid.NewGuid(), "Kari Nordby", now, new DateOnly(2026, 3, 10));
        agreement.Sign(Party.County, Guid.NewGuid(), "Sigrid Lien", now, new DateOnly(2026, 3, 10));

        var halfway = agreement.Milestones.Single(m => m.Name == "Halvveis");
        Assert.Equal((MilestoneState.Payable, 37_500.00m), (halfway.State, halfway.Amount));
        Assert.Equal(MilestoneState.Waiting, agreement.Milestones.Single(m => m.Name == "Høsten").State);
    }

    [Fact]
    public void SpendLevel_WarnsAt75And90PercentAndMarksBeyondTheFrame()
    {
        Assert.Equal(SpendLevel.Normal, Settlement.Of(Frame, HoursWorked.AtRate(124, Rate), 0, 0).Level);       // 111 600 = 74,4 %
        Assert.Equal(SpendLevel.Above75, Settlement.Of(Frame, HoursWorked.AtRate(125, Rate), 0, 0).Level);      // 112 500 = 75 %
        Assert.Equal(SpendLevel.Above90, Settlement.Of(Frame, HoursWorked.AtRate(150, Rate), 0, 0).Level);      // 135 000 = 90 %
        var beyond = Settlement.Of(Frame, HoursWorked.AtRate(170, Rate), 0, 0);
        Assert.Equal(SpendLevel.BeyondFrame, beyond.Level);
        Assert.Equal(3_000m, beyond.NotEligible);
    }

    [Fact]
    public void SpendLevel_ComparesTheAmounts_NotTheRoundedPercentage()
    {
        var justUnder75 = Settlement.Of(Frame, HoursWorked.AtRate(124, Rate), 840m, 0);          // 112 440 = 74,96 %
        Assert.Equal(SpendLevel.Normal, justUnder75.Level);
        Assert.Equal(74.9m, justUnder75.PercentUsed);                              // not «75 %» before it is
        var fortyOver = Settlement.Of(Frame, HoursWorked.AtRate(166, Rate), 640m, 0);           // 150 040 = 100,03 %
        Assert.Equal(SpendLevel.BeyondFrame, fortyOver.Level);
        Assert.Equal(40m, fortyOver.NotEligible);
        Assert.Equal(SpendLevel.Above90, Settlement.Of(Frame, HoursWorked.AtRate(150, Rate), 0, 0).Level); // exactly 90 %
    }

    [Fact]
    public void EligibleWithPartsOfAnOre_IsSaid_SoThatTheRoundedAmountsAreExplained()
    {
        var odd = Settlement.Of(Frame, HoursWorked.AtRate(36.99m, 950.50m), 1_234.56m, 112_500m); // 35 158,995 + 1 234,56
        Assert.True(odd.EligibleHasPartsOfAnOre);
        Assert.Equal(36_393.56m, odd.Eligible);
        Assert.Equal(-76_106.45m, odd.Remainder);                                  // rounded once, from the exact figures
        Assert.False(Settlement.Of(Frame, HoursWorked.AtRate(150, Rate), 12_345.67m, 112_500m).EligibleHasPartsOfAnOre);
    }

    [Fact]
    public void AfterTheFrameIsRaised_TheFinalPaymentIsPlannedAsWhatTheFrameLeavesAfterThePaymentsAlreadyFixed()
    {
        var agreement = HallingdalAgreement();
        var final = agreement.Milestones.Single(m => m.Trigger == MilestoneTrigger.FinalReportApproved);
        Assert.Equal(37_500m, agreement.PlannedAmount(final, []));
        var now = new DateTime(2026, 1, 10, 10, 0, 0, DateTimeKind.Utc);
        agreement.Sign(Party.Council, Guid.NewGuid(), "Kari Nordby", now, new DateOnly(2026, 1, 10));
        agreement.Sign(Party.County, Guid.NewGuid(), "Sigrid Lien", now, new DateOnly(2026, 1, 10)); // 112 500 fixed at signing

        var raised = agreement.ToTerms() with { FrameAmount = 170_000m };
        Assert.True(agreement.ProposeAmendment(raised, "Mer arbeid.", Party.Council, "{}", Guid.NewGuid(), "Kari Nordby", now).Succeeded);
        Assert.True(agreement.AcceptAmendment(Party.County, agreement.PendingAmendment!.Id, raised, new DateOnly(2026, 1, 10)).Succeeded);

        Assert.Equal(170_000m, agreement.FrameAmount);
        Assert.Equal(112_500m, agreement.Milestones.Single(m => m.Trigger == MilestoneTrigger.AtSigning).Amount);
        Assert.Equal(57_500m, agreement.PlannedAmount(final, []));
    }

    [Theory]
    [InlineData(100_000, 50_000)]  // kr 12 500 short: the frame leaves that much more for the final payment
    [InlineData(120_000, 30_000)]  // kr 7 500 more than due: that much less
    public void AfterAPaymentOtherThanTheInstalment_TheFinalPaymentIsPlannedFromWhatWasReallyPaid(int paid, int planned)
    {
        var agreement = HallingdalAgreement();
        var now = new DateTime(2026, 1, 10, 10, 0, 0, DateTimeKind.Utc);
        agreement.Sign(Party.Council, Guid.NewGuid(), "Kari Nordby", now, new DateOnly(2026, 1, 10));
        agreement.Sign(Party.County, Guid.NewGuid(), "Sigrid Lien", now, new DateOnly(2026, 1, 10));
        var first = agreement.Milestones.Single(m => m.Trigger == MilestoneTrigger.AtSigning);
        var final = agreement.Milestones.Single(m => m.Trigger == MilestoneTrigger.FinalReportApproved);
        var payment = new Payment(agreement, first, new DateOnly(2026, 1, 12), paid, "R1", "Sigrid Lien", now);
        first.MarkPaid();

        Assert.Equal(112_500m, first.Amount); // what was due stays what it was
        Assert.Equal(payment.Amount, first.PaidIn([payment]));
        Assert.Equal(planned, agreement.PlannedAmount(final, [payment]));
    }

    [Fact]
    public void HourRateChanges_PriceEachDayAtTheRateThenInForce_AndTwoChangesOfOneDayAreOne()
    {
        var agreement = HallingdalAgreement(); // period from 15.01.2026, kr 900
        var now = new DateTime(2026, 1, 10, 10, 0, 0, DateTimeKind.Utc);
        agreement.Sign(Party.Council, Guid.NewGuid(), "Kari Nordby", now, new DateOnly(2026, 1, 10));
        agreement.Sign(Party.County, Guid.NewGuid(), "Sigrid Lien", now, new DateOnly(2026, 1, 10));
        void Amend(decimal rate, DateOnly on)
        {
            var terms = agreement.ToTerms() with { HourRate = rate };
            Assert.True(agreement.ProposeAmendment(terms, "Ny timepris.", Party.Council, "{}", Guid.NewGuid(), "Kari Nordby", now).Succeeded);
            Assert.True(agreement.AcceptAmendment(Party.County, agreement.PendingAmendment!.Id, terms, on).Succeeded);
        }

        Amend(950m, new DateOnly(2026, 1, 12));   // before the period begins: every hour at kr 950, nothing to remember
        Amend(1_000m, new DateOnly(2026, 4, 1));
        Amend(1_100m, new DateOnly(2026, 4, 1));  // the same day again: one change, from kr 950
        Amend(1_200m, new DateOnly(2026, 9, 1));

        Assert.Equal((950m, 950m, 1_100m, 1_100m, 1_200m),
            (agreement.RateOn(new DateOnly(2026, 1, 15)), agreement.RateOn(new DateOnly(2026, 3, 31)), agreement.RateOn(new DateOnly(2026, 4, 1)),
                agreement.RateOn(new DateOnly(2026, 8, 31)), agreement.RateOn(new DateOnly(2026, 12, 31))));
        Assert.Equal(
            [new HourRatePeriod(new DateOnly(2026, 1, 15), new DateOnly(2026, 3, 31), 950m), new HourRatePeriod(new DateOnly(2026, 4, 1), new DateOnly(2026, 8, 31), 1_100m),
                new HourRatePeriod(new DateOnly(2026, 9, 1), null, 1_200m)],
            agreement.HourRatePeriods());

        Amend(1_100m, new DateOnly(2026, 9, 1));  // taken back the same day: the change of that day is gone
        Assert.Equal(2, agreement.HourRatePeriods().Count);
        Assert.Equal(1_100m, agreement.RateOn(new DateOnly(2026, 12, 31)));
    }

    internal static Agreement HallingdalAgreement() =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Regionrådet for Hallingdal", "Buskerud fylkeskommune",
            MissionsTemplate.For(new("Regionrådet for Hallingdal", "975576469"), new("Buskerud fylkeskommune", InvoiceOrderNumber: "B701010", InvoiceProjectNumber: "60256"), 2026));
}
