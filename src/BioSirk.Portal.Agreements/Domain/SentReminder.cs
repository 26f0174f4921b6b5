using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Agreements.Domain;

/// <summary>A reminder that has gone out; its key is unique, so a retried job never sends the same reminder twice.</summary>
public sealed class SentReminder : ICountyFunded
{
    private SentReminder()
    {
    }

    public SentReminder(Agreement agreement, string key, DateTime nowUtc)
    {
        AgreementId = agreement.Id;
        TenantId = agreement.TenantId;
        FunderCountyId = agreement.FunderCountyId;
        Key = key;
        SentAtUtc = nowUtc;
    }

    public long Id { get; private set; }

    public Guid AgreementId { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid FunderCountyId { get; private set; }

    /// <summary>What and when, e.g. "report:2026-12-31:7" or "activities:2026-11-30:passed".</summary>
    public string Key { get; private set; } = string.Empty;

    public DateTime SentAtUtc { get; private set; }
}
