using System.Globalization;
using BioSirk.Portal.Meetings.Data;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Tests.Reporting;
using BioSirk.Portal.Web.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Meetings.MinutesSteps;
using BioSirk.Portal.SharedKernel.Pdf;

namespace BioSirk.Portal.Tests.Meetings;

/// <summary>The portal with a Hangfire worker, in a database of its own.</summary>
public sealed class MinutesJobsPortalFactory() : PortalFactory("biosirk_minutes_jobs")
{
    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Jobs:Server", "true");
        builder.UseSetting("Jobs:Workers", "1");
    }
}

/// <summary>The minutes' job as Hangfire runs it: in the meeting's council, retried, and failed for good after the last retry.</summary>
public sealed class MinutesJobTests(MinutesJobsPortalFactory portal) : IClassFixture<MinutesJobsPortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task LagProtokoll_IsPrintedByTheWorker_InTheMeetingsCouncil()
    {
        using var kari = await portal.SignedInAsync(Demo.HallingdalSecretary);
        var path = await HeldMeetingAsync(kari);
        await ExpectRedirectAsync(await SaveResolutionAsync(kari, path, "SAK 1/26"));
        await ExpectRedirectAsync(await SaveResolutionAsync(kari, path, "SAK 2/26"));

        await ExpectRedirectAsync(await MakeMinutesAsync(kari, path));

        await PdfJobTests.WaitUntilAsync(async () => (await MinutesPdfsAsync(portal)).Single().State == PdfState.Ready, seconds: 60);
        var page = await kari.GetPageAsync(MinutesPath(path));
        Assert.Contains("Klar", Assert.Single(page.QuerySelectorAll("[data-testid=minutes-version]")).TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=minutes-status]")); // no empty status line once the PDF is ready
    }

    [Fact]
    public async Task TheLastRetryFails_TheVersionIsMarkedFailed_TheSecretaryIsTold_AndTheJobStaysFailed()
    {
        using var kari = await portal.SignedInAsync(Demo.HallingdalSecretary);
        var path = await HeldMeetingAsync(kari);
        var meetingId = Guid.Parse(path.Split('/')[^1]);

        // A version whose frozen content cannot be read (as if damaged): every attempt fails. Rather than waiting for the
        // retries (5, 20 and 60 s), the job is queued already on its last retry (Hangfire's own RetryCount parameter).
        var (pdfId, councilId) = await portal.WithScopeAsync(async sp =>
        {
            var kariId = (await sp.GetRequiredService<PlatformDbContext>().Users.SingleAsync(u => u.Email == Demo.HallingdalSecretary)).Id;
            var db = sp.GetRequiredService<MeetingsDbContext>();
            var councilOfMeeting = await db.Meetings.IgnoreQueryFilters().Where(m => m.Id == meetingId).Select(m => m.TenantId).SingleAsync();
            using (sp.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(councilOfMeeting)))
            {
                var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId);
                var pdf = new MinutesPdf(meeting, 1, "not json", kariId, "Kari Nordby", DateTime.UtcNow);
                db.MinutesPdfs.Add(pdf);
                await db.SaveChangesAsync();
                var jobs = sp.GetRequiredService<IBackgroundJobClient>();
                var id = jobs.Schedule<MinutesPdfJob>(j => j.RunAsync(pdf.Id, null, CancellationToken.None), TimeSpan.FromHours(1));
                using (var connection = sp.GetRequiredService<JobStorage>().GetConnection())
                {
                    connection.SetJobParameter(id, "RetryCount", MinutesPdfJob.Retries.ToString(CultureInfo.InvariantCulture));
                }

                jobs.Requeue(id);
                return (pdf.Id, meeting.TenantId);
            }
        });

        await PdfJobTests.WaitUntilAsync(async () => (await MinutesPdfsAsync(portal)).Single(p => p.Id == pdfId).State == PdfState.Failed, seconds: 150);
        var failed = (await MinutesPdfsAsync(portal)).Single();
        Assert.Equal((councilId, (Guid?)null), (failed.TenantId, failed.FileId));
        var page = await kari.GetPageAsync(MinutesPath(path));
        Assert.Contains("kunne ikke lages etter", page.QuerySelector("[data-testid=minutes-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Prøv «Lag protokoll» igjen", page.QuerySelector("[data-testid=minutes-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Feilet", page.QuerySelector("[data-testid=minutes-version]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Protokoll 1 kunne ikke lages etter 1 forsøk", (await kari.GetPageAsync("/varsler")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await PdfJobTests.WaitUntilAsync(() => portal.WithScopeAsync(sp =>
            Task.FromResult(sp.GetRequiredService<JobStorage>().GetMonitoringApi().FailedCount() > 0)), seconds: 30);
        using var host = await portal.SignedInAsync(Demo.HostAdmin);
        Assert.Contains("protokoll: PDF", await (await host.GetAsync("/jobs/jobs/failed")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
