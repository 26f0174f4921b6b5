using System.ComponentModel;
using BioSirk.Portal.Reporting.Contracts;
using BioSirk.Portal.Reporting.Features;
using Hangfire;
using Hangfire.Server;

namespace BioSirk.Portal.Web.Jobs;

/// <summary>
/// The Hangfire job that prints a final report's PDF. Retried three times, quickly (a crashed Chromium is restarted by
/// the renderer); after the last failure the job stays failed in /jobs, and the PDF is marked failed for the
/// secretary. Runs in the tenant it was queued for (<see cref="TenantJobFilter"/>).
/// </summary>
public sealed class ReportPdfJob(RenderReportPdf work)
{
    public const int Retries = 3;

    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = [5, 20, 60], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisplayName("Sluttrapport: PDF {0}")]
    public Task RunAsync(Guid pdfId, PerformContext? context, CancellationToken ct) =>
        work.RunAsync(pdfId, lastAttempt: IsLastAttempt(context), ct);

    /// <summary>Hangfire counts the retries in the job parameter "RetryCount": 0 on the first run, <see cref="Retries"/> on the last.</summary>
    public static bool IsLastAttempt(PerformContext? context) => (context?.GetJobParameter<int>("RetryCount") ?? Retries) >= Retries;
}

/// <summary>Queues <see cref="ReportPdfJob"/> in the current council's or county's scope.</summary>
public sealed class HangfireReportJobQueue(IBackgroundJobClient jobs) : IReportJobQueue
{
    public void EnqueuePdf(Guid pdfId) => jobs.Enqueue<ReportPdfJob>(job => job.RunAsync(pdfId, null, CancellationToken.None));
}
