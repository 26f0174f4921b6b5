using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Meetings.Domain;

/// <summary>The steps the protokoll page shows while the minutes are printed.</summary>
public enum MinutesPdfState
{
    Queued = 1,
    Rendering = 2,
    Ready = 3,
    Failed = 4,
}

/// <summary>
/// One version of a meeting's minutes (protokoll) as a PDF, from the moment the secretary asks for it: queued, rendering,
/// then ready (immutable: number, SHA-256, size, time, who) or failed after the last retry. What is printed is frozen in
/// <see cref="ContentJson"/> when it is asked for. The row is made before the job is queued and the job only fills it,
/// so a retried or repeated job finds it and never makes a second version.
/// </summary>
public sealed class MinutesPdf : ITenantOwned, IPartnershipShared, IAudited, IConcurrencyAware
{
    /// <summary>A version still waiting after this long lost its job (a restart of the in-memory job storage); asking again queues it again.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    private MinutesPdf()
    {
    }

    public MinutesPdf(Meeting meeting, int number, string contentJson, Guid requestedByUserId, string requestedBy, DateTime nowUtc)
    {
        MeetingId = meeting.Id;
        TenantId = meeting.TenantId;
        PartnershipId = meeting.PartnershipId;
        Number = number;
        ContentJson = contentJson;
        RequestedByUserId = requestedByUserId;
        RequestedBy = requestedBy;
        RequestedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid MeetingId { get; private set; }

    /// <summary>The meeting's organising council, so that the tenant filter treats the minutes as it treats the meeting.</summary>
    public Guid TenantId { get; private set; }

    public Guid PartnershipId { get; private set; }

    /// <summary>1, 2, 3 … per meeting (unique with the meeting id).</summary>
    public int Number { get; private set; }

    public string ContentJson { get; private set; } = string.Empty;

    public Guid RequestedByUserId { get; private set; }

    public string RequestedBy { get; private set; } = string.Empty;

    public DateTime RequestedAtUtc { get; private set; }

    public MinutesPdfState State { get; private set; } = MinutesPdfState.Queued;

    public int Attempts { get; private set; }

    /// <summary>Why the last attempt failed (the details are in the job's log).</summary>
    public string? Failure { get; private set; }

    public Guid? FileId { get; private set; }

    public string? Sha256 { get; private set; }

    public long? Size { get; private set; }

    public DateTime? CompletedAtUtc { get; private set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public bool IsDone => State is MinutesPdfState.Ready or MinutesPdfState.Failed;

    public bool IsStale(DateTime nowUtc) => !IsDone && nowUtc - RequestedAtUtc > StaleAfter;

    public void StartAttempt()
    {
        State = MinutesPdfState.Rendering;
        Attempts++;
    }

    public void Complete(Guid fileId, string sha256, long size, DateTime nowUtc)
    {
        State = MinutesPdfState.Ready;
        FileId = fileId;
        Sha256 = sha256;
        Size = size;
        Failure = null;
        CompletedAtUtc = nowUtc;
    }

    /// <summary>An attempt failed: queued again for the next retry, or failed for good after the last one.</summary>
    public void AttemptFailed(string reason, bool lastAttempt, DateTime nowUtc)
    {
        Failure = reason.Length > 1000 ? reason[..1000] : reason;
        State = lastAttempt ? MinutesPdfState.Failed : MinutesPdfState.Queued;
        if (lastAttempt)
        {
            CompletedAtUtc = nowUtc;
        }
    }
}
