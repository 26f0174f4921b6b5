using BioSirk.Portal.Platform.Domain;

namespace BioSirk.Portal.Tests.Platform;

public sealed class EntraConnectionTests
{
    [Fact]
    public void Connection_TakesTheTenantIdAndDomainsAsTyped_AndAllowsOnlyThoseDomains()
    {
        var connection = EntraConnection.ForCouncil(Guid.NewGuid());
        var result = connection.Set(" 72f988bf-86f1-41af-91ab-2d7cd011db47 ", "Hallingdal.no, @gol.kommune.no;hallingdal.no");

        Assert.True(result.Succeeded);
        Assert.Equal(Guid.Parse("72f988bf-86f1-41af-91ab-2d7cd011db47"), connection.EntraTenantId);
        Assert.Equal(["hallingdal.no", "gol.kommune.no"], connection.Domains);
        Assert.True(connection.Allows("Kari.Nordmann@Hallingdal.no"));
        Assert.False(connection.Allows("kari@sub.hallingdal.no"));
        Assert.False(connection.Allows("kari@hallingdal.no.evil.com"));
        Assert.False(connection.Allows("hallingdal.no"));
    }

    [Theory]
    [InlineData("", "hallingdal.no", "EntraTenantId")]
    [InlineData("00000000-0000-0000-0000-000000000000", "hallingdal.no", "EntraTenantId")]
    [InlineData("72f988bf-86f1-41af-91ab-2d7cd011db47", " ", "AllowedDomains")]
    [InlineData("72f988bf-86f1-41af-91ab-2d7cd011db47", "hallingdal", "AllowedDomains")]
    [InlineData("72f988bf-86f1-41af-91ab-2d7cd011db47", "kari@hallingdal.no", "AllowedDomains")]
    public void BadInput_IsRefusedWithAMessageOnTheField_AndNothingChanges(string tid, string domains, string field)
    {
        var connection = EntraConnection.ForCounty(Guid.NewGuid());
        var result = connection.Set(tid, domains);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == field && e.Message.Length > 20);
        Assert.Equal(Guid.Empty, connection.EntraTenantId);
        Assert.Empty(connection.Domains);
    }
}
