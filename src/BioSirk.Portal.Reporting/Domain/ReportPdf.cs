using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Reporting.Domain;

/// <summary>The steps the browser shows while a PDF is made (pushed live, and read again on a reload).</summary>
public enum PdfState
{
    Queued = 1,
    Rendering = 2,
    Ready = 3,
    Failed = 4,
}

/// <summary>
/// One PDF of a final report, from the moment it is asked for: queued, rendering, then ready (an immutable version with
/// its SHA-256, size and time) or failed after the last retry. The row is made when the job is enqueued and the job
/// fills it, so a retried or repeated job finds it and can never make a second version.
/// </summary>
public sealed class ReportPdf : ICountyFunded, IAudited, IConcurrencyAware
{
    private ReportPdf()
    {
    }

    public ReportPdf(FinalReport report, int number, Guid? submissionId, string contentJson, Guid requestedByUserId, string requestedBy, DateTime nowUtc)
    {
        ReportId = report.Id;
        AgreementId = report.AgreementId;
        TenantId = report.TenantId;
        FunderCountyId = report.FunderCountyId;
        Number = number;
        SubmissionId = submissionId;
        ContentJson = contentJson;
        RequestedByUserId = requestedByUserId;
        RequestedBy = requestedBy;
        RequestedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid ReportId { get; private set; }

    public Guid AgreementId { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid FunderCountyId { get; private set; }

    /// <summary>1, 2, 3 … per report.</summary>
    public int Number { get; private set; }

    /// <summary>The submitted version this PDF is of; null for a PDF of the draft ("Lag PDF").</summary>
    public Guid? SubmissionId { get; private set; }

    /// <summary>What is printed, frozen when the PDF was asked for.</summary>
    public string ContentJson { get; private set; } = string.Empty;

    public Guid RequestedByUserId { get; private set; }

    public string RequestedBy { get; private set; } = string.Empty;

    public DateTime RequestedAtUtc { get; private set; }

    public PdfState State { get; private set; } = PdfState.Queued;

    public int Attempts { get; private set; }

    /// <summary>Why the last attempt failed (for the secretary: plain words; the details are in the job log).</summary>
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
        Failure = reason;
        State = lastAttempt ? PdfState.Failed : PdfState.Queued;
        if (lastAttempt)
        {
            CompletedAtUtc = nowUtc;
        }
    }
}
