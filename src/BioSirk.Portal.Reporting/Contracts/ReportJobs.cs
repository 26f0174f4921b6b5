namespace BioSirk.Portal.Reporting.Contracts;

/// <summary>Where a PDF of a final report is: what the browser is told live, and what a reload shows.</summary>
public enum PdfProgressState
{
    Queued = 1,
    Rendering = 2,
    Ready = 3,
    Failed = 4,
}

/// <summary>One step of a PDF, for the people watching the agreement's final report.</summary>
/// <param name="Message">The step in plain bokmål, for the page's status line (read out by screen readers).</param>
/// <param name="OfDelivery">A PDF of a delivered version (the county sees it too), not of the council's draft.</param>
/// <param name="Size">The finished file's size in bytes, and <paramref name="Sha256"/> its hash: the table shows both once it is ready.</param>
public sealed record PdfProgress(Guid AgreementId, Guid PdfId, int Number, PdfProgressState State, int Attempts, string Message, bool OfDelivery,
    long? Size = null, string? Sha256 = null);

/// <summary>Tells the browsers watching a final report how its PDFs go (the web host pushes it through SignalR).</summary>
public interface IReportProgress
{
    Task PublishAsync(PdfProgress progress, CancellationToken ct = default);
}

/// <summary>Queues the background job that prints a PDF (the web host runs it with Hangfire, retries and all).</summary>
public interface IReportJobQueue
{
    void EnqueuePdf(Guid pdfId);
}
