using System.Diagnostics;
using System.Globalization;
using System.Text;
using BioSirk.Portal.Reporting.Pdf;
using BioSirk.Portal.Tests.Reporting;
using Microsoft.Extensions.Logging.Abstractions;

namespace BioSirk.Portal.Benchmarks;

/// <summary>
/// The PDF renderer on the system Chromium (issue 6): a 10-page report printed one at a time with the browser warm
/// (p50, p95), then a burst enqueued at once (pages per second), while the resident memory of the browser's whole
/// process tree is sampled from /proc. Run through etc/bench/pdf.sh.
/// </summary>
internal static class PdfBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var runs = Int(args, "--runs", 20);
        var burst = Int(args, "--burst", 20);
        var pagesPerReport = Int(args, "--pages", 10);
        var maxPages = Int(args, "--max-pages", 2);
        var chromium = Chromium(args);
        var commit = Arg(args, "--commit") ?? "unknown";
        var output = Arg(args, "--out");
        var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];

        await using var renderer = new ChromiumPdfRenderer(
            Microsoft.Extensions.Options.Options.Create(new PdfOptions { ChromiumPath = chromium, MaxConcurrentPages = maxPages }),
            NullLogger<ChromiumPdfRenderer>.Instance);
        var request = SampleReport.Create(pages: pagesPerReport);
        using var memory = new MemorySampler(renderer.ProcessMarker);

        Console.Error.WriteLine("Warming the browser ...");
        var cold = Stopwatch.StartNew();
        await renderer.RenderAsync(request);
        var coldMs = cold.Elapsed.TotalMilliseconds;
        for (var i = 0; i < 3; i++)
        {
            await renderer.RenderAsync(request);
        }

        var idleTree = BrowserProcesses.Find(renderer.ProcessMarker);
        var idleRss = BrowserProcesses.ResidentBytes(idleTree);
        var idlePss = BrowserProcesses.ProportionalBytes(idleTree);
        memory.Reset();

        Console.Error.WriteLine($"{runs} reports of {pagesPerReport} pages, one at a time ...");
        var sequential = new List<double>();
        var bytes = 0;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            bytes = (await renderer.RenderAsync(request)).Length;
            sequential.Add(watch.Elapsed.TotalMilliseconds);
        }

        var sequentialPeak = memory.Reset();

        Console.Error.WriteLine($"{burst} reports enqueued at once (at most {maxPages} pages open) ...");
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var all = Stopwatch.StartNew();
        var latencies = await Task.WhenAll(Enumerable.Range(0, burst).Select(_ => Task.Run(async () =>
        {
            var watch = Stopwatch.StartNew();
            await renderer.RenderAsync(request);
            return watch.Elapsed.TotalMilliseconds;
        })));
        var burstSeconds = all.Elapsed.TotalSeconds;
        var burstPeak = memory.Reset();
        var loadAfter = File.ReadAllText("/proc/loadavg").Split(' ')[0];

        var seq = sequential.Order().ToArray();
        var lat = latencies.Order().ToArray();
        var pagesPerSecond = burst * pagesPerReport / burstSeconds;
        var report = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        report.AppendLine(inv, $"### PDF renderer — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        report.AppendLine(MachineLine(commit, chromium, loadBefore, loadAfter));
        report.AppendLine(inv, $"Report: {pagesPerReport} A4 pages (a 25-row table per page, header, «Side x av y» footer, tagged, outline), {bytes / 1024} KiB; `Pdf:MaxConcurrentPages` = {maxPages}.");
        report.AppendLine();
        report.AppendLine("| measure | value |");
        report.AppendLine("| --- | --- |");
        report.AppendLine(inv, $"| first report (browser start included) | {coldMs:0} ms |");
        report.AppendLine(inv, $"| {pagesPerReport}-page report, warm, one at a time ({runs} runs): p50 / p95 / max | {Percentile(seq, 0.5):0} / {Percentile(seq, 0.95):0} / {seq[^1]:0} ms |");
        report.AppendLine(inv, $"| {burst} reports enqueued at once: all done in | {burstSeconds:0.00} s |");
        report.AppendLine(inv, $"| sustained throughput | {pagesPerSecond:0.0} pages/s ({burst / burstSeconds:0.00} reports/s) |");
        report.AppendLine(inv, $"| burst: time from enqueue to PDF, p50 / p95 | {Percentile(lat, 0.5):0} / {Percentile(lat, 0.95):0} ms |");
        MemoryRows(report, (idleRss, idlePss), sequentialPeak, ("burst", burstPeak), renderer.PeakConcurrentPages);
        report.AppendLine(inv, $"| this process's CPU during the burst | {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds:0.0} s |");
        report.AppendLine();
        report.AppendLine(inv, $"Targets (issue 6): p50 < 1 s — {(Percentile(seq, 0.5) < 1000 ? "met" : "NOT met")}; ≥ 10 pages/s — {(pagesPerSecond >= 10 ? "met" : "NOT met")}.");

        Console.WriteLine(report);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, report.ToString());
        }
    }

    internal static double Percentile(double[] sorted, double p) => LoadRunner.Percentile(sorted, p);

    internal static string Chromium(string[] args) =>
        Arg(args, "--chromium") ?? (Environment.GetEnvironmentVariable("BIOSIRK_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium");

    internal static string MachineLine(string commit, string chromium, string loadBefore, string loadAfter) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Commit `{commit}`; {Environment.ProcessorCount} CPUs ({CpuModel()}), {MemTotal()}; {ChromiumVersion(chromium)}; load average {loadBefore} before, {loadAfter} after.");

    /// <summary>The memory rows of the table: Chromium's tree idle, at its peak one at a time and at its peak in the burst.</summary>
    internal static void MemoryRows(StringBuilder report, (long Rss, long Pss) idle, (long Rss, long Pss, int Processes) sequential,
        (string Name, (long Rss, long Pss, int Processes) Peak) burst, int peakPages)
    {
        var inv = CultureInfo.InvariantCulture;
        report.AppendLine(inv, $"| Chromium memory (sum over its process tree), warm and idle: RSS / PSS | {Mib(idle.Rss)} / {Mib(idle.Pss)} |");
        report.AppendLine(inv, $"| Chromium peak RSS / PSS, one at a time | {Mib(sequential.Rss)} / {Mib(sequential.Pss)} ({sequential.Processes} processes) |");
        report.AppendLine(inv, $"| Chromium peak RSS / PSS, {burst.Name} | {Mib(burst.Peak.Rss)} / {Mib(burst.Peak.Pss)} ({burst.Peak.Processes} processes) |");
        report.AppendLine(inv, $"| peak pages open at once | {peakPages} |");
    }

    internal static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0} MiB");

    internal static string? Arg(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    internal static int Int(string[] args, string name, int fallback) =>
        Arg(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    internal static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";

    /// <summary>The GC the portal runs with in this process (the bench's runtimeconfig, like the portal's, or DOTNET_gcServer).</summary>
    internal static string GcMode() =>
        (System.Runtime.GCSettings.IsServerGC ? "server GC" : "workstation GC") + (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Batch ? "" : ", concurrent");

    internal static string MemTotal() =>
        File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal)) is { } l
            ? Mib(long.Parse(new string(l.Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture) * 1024) + " RAM"
            : "unknown RAM";

    internal static string ChromiumVersion(string path)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(path, "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var version = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "Chromium (version unknown)";
        }
    }

    /// <summary>
    /// Samples the browser tree's RSS and PSS every 100 ms and keeps the peaks since the last reset (also used by
    /// <see cref="FinalReportPdfBenchmark"/>).
    /// </summary>
    internal sealed class MemorySampler : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task loop;
        private readonly Lock gate = new();
        private long peak;
        private long peakPss;
        private int processes;

        public MemorySampler(string marker) => loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var pids = BrowserProcesses.Find(marker);
                var rss = BrowserProcesses.ResidentBytes(pids);
                var pss = BrowserProcesses.ProportionalBytes(pids);
                lock (gate)
                {
                    if (rss > peak)
                    {
                        peak = rss;
                        processes = pids.Count;
                    }

                    peakPss = Math.Max(peakPss, pss);
                }

                try
                {
                    await Task.Delay(100, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        public (long Rss, long Pss, int Processes) Reset()
        {
            lock (gate)
            {
                var result = (peak, peakPss, processes);
                peak = 0;
                peakPss = 0;
                processes = 0;
                return result;
            }
        }

        public void Dispose()
        {
            stop.Cancel();
            loop.Wait();
            stop.Dispose();
        }
    }
}
