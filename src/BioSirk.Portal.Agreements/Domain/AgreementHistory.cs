using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Agreements.Domain;

/// <summary>One step in an agreement's life, in words a secretary understands: who did what, when.</summary>
public sealed class AgreementEvent : ICountyFunded
{
    private AgreementEvent()
    {
    }

    public AgreementEvent(Agreement agreement, DateTime atUtc, string byName, Phrase text)
    {
        AgreementId = agreement.Id;
        TenantId = agreement.TenantId;
        FunderCountyId = agreement.FunderCountyId;
        AtUtc = atUtc;
        ByName = byName;
        Text = text.ToString();
        TextPhrase = text.ToJson();
    }

    public long Id { get; private set; }

    public Guid AgreementId { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid FunderCountyId { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string ByName { get; private set; } = string.Empty;

    /// <summary>What happened, in bokmål.</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>The same as a <see cref="Phrase"/> (JSON), for readers of another language; null on older events.</summary>
    public string? TextPhrase { get; private set; }
}

/// <summary>
/// A signed version of the terms: version 1 at signing, one more per amendment, with the reason and what changed.
/// Never changed once written.
/// </summary>
public sealed class AgreementVersion : ICountyFunded
{
    private AgreementVersion()
    {
    }

    public AgreementVersion(Agreement agreement, string termsJson, string? reason, string changesJson, DateTime atUtc, string byName)
    {
        AgreementId = agreement.Id;
        TenantId = agreement.TenantId;
        FunderCountyId = agreement.FunderCountyId;
        Version = agreement.Version;
        TermsJson = termsJson;
        Reason = reason;
        ChangesJson = changesJson;
        AtUtc = atUtc;
        ByName = byName;
    }

    public long Id { get; private set; }

    public Guid AgreementId { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid FunderCountyId { get; private set; }

    public int Version { get; private set; }

    public string TermsJson { get; private set; } = string.Empty;

    public string? Reason { get; private set; }

    /// <summary>JSON list of { field, old, new } against the previous version.</summary>
    public string ChangesJson { get; private set; } = "[]";

    public DateTime AtUtc { get; private set; }

    public string ByName { get; private set; } = string.Empty;
}
