using BioSirk.Portal.SharedKernel.Tenancy;
using Hangfire.Client;
using Hangfire.Server;

namespace BioSirk.Portal.Web.Jobs;

/// <summary>
/// A job carries the council or county it was enqueued for, and runs in that scope: enqueueing stores the current
/// scope as job parameters, performing restores it for the job and then puts the previous one back.
/// </summary>
public sealed class TenantJobFilter(ICurrentTenant currentTenant) : IClientFilter, IServerFilter
{
    private const string TenantParameter = "TenantId";
    private const string CountyParameter = "CountyId";
    private const string PartnershipsParameter = "PartnershipIds";
    private const string ScopeItem = "biosirk.scope";

    public void OnCreating(CreatingContext context)
    {
        context.SetJobParameter(TenantParameter, currentTenant.TenantId);
        context.SetJobParameter(CountyParameter, currentTenant.CountyId);
        context.SetJobParameter(PartnershipsParameter, currentTenant.PartnershipIds.ToArray());
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        var scope = new TenantScope(
            context.GetJobParameter<Guid?>(TenantParameter),
            context.GetJobParameter<Guid?>(CountyParameter))
        {
            PartnershipIds = context.GetJobParameter<Guid[]?>(PartnershipsParameter) ?? [],
        };
        context.Items[ScopeItem] = currentTenant.Use(scope);
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(ScopeItem, out var scope) && scope is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
