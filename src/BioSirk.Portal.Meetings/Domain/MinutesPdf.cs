using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Pdf;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Meetings.Domain;

/// <summary>One printed version of a meeting's minutes (protokoll).</summary>
public sealed class MinutesPdf : PrintedVersion, ITenantOwned, IPartnershipShared, IAudited, IConcurrencyAware
{
    /// <summary>A version still waiting after this long lost its job (a restart of the in-memory job storage); asking again queues it again.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    private MinutesPdf()
    {
    }

    public MinutesPdf(Meeting meeting, int number, string contentJson, Guid requestedByUserId, string requestedBy, DateTime nowUtc)
        : base(number, contentJson, requestedByUserId, requestedBy, nowUtc)
    {
        MeetingId = meeting.Id;
        TenantId = meeting.TenantId;
        PartnershipId = meeting.PartnershipId;
    }

    public Guid MeetingId { get; private set; }

    /// <summary>The meeting's organising council, so that the tenant filter treats the minutes as it treats the meeting.</summary>
    public Guid TenantId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public bool IsStale(DateTime nowUtc) => !IsDone && nowUtc - RequestedAtUtc > StaleAfter;
}
