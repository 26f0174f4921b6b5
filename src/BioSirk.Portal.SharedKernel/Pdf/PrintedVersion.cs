namespace BioSirk.Portal.SharedKernel.Pdf;

/// <summary>The steps a page shows while a PDF is made (pushed live, and read again on a reload).</summary>
public enum PdfState
{
    Queued = 1,
    Rendering = 2,
    Ready = 3,
    Failed = 4,
}

/// <summary>
/// One numbered version of a document as a PDF, from the moment it is asked for: queued, rendering, then ready (an
/// immutable version with its SHA-256, size and time) or failed after the last retry. What is printed is frozen in
/// <see cref="ContentJson"/> when it is asked for. The row is made before the job is queued and the job only fills it,
/// so a retried or repeated job finds it and never makes a second version. Each module maps its own subclass (final
/// reports, meeting minutes) with what the version belongs to.
/// </summary>
public abstract class PrintedVersion
{
    private const int MaxFailureLength = 1000;

    protected PrintedVersion()
    {
    }

    protected PrintedVersion(int number, string contentJson, Guid requestedByUserId, string requestedBy, DateTime nowUtc)
    {
        Number = number;
        ContentJson = contentJson;
        RequestedByUserId = requestedByUserId;
        RequestedBy = requestedBy;
        RequestedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    /// <summary>1, 2, 3 … per document.</summary>
    public int Number { get; private set; }

    /// <summary>What is printed, frozen when the PDF was asked for.</summary>
    public string ContentJson { get; private set; } = string.Empty;

    public Guid RequestedByUserId { get; private set; }

    public string RequestedBy { get; private set; } = string.Empty;

    public DateTime RequestedAtUtc { get; private set; }

    public PdfState State { get; private set; } = PdfState.Queued;

    public int Attempts { get; private set; }

    /// <summary>Why the last attempt failed, in plain words (the details are in the job's log).</summary>
    public string? Failure { get; private set; }

    public Guid? FileId { get; private set; }

    public string? Sha256 { get; private set; }

    public long? Size { get; private set; }

    public DateTime? CompletedAtUtc { get; private set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public bool IsDone => State is PdfState.Ready or PdfState.Failed;

    public void StartAttempt()
    {
        State = PdfState.Rendering;
        Attempts++;
    }

    public void Complete(Guid fileId, string sha256, long size, DateTime nowUtc)
    {
        State = PdfState.Ready;
        FileId = fileId;
        Sha256 = sha256;
        Size = size;
        Failure = null;
        CompletedAtUtc = nowUtc;
    }

    /// <summary>An attempt failed: queued again for the next retry, or failed for good after the last one.</summary>
    public void AttemptFailed(string reason, bool lastAttempt, DateTime nowUtc)
    {
        Failure = reason.Length > MaxFailureLength ? reason[..MaxFailureLength] : reason;
        State = lastAttempt ? PdfState.Failed : PdfState.Queued;
        if (lastAttempt)
        {
            CompletedAtUtc = nowUtc;
        }
    }
}
