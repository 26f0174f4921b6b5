using BioSirk.Portal.Platform.Contracts;
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
    }

    [Fact]
    public void AnOwner_AllowsExactlyItsDomains()
    {
        var owner = new EntraOwner(Guid.NewGuid(), false, Guid.NewGuid(), "hallingdal", "Hallingdal", ["hallingdal.no", "gol.kommune.no"]);

        Assert.True(owner.Allows("Kari.Nordmann@Hallingdal.no"));
        Assert.True(owner.Allows("per@gol.kommune.no"));
        Assert.False(owner.Allows("kari@sub.hallingdal.no"));
        Assert.False(owner.Allows("kari@hallingdal.no.evil.com"));
        Assert.False(owner.Allows("hallingdal.no"));
        Assert.False(owner.Allows(null));
    }

    [Fact]
    public void NothingCounts_UntilTheHostAdminApproves_AndADomainAddedLaterWaitsWhileTheApprovedOnesKeepWorking()
    {
        var connection = EntraConnection.ForCouncil(Guid.NewGuid());
        connection.Set("72f988bf-86f1-41af-91ab-2d7cd011db47", "hallingdal.no");
        Assert.True(connection.AwaitsApproval);
        Assert.Empty(connection.ActiveDomains);

        connection.Approve();
        Assert.False(connection.AwaitsApproval);
        Assert.Equal(["hallingdal.no"], connection.ActiveDomains);

        connection.Set("72f988bf-86f1-41af-91ab-2d7cd011db47", "hallingdal.no, buskerud.no");
        Assert.True(connection.AwaitsApproval);
        Assert.Equal(["buskerud.no"], connection.PendingDomains);
        Assert.Equal(["hallingdal.no"], connection.ActiveDomains);

        Assert.True(connection.RejectPending());
        Assert.Equal(["hallingdal.no"], connection.Domains);
        Assert.False(connection.AwaitsApproval);

        connection.Set("9c2f4d1e-0b7a-4e55-8a61-2f3c4d5e6f70", "hallingdal.no");
        Assert.Empty(connection.ActiveDomains); // another Entra tenant: nobody signs in until it is approved
        Assert.Equal(["hallingdal.no"], connection.PendingDomains);
    }

    [Fact]
    public void RemovingADomain_TakesEffectAtOnce_WithoutApproval()
    {
        var connection = EntraConnection.ForCouncil(Guid.NewGuid());
        connection.Set("72f988bf-86f1-41af-91ab-2d7cd011db47", "hallingdal.no, gol.kommune.no");
        connection.Approve();

        connection.Set("72f988bf-86f1-41af-91ab-2d7cd011db47", "hallingdal.no");

        Assert.False(connection.AwaitsApproval);
        Assert.Equal(["hallingdal.no"], connection.ActiveDomains);
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
