using System.ComponentModel;
using BioSirk.Portal.Meetings.Features;
using Hangfire;
using Hangfire.Server;

namespace BioSirk.Portal.Web.Jobs;

/// <summary>
/// The Hangfire job that prints a version of a meeting's minutes, retried as the report's PDF job is (the same warm
/// Chromium); after the last failure the job stays failed in /jobs and the version is marked failed for the secretary.
/// Runs in the council it was queued for (<see cref="TenantJobFilter"/>).
/// </summary>
public sealed class MinutesPdfJob(RenderMinutesPdf work)
{
    public const int Retries = ReportPdfJob.Retries;

    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = [5, 20, 60], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisplayName("Møteprotokoll: PDF {0}")]
    public Task RunAsync(Guid minutesPdfId, PerformContext? context, CancellationToken ct) =>
        work.RunAsync(minutesPdfId, lastAttempt: ReportPdfJob.IsLastAttempt(context), ct);
}

/// <summary>Queues <see cref="MinutesPdfJob"/> in the current council's scope.</summary>
public sealed class HangfireMinutesJobQueue(IBackgroundJobClient jobs) : IMinutesJobQueue
{
    public void EnqueueMinutes(Guid minutesPdfId) => jobs.Enqueue<MinutesPdfJob>(job => job.RunAsync(minutesPdfId, null, CancellationToken.None));
}
