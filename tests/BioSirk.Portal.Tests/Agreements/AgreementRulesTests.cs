using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;

namespace BioSirk.Portal.Tests.Agreements;

public sealed class AgreementRulesTests
{
    private static readonly AgreementTerms Template =
        MissionsTemplate.For(new("Regionrådet for Hallingdal", "975576469"), new("Buskerud fylkeskommune", InvoiceOrderNumber: "B701010", InvoiceProjectNumber: "60256"), 2026);

    private static Dictionary<string, string> Errors(AgreementTerms terms) =>
        AgreementRules.Validate(terms).GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.First().Message);

    [Theory]
    [InlineData("2026-12-05", "Aktivitetene skal være ferdige 30.11.2026 (passert)")]
    [InlineData("2026-11-30", "Aktivitetene skal være ferdige 30.11.2026 (i dag)")]
    [InlineData("2026-11-29", "Aktivitetene skal være ferdige 30.11.2026 (i morgen)")]
    [InlineData("2026-11-20", "Aktivitetene skal være ferdige 30.11.2026 (om 10 dager)")]
    public void TheNextDeadline_SaysHowFarAwayItIs_InWords(string today, string expected) =>
        Assert.Equal(expected, BioSirk.Portal.Web.Pages.Shared.Agreements.DeadlineTexts.Describe(
            new Deadline("Aktivitetene skal være ferdige", new DateOnly(2026, 11, 30)), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture),
            BioSirk.Portal.Web.Localization.NorwegianTexts.Instance));

    [Theory]
    [InlineData(AgreementStatus.Signed, "Aktivitetene skal være ferdige")]
    [InlineData(AgreementStatus.FinalReportSubmitted, null)] // the council has delivered: its own deadlines are met
    [InlineData(AgreementStatus.Approved, null)]
    [InlineData(AgreementStatus.Settled, null)]
    public void TheNextDeadline_AfterTheReportIsDelivered_IsOnlyADatedPayment(AgreementStatus status, string? expected)
    {
        var today = new DateOnly(2026, 11, 30);
        Assert.Equal(expected, AgreementQueries.NextDeadline(status, today, new DateOnly(2026, 12, 31), [], today)?.What);
        var dated = new MilestoneDeadline("Rate 2", new DateOnly(2027, 1, 15), MilestoneState.Waiting);
        Assert.Equal(status == AgreementStatus.Settled ? null : status == AgreementStatus.Signed ? "Aktivitetene skal være ferdige" : "Utbetaling «Rate 2»",
            AgreementQueries.NextDeadline(status, today, new DateOnly(2026, 12, 31), [dated], today)?.What);
    }

    [Fact]
    public void TheMissionsTemplate_IsValidAsItIs() => Assert.Empty(AgreementRules.Validate(Template));

    /// <summary>A draft made in the autumn is for next year: this year's activities deadline (30 November) is too close.</summary>
    [Theory]
    [InlineData("2026-01-02", 2026)]
    [InlineData("2026-09-30", 2026)]
    [InlineData("2026-10-01", 2027)]
    [InlineData("2026-11-30", 2027)]
    [InlineData("2026-12-31", 2027)]
    public void ANewDraft_IsForTheYearWhoseDeadlinesAreStillAhead(string today, int year) =>
        Assert.Equal(year, MissionsTemplate.YearOf(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void PeriodEnd_MustComeAfterTheStart() =>
        Assert.Equal("Perioden må slutte etter at den starter (15.01.2026).",
            Errors(Template with { PeriodEnd = new DateOnly(2026, 1, 15) })["PeriodEnd"]);

    [Theory]
    [InlineData("1999-12-31", "2026-12-31", "PeriodStart")]
    [InlineData("2026-01-15", "9999-12-31", "PeriodEnd")]
    public void APeriod_OfAnImpossibleYear_IsCaught(string start, string end, string field) =>
        Assert.Equal("Sjekk årstallet: en avtaleperiode starter tidligst i 2000 og varer høyst 10 år.",
            Errors(Template with { PeriodStart = DateOnly.Parse(start), PeriodEnd = DateOnly.Parse(end) })[field]);

    [Fact]
    public void AMilestonesDate_MayFallUpToThreeMonthsAfterThePeriod_AndTheMessageSaysSo()
    {
        var terms = Template with
        {
            Milestones = [new MilestoneTerms("Ved signering", 75m, MilestoneTrigger.AtSigning, null), new MilestoneTerms("Slutt", 25m, MilestoneTrigger.OnDate, new DateOnly(2099, 1, 1))],
        };

        Assert.Equal("Datoen for utbetalingen må ligge i avtaleperioden eller de tre månedene etter, 15.01.2026–31.03.2027.", Errors(terms)["Milestones[1].DueDate"]);
    }

    [Fact]
    public void Deadlines_MustLieInsideThePeriod()
    {
        var errors = Errors(Template with { ActivitiesDeadline = new DateOnly(2027, 1, 10), ReportDeadline = new DateOnly(2026, 1, 1) });

        Assert.Equal("Fristen for aktivitetene må ligge i avtaleperioden, 15.01.2026–31.12.2026.", errors["ActivitiesDeadline"]);
        Assert.Equal("Fristen for sluttrapporten må ligge i avtaleperioden, 15.01.2026–31.12.2026.", errors["ReportDeadline"]);
    }

    [Fact]
    public void MilestoneShares_MustAddUpTo100Percent()
    {
        var terms = Template with
        {
            Milestones = [new MilestoneTerms("Ved signering", 75m, MilestoneTrigger.AtSigning, null), new MilestoneTerms("Slutt", 20m, MilestoneTrigger.FinalReportApproved, null)],
        };

        Assert.Equal("Andelene må til sammen være 100 %. Nå er summen 95 %.", Errors(terms)["Milestones"]);
    }

    [Theory]
    [InlineData(0, "Beløpet for avtalens ramme må være større enn 0.")]
    [InlineData(-5, "Beløpet for avtalens ramme må være større enn 0.")]
    [InlineData(150000.001, "Beløpet for avtalens ramme kan ha høyst to desimaler (hele øre).")]
    public void Amounts_MustBePositiveWithWholeOre(decimal frame, string message) =>
        Assert.Equal(message, Errors(Template with { FrameAmount = frame })["FrameAmount"]);

    [Theory]
    [InlineData("975576468")]
    [InlineData("97557646")]
    [InlineData("abcdefghi")]
    public void CouncilOrganisationNumber_NeedsNineDigitsAndAValidCheckDigit(string number) =>
        Assert.StartsWith("Organisasjonsnummeret må ha 9 siffer", Errors(Template with { CouncilOrganisationNumber = number })["CouncilOrganisationNumber"]);

    [Fact]
    public void Rescission_BeforeTheRemedyDeadline_IsRefused_AndAfterItAllowed()
    {
        var agreement = SettlementTests.HallingdalAgreement();
        var now = new DateTime(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc);
        agreement.Sign(Party.Council, Guid.NewGuid(), "Kari", now, new DateOnly(2026, 2, 1));
        agreement.Sign(Party.County, Guid.NewGuid(), "Sigrid", now, new DateOnly(2026, 2, 1));

        var withoutNotice = agreement.Rescind(Party.County, new DateOnly(2026, 6, 1), now);
        Assert.Contains("kan ikke sies opp", withoutNotice.Errors[0].Message);

        Assert.True(agreement.GiveBreachNotice(Party.County, "Ingen aktivitet", new DateOnly(2026, 6, 30), new DateOnly(2026, 6, 1), false, Guid.NewGuid(), "Sigrid", now).Succeeded);
        var early = agreement.Rescind(Party.County, new DateOnly(2026, 6, 30), now);
        Assert.Equal("Fristen for å rette misligholdet går ut 30.06.2026. Avtalen kan heves først etter fristen.", early.Errors[0].Message);
        Assert.Equal(AgreementStatus.Signed, agreement.Status);

        Assert.True(agreement.Rescind(Party.County, new DateOnly(2026, 7, 1), now).Succeeded);
        Assert.Equal(AgreementStatus.Rescinded, agreement.Status);
    }
}
