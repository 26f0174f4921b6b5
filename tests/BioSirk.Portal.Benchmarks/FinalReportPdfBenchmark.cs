using System.Diagnostics;
using System.Globalization;
using System.Text;
using BioSirk.Portal.Reporting.Contracts;
using BioSirk.Portal.SharedKernel.Pdf;
using BioSirk.Portal.Reporting.Data;
using BioSirk.Portal.Reporting.Documents;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.Reporting.Pdf;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using static BioSirk.Portal.Benchmarks.PdfBenchmark;

namespace BioSirk.Portal.Benchmarks;

/// <summary>
/// The real final report (issue 6), in the portal host on PostgreSQL with its Hangfire workers: Hallingdal's report
/// (<see cref="HallingdalReport"/>, checked to print to the asked number of pages) rendered through the portal's own
/// <see cref="ReportDocumentRenderer"/> and <see cref="IPdfRenderer"/> with the browser warm, one at a time (p50, p95,
/// max); then a burst of PDF rows queued at once through the portal's <see cref="IReportJobQueue"/> and printed by the
/// Hangfire job (<c>RenderReportPdf</c>: render, store the file, mark the row Ready), timed from the enqueue to each
/// row's <c>CompletedAtUtc</c>; Chromium's process tree's RSS and PSS sampled throughout. Run through
/// <c>etc/bench/pdf.sh --final-report</c>, which gives it a PostgreSQL cluster of its own.
/// </summary>
internal static class FinalReportPdfBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var runs = Int(args, "--runs", 20);
        var burst = Int(args, "--burst", 20);
        var pagesWanted = Int(args, "--pages", 10);
        var hourRows = Int(args, "--hour-rows", HallingdalReport.DefaultHourRows);
        var costRows = Int(args, "--cost-rows", HallingdalReport.DefaultCostRows);
        var indicatorCount = Int(args, "--indicators", HallingdalReport.DefaultIndicators);
        var workers = Int(args, "--workers", 2);
        var maxPages = Int(args, "--max-pages", 2);
        var chromium = Chromium(args);
        var commit = Arg(args, "--commit") ?? "unknown";
        var output = Arg(args, "--out");
        var postmaster = Arg(args, "--postmaster-pid") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : (int?)null;
        var connection = Arg(args, "--connection") ?? Environment.GetEnvironmentVariable("BIOSIRK_BENCH_POSTGRES")
            ?? throw new ArgumentException("Give the PostgreSQL server with --connection or BIOSIRK_BENCH_POSTGRES (etc/bench/pdf.sh --final-report does).");
        var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];

        await using var portal = new BenchPortal(connection, "biosirk_bench_pdf", new Dictionary<string, string>
        {
            ["Jobs:Server"] = "true",
            ["Jobs:Workers"] = workers.ToString(CultureInfo.InvariantCulture),
            ["Pdf:MaxConcurrentPages"] = maxPages.ToString(CultureInfo.InvariantCulture),
            ["Pdf:ChromiumPath"] = chromium,
        });
        await portal.StartAsync();
        var renderer = (ChromiumPdfRenderer)portal.Services.GetRequiredService<IPdfRenderer>();
        using var memory = new MemorySampler(renderer.ProcessMarker);

        // One report as the job prints it: the document in a scope of its own, then the portal's (singleton) renderer.
        async Task<(double HtmlMs, double TotalMs, byte[] Pdf)> RenderAsync(ReportContent report)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var documents = scope.ServiceProvider.GetRequiredService<ReportDocumentRenderer>();
            var watch = Stopwatch.StartNew();
            var request = await documents.PdfRequestAsync(report);
            var htmlMs = watch.Elapsed.TotalMilliseconds;
            var pdf = await renderer.RenderAsync(request);
            return (htmlMs, watch.Elapsed.TotalMilliseconds, pdf);
        }

        async Task<(int Pages, byte[] Pdf)> PagesAsync(int rows)
        {
            var (_, _, pdf) = await RenderAsync(HallingdalReport.Create(rows, costRows, indicatorCount));
            using var document = PdfDocument.Open(pdf);
            return (document.NumberOfPages, pdf);
        }

        Console.Error.WriteLine("Warming the browser ...");
        var cold = Stopwatch.StartNew();
        var (pages, first) = await PagesAsync(hourRows);
        var coldMs = cold.Elapsed.TotalMilliseconds;
        if (pages != pagesWanted && Arg(args, "--hour-rows") is null)
        {
            // The most hour rows that still print to the pages wanted (the page count only grows with the rows).
            Console.Error.WriteLine($"{hourRows} hour rows print to {pages} pages; searching for {pagesWanted} ...");
            var (low, high) = pages > pagesWanted ? (0, hourRows) : (hourRows, hourRows * 4);
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if ((await PagesAsync(middle)).Pages <= pagesWanted)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            hourRows = low;
            (pages, first) = await PagesAsync(hourRows);
        }

        if (pages != pagesWanted)
        {
            throw new InvalidOperationException(
                $"The report ({hourRows} hour rows, {costRows} costs, {indicatorCount} indicators) prints to {pages} pages, not {pagesWanted}.");
        }

        var content = HallingdalReport.Create(hourRows, costRows, indicatorCount);
        for (var i = 0; i < 3; i++)
        {
            await RenderAsync(content);
        }

        var idleTree = BrowserProcesses.Find(renderer.ProcessMarker);
        var idleRss = BrowserProcesses.ResidentBytes(idleTree);
        var idlePss = BrowserProcesses.ProportionalBytes(idleTree);
        memory.Reset();

        Console.Error.WriteLine($"{runs} reports of {pages} pages, one at a time ...");
        var cpu = new CpuSampler(postmaster);
        cpu.Start();
        var totals = new List<double>();
        var htmls = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var (htmlMs, totalMs, _) = await RenderAsync(content);
            htmls.Add(htmlMs);
            totals.Add(totalMs);
        }

        var sequentialCpu = cpu.Stop(runs);
        var sequentialPeak = memory.Reset();

        // The same burst straight to the renderers, without jobs and database: what the pipeline adds is the difference.
        Console.Error.WriteLine($"{burst} reports at once, straight to ReportDocumentRenderer and the renderer ...");
        var direct = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, burst).Select(_ => Task.Run(() => RenderAsync(content))));
        var directSeconds = direct.Elapsed.TotalSeconds;
        var directPeak = memory.Reset();

        Console.Error.WriteLine($"{burst} PDF jobs enqueued at once ({workers} Hangfire workers, at most {maxPages} pages open) ...");
        var (tenant, ids) = await QueueRowsAsync(portal.Services, content, burst);
        cpu.Start();
        var enqueuedAt = DateTime.UtcNow;
        var wall = Stopwatch.StartNew();
        await using (var scope = portal.Services.CreateAsyncScope())
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(tenant)))
        {
            var queue = scope.ServiceProvider.GetRequiredService<IReportJobQueue>();
            foreach (var id in ids)
            {
                queue.EnqueuePdf(id);
            }
        }

        var enqueueMs = wall.Elapsed.TotalMilliseconds;
        var started = new Dictionary<Guid, double>();
        List<PdfRow> rows;
        while (true)
        {
            rows = await RowsAsync(portal.Services, ids);
            foreach (var row in rows.Where(r => r.State != PdfState.Queued && !started.ContainsKey(r.Id)))
            {
                started[row.Id] = wall.Elapsed.TotalMilliseconds; // seen leaving the queue (polled every 50 ms)
            }

            if (rows.All(r => r.IsDone))
            {
                break;
            }

            if (wall.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"{rows.Count(r => !r.IsDone)} of {burst} PDFs not done after 10 minutes.");
            }

            await Task.Delay(50);
        }

        var burstCpu = cpu.Stop(burst);
        var burstPeak = memory.Reset();
        var loadAfter = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        if (rows.FirstOrDefault(r => r.State != PdfState.Ready) is { } failed)
        {
            throw new InvalidOperationException($"PDF {failed.Number} failed: {failed.Failure}");
        }

        var latencies = rows.Select(r => (r.CompletedAtUtc!.Value - enqueuedAt).TotalMilliseconds).Order().ToArray();
        var waits = started.Values.Order().ToArray();
        var burstSeconds = latencies[^1] / 1000;
        var pagesPerSecond = burst * pages / burstSeconds;
        var steadySeconds = (latencies[^1] - waits[0]) / 1000; // from the first job taken to the last PDF ready
        var seq = totals.Order().ToArray();
        var html = htmls.Order().ToArray();

        var inv = CultureInfo.InvariantCulture;
        var report = new StringBuilder();
        report.AppendLine(inv, $"### Final report PDF — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        report.AppendLine(MachineLine(commit, chromium, loadBefore, loadAfter));
        report.AppendLine(inv, $"Report: Hallingdal's final report (`FinalReportDocument`, {hourRows} hour rows, {costRows} costs, {indicatorCount} indicators), " +
                               $"{pages} A4 pages (PdfPig), {first.Length / 1024} KiB. Portal host on PostgreSQL, `Jobs:Workers` = {workers}, `Pdf:MaxConcurrentPages` = {maxPages}.");
        report.AppendLine();
        report.AppendLine("| measure | value |");
        report.AppendLine("| --- | --- |");
        report.AppendLine(inv, $"| first report (browser start included) | {coldMs:0} ms |");
        report.AppendLine(inv, $"| {pages}-page report, warm, one at a time ({runs} runs), HTML + PDF: p50 / p95 / max | {Percentile(seq, 0.5):0} / {Percentile(seq, 0.95):0} / {seq[^1]:0} ms |");
        report.AppendLine(inv, $"| of which the HTML (`ReportDocumentRenderer`): p50 / p95 | {Percentile(html, 0.5):0} / {Percentile(html, 0.95):0} ms |");
        report.AppendLine(inv, $"| machine busy, one at a time | {sequentialCpu.MachineBusyPercent:0}% |");
        report.AppendLine(inv, $"| {burst} at once straight to the renderers (no jobs, no database): all done in | {directSeconds:0.00} s = {burst * pages / directSeconds:0.0} pages/s; Chromium peak RSS / PSS {Mib(directPeak.Rss)} / {Mib(directPeak.Pss)} |");
        report.AppendLine(inv, $"| {burst} PDF jobs enqueued at once: enqueue took | {enqueueMs:0} ms |");
        report.AppendLine(inv, $"| … all Ready (enqueue → last `CompletedAtUtc`) | {burstSeconds:0.00} s |");
        report.AppendLine(inv, $"| sustained throughput | {pagesPerSecond:0.0} pages/s ({burst / burstSeconds:0.00} reports/s) |");
        report.AppendLine(inv, $"| … from the first job taken to the last Ready | {burst * pages / steadySeconds:0.0} pages/s |");
        report.AppendLine(inv, $"| enqueue → first job seen rendering (polled every 50 ms) | {waits[0]:0} ms |");
        report.AppendLine(inv, $"| enqueue → Ready per PDF: p50 / p95 / max | {Percentile(latencies, 0.5):0} / {Percentile(latencies, 0.95):0} / {latencies[^1]:0} ms |");
        report.AppendLine(inv, $"| machine busy, burst | {burstCpu.MachineBusyPercent:0}% |");
        MemoryRows(report, (idleRss, idlePss), sequentialPeak, ("burst through the jobs", burstPeak), renderer.PeakConcurrentPages);
        report.AppendLine();
        report.AppendLine(inv, $"Targets (issue 6): p50 < 1 s — {(Percentile(seq, 0.5) < 1000 ? "met" : "NOT met")}; ≥ 10 pages/s — {(pagesPerSecond >= 10 ? "met" : "NOT met")}; " +
                               $"pages open ≤ `Pdf:MaxConcurrentPages` — {(renderer.PeakConcurrentPages <= maxPages ? "met" : "NOT met")}.");

        Console.WriteLine(report);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, report.ToString());
        }
    }

    /// <summary>
    /// Saves the burst's PDF rows of one draft report in Hallingdal's scope, each with the frozen content, as
    /// <c>RequestReportPdf</c> does before it enqueues (the portal's own content would be the database's agreement,
    /// not the 10-page one, so the rows are made here).
    /// </summary>
    private static async Task<(Guid Tenant, List<Guid> Ids)> QueueRowsAsync(IServiceProvider services, ReportContent content, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<BioSirk.Portal.Platform.Data.PlatformDbContext>();
        var council = await platform.Tenants.AsNoTracking().SingleAsync(t => t.Slug == "hallingdal");
        var county = await platform.Counties.AsNoTracking().SingleAsync(c => c.Slug == "buskerud");
        var secretary = await platform.Users.AsNoTracking().SingleAsync(u => u.Email == "sekretar.hallingdal@demo.biosirk.no");
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(council.Id));
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var report = new FinalReport(content.Agreement.AgreementId, council.Id, county.Id, content.Agreement.Title, council.Name);
        db.Reports.Add(report);
        var json = content.ToJson();
        var now = DateTime.UtcNow;
        var pdfs = Enumerable.Range(1, count).Select(n => new ReportPdf(report, n, null, json, secretary.Id, "Kari Nordby", now)).ToList();
        db.Pdfs.AddRange(pdfs);
        await db.SaveChangesAsync();
        return (council.Id, pdfs.Select(p => p.Id).ToList());
    }

    private sealed record PdfRow(Guid Id, int Number, PdfState State, DateTime? CompletedAtUtc, string? Failure)
    {
        public bool IsDone => State is PdfState.Ready or PdfState.Failed;
    }

    /// <summary>The rows' states, without their content (polled every 50 ms: it should cost the machine little).</summary>
    private static async Task<List<PdfRow>> RowsAsync(IServiceProvider services, List<Guid> ids)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportingDbContext>().Pdfs.IgnoreQueryFilters().AsNoTracking()
            .Where(p => ids.Contains(p.Id)).Select(p => new PdfRow(p.Id, p.Number, p.State, p.CompletedAtUtc, p.Failure)).ToListAsync();
    }
}
