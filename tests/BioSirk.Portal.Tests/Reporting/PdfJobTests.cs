using System.Collections.Concurrent;
using System.Text.Json;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using static BioSirk.Portal.Tests.Reporting.FinalReportSteps;
using BioSirk.Portal.SharedKernel.Pdf;

namespace BioSirk.Portal.Tests.Reporting;

/// <summary>The PDF job: one version however often it runs or is stopped, and its progress pushed live to those who may see it.</summary>
public sealed class PdfJobTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task JobStoppedWhileRendering_AndRetried_LeavesExactlyOneVersion_AndRunningItAgainChangesNothing()
    {
        var (kari, sigrid, id, pdf) = await QueuedDraftPdfAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        Assert.Equal(PdfState.Queued, pdf.State);

        // Stop the job once it is printing, as a worker that dies or a host that shuts down would.
        using (var stop = new CancellationTokenSource())
        {
            var run = RunPdfJobAsync(Portal, pdf.TenantId, pdf.Id, lastAttempt: false, stop.Token);
            await WaitUntilAsync(async () => (await PdfsAsync(Portal, id)).Single().State == PdfState.Rendering);
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        var stopped = Assert.Single(await PdfsAsync(Portal, id));
        Assert.Null(stopped.FileId);

        // The retry finishes it; another run (a duplicate delivery of the job) and two at once change nothing.
        await RunPdfJobAsync(Portal, pdf.TenantId, pdf.Id, lastAttempt: false);
        var ready = Assert.Single(await PdfsAsync(Portal, id));
        Assert.Equal(PdfState.Ready, ready.State);
        Assert.Equal(2, ready.Attempts);
        await Task.WhenAll(
            RunPdfJobAsync(Portal, pdf.TenantId, pdf.Id, lastAttempt: false),
            RunPdfJobAsync(Portal, pdf.TenantId, pdf.Id, lastAttempt: false));
        var after = Assert.Single(await PdfsAsync(Portal, id));
        Assert.Equal((ready.FileId, ready.Sha256, ready.Attempts), (after.FileId, after.Sha256, after.Attempts));

        var page = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Single(page.QuerySelectorAll("[data-testid=pdf-versions] tbody tr"));
    }

    [Fact]
    public async Task TwoRunsOfAFreshJobAtOnce_MakeOneVersion()
    {
        var (kari, sigrid, id, pdf) = await QueuedDraftPdfAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;

        await Task.WhenAll(
            RunPdfJobAsync(Portal, pdf.TenantId, pdf.Id, lastAttempt: false),
            RunPdfJobAsync(Portal, pdf.TenantId, pdf.Id, lastAttempt: false));

        var done = Assert.Single(await PdfsAsync(Portal, id));
        Assert.Equal(PdfState.Ready, done.State);
        Assert.NotNull(done.FileId);
    }

    [Fact]
    public async Task Progress_IsPushedToTheCouncil_AndOfADeliveredVersionToTheCounty_AndToNobodyElse()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        using var hadeland = await Portal.SignedInAsync(Demo.HadelandSecretary);
        using var innlandet = await Portal.SignedInAsync(Demo.InnlandetOfficer);
        var seen = new ConcurrentQueue<(string Who, string State)>();
        var connections = new List<HubConnection>();
        async Task<HubConnection> Watcher(string who, PortalClient client)
        {
            var hub = await LiveClients.ConnectAsync(Portal, client);
            hub.On<JsonElement>("pdfProgress", p => seen.Enqueue((who, p.GetProperty("state").GetString()!)));
            await hub.StartAsync();
            connections.Add(hub);
            return hub;
        }

        try
        {
            var kariHub = await Watcher("kari", kari);
            var sigridHub = await Watcher("sigrid", sigrid);
            var hadelandHub = await Watcher("hadeland", hadeland);
            var innlandetHub = await Watcher("innlandet", innlandet);

            Assert.True(await kariHub.InvokeAsync<bool>("WatchFinalReport", "rad/hallingdal", id));
            Assert.True(await sigridHub.InvokeAsync<bool>("WatchFinalReport", "fylke/buskerud", id));
            Assert.False(await hadelandHub.InvokeAsync<bool>("WatchFinalReport", "rad/hallingdal", id)); // not her council
            Assert.False(await hadelandHub.InvokeAsync<bool>("WatchFinalReport", "rad/hadeland", id)); // her council, not its agreement
            Assert.False(await innlandetHub.InvokeAsync<bool>("WatchFinalReport", "fylke/innlandet", id));

            // A PDF of the council's draft: the council's people only.
            await ExpectRedirectAsync(await PostReportFormAsync(kari, id, "Pdf"));
            await RunQueuedPdfJobsAsync(Portal);
            await WaitUntilAsync(() => Task.FromResult(seen.Any(s => s.Who == "kari" && s.State == "Ready")));
            Assert.Equal(["Queued", "Rendering", "Ready"], seen.Where(s => s.Who == "kari").Select(s => s.State));
            var draft = Assert.Single(await PdfsAsync(Portal, id));
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await sigrid.GetAsync($"{CountyUrl(id)}?handler=Pdf&pdfId={draft.Id}")).StatusCode);

            // The PDF of the delivered version: the county's officer too.
            await ExpectRedirectAsync(await SubmitReportAsync(kari, id));
            await RunQueuedPdfJobsAsync(Portal);
            await WaitUntilAsync(() => Task.FromResult(seen.Count(s => s.State == "Ready") == 3));
            Assert.Equal(["Queued", "Rendering", "Ready"], seen.Where(s => s.Who == "sigrid").Select(s => s.State));
            Assert.DoesNotContain(seen, s => s.Who is "hadeland" or "innlandet");
        }
        finally
        {
            foreach (var hub in connections)
            {
                await hub.DisposeAsync();
            }
        }
    }

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Not within {seconds} s.");
            await Task.Delay(20);
        }
    }
}
