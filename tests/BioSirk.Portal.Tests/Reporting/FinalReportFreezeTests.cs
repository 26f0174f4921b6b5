using BioSirk.Portal.Agreements.Contracts;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Reporting;

/// <summary>
/// A delivered report holds the hours and costs as they were when it was frozen: one registered or deleted in between
/// (another tab, a colleague) makes the delivery conflict, never count in the settlement without being in the report.
/// </summary>
public sealed class FinalReportFreezeTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly AgreementActor Kari = new(Guid.NewGuid(), "Kari Nordby");

    [Fact]
    public async Task HoursRegistered_AfterTheReportWasFrozen_MakeTheDeliveryConflict()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        Portal.Clock.Set(AgreementSteps.AfterTheWork);
        await HallingdalLifecycleTests.RegisterWorkdaysAsync(kari, id, 7.5m);
        var frozen = await InHallingdalAsync(reports => reports.GetBasisAsync(id));

        await HallingdalLifecycleTests.RegisterWorkdaysAsync(kari, id, 7.5m); // meanwhile, from another tab

        var moved = await InHallingdalAsync(reports => reports.MarkSubmittedAsync(id, 1, frozen!.AgreementStamp, Kari));
        Assert.Equal(AgreementStore.ConflictMessage, Assert.Single(moved!.Errors).Message);
        Assert.Equal("Signert (i kraft)", HallingdalLifecycleTests.Text(await kari.GetPageAsync(AgreementSteps.CouncilUrl(id)), "agreement-status"));

        var refrozen = await InHallingdalAsync(reports => reports.GetBasisAsync(id));
        Assert.Equal(15m, refrozen!.Budget.HoursTotal);
        Assert.True((await InHallingdalAsync(reports => reports.MarkSubmittedAsync(id, 1, refrozen.AgreementStamp, Kari)))!.Succeeded);
    }

    [Fact]
    public async Task HoursDeleted_AfterTheReportWasFrozen_MakeTheDeliveryConflict()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        Portal.Clock.Set(AgreementSteps.AfterTheWork);
        await HallingdalLifecycleTests.RegisterWorkdaysAsync(kari, id, 15m);
        var frozen = await InHallingdalAsync(reports => reports.GetBasisAsync(id));

        await AgreementSteps.ExpectRedirectAsync(await kari.SubmitAsync(AgreementSteps.CouncilUrl(id), "form[action*=RemoveHours]", []));

        var moved = await InHallingdalAsync(reports => reports.MarkSubmittedAsync(id, 1, frozen!.AgreementStamp, Kari));
        Assert.False(moved!.Succeeded);
    }

    private Task<T> InHallingdalAsync<T>(Func<IAgreementReports, Task<T>> work) => Portal.WithScopeAsync(async sp =>
    {
        var hallingdal = await sp.GetRequiredService<PlatformDbContext>().Tenants.IgnoreQueryFilters().SingleAsync(t => t.Slug == "hallingdal");
        using var scope = sp.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(hallingdal.Id));
        return await work(sp.GetRequiredService<IAgreementReports>());
    });
}
