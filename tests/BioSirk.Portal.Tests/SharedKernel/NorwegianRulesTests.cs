using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Validation;

namespace BioSirk.Portal.Tests.SharedKernel;

public sealed class NorwegianRulesTests
{
    [Theory]
    [InlineData("975576469", true)]   // Regionrådet for Hallingdal
    [InlineData("975 576 469", true)]
    [InlineData("975576468", false)]  // wrong check digit
    [InlineData("97557646", false)]   // 8 digits
    [InlineData("97557646a", false)]
    [InlineData("", false)]
    public void OrganisationNumber_ChecksLengthAndModulus11(string value, bool valid) =>
        Assert.Equal(valid, OrganisationNumber.IsValid(value));

    [Theory]
    [InlineData(150000, "kr 150 000,00")]
    [InlineData(112500, "kr 112 500,00")]
    [InlineData(34845.67, "kr 34 845,67")]
    [InlineData(-17500, "kr -17 500,00")]
    [InlineData(0.5, "kr 0,50")]
    public void Kroner_AreFormattedTheNorwegianWay(decimal amount, string expected) =>
        Assert.Equal(expected, Norwegian.Kroner(amount));

    [Theory]
    [InlineData("150 000", 150000)]
    [InlineData("150000,50", 150000.50)]
    [InlineData("7.5", 7.5)]
    [InlineData("kr 900", 900)]
    [InlineData("200 000 kr", 200000)]
    [InlineData("950 kr.", 950)]
    [InlineData("NOK 1 250,50", 1250.50)]
    [InlineData("150 000,-", 150000)]
    [InlineData("-17 500", -17500)]
    public void Amounts_AreReadAsPeopleTypeThem(string text, decimal expected)
    {
        Assert.True(NorwegianNumber.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.234", 1234)]
    [InlineData("150.000", 150000)]
    [InlineData("1.234.567,50", 1234567.50)]
    [InlineData("-17.500", -17500)]
    [InlineData("7.5", 7.5)]
    [InlineData("112 500,00", 112500)]
    public void Amounts_MayHaveTheirThousandsMarkedWithDots(string text, decimal expected)
    {
        Assert.True(NorwegianNumber.TryParseAmount(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("45,5 %", 45.5)]
    [InlineData("75%", 75)]
    public void Percentages_MayKeepTheirSign(string text, decimal expected)
    {
        Assert.True(NorwegianNumber.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("tolv")]
    [InlineData("1,000.50")]
    [InlineData("kr")]
    [InlineData("17 500-")] // a ledger's negative: never read as 17 500
    [InlineData("-")]
    public void Amounts_ThatAreNotNumbers_AreRefused(string text) => Assert.False(NorwegianNumber.TryParse(text, out _));

    [Fact]
    public void Dates_AreDayMonthYear() => Assert.Equal("15.01.2026", Norwegian.Date(new DateOnly(2026, 1, 15)));

    [Fact]
    public void Instants_AreShownInOsloTimeAcrossDaylightSaving()
    {
        Assert.Equal("15.01.2026 kl. 10:00", Norwegian.DateTimeFromUtc(new DateTime(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("15.06.2026 kl. 11:00", Norwegian.DateTimeFromUtc(new DateTime(2026, 6, 15, 9, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("kari@hallingdal.no", true)]
    [InlineData("kari.nordby@hallingdal.kommune.no", true)]
    [InlineData("kari@@hallingdal", false)]
    [InlineData("kari@hallingdal", false)]
    [InlineData("Kari <kari@hallingdal.no>", false)]
    [InlineData("kari nordby@hallingdal.no", false)]
    public void EmailAddress_AcceptsOnlyAPlainAddress(string value, bool valid) => Assert.Equal(valid, EmailAddress.IsValid(value));
}
