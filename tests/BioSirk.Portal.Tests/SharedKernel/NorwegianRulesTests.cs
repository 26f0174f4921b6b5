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
