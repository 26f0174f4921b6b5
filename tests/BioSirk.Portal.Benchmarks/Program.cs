using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using BioSirk.Portal.Platform.Seeding;
using Npgsql;
using static BioSirk.Portal.Benchmarks.PdfBenchmark;

namespace BioSirk.Portal.Benchmarks;

/// <summary>
/// The agreements benchmark: seeds a county with many agreements and hour rows, then measures the county officer's
/// start page and the agreement pages over real HTTP at N concurrent users, and the cost of the tenant filter on the
/// list query. Run it through etc/bench/agreements.sh (it starts PostgreSQL); the result is a Markdown report.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        if (args is ["pdf", .. var pdfArgs])
        {
            await PdfBenchmark.RunAsync(pdfArgs); // etc/bench/pdf.sh: the PDF renderer alone, no portal, no database
            return;
        }

        if (args is ["pdf-final-report", .. var finalArgs])
        {
            await FinalReportPdfBenchmark.RunAsync(finalArgs); // etc/bench/pdf.sh --final-report: the real report, portal and jobs
            return;
        }

        if (args is ["meeting-live", .. var liveArgs])
        {
            await MeetingLiveBenchmark.RunAsync(liveArgs); // etc/bench/meeting-live.sh: 300 SignalR clients in one meeting
            return;
        }

        if (args is ["meeting-live-node", .. var nodeArgs])
        {
            await MeetingLiveNode.RunAsync(nodeArgs); // one portal node of that benchmark, started by it as a child process
            return;
        }

        var options = Options.Parse(args);
        Console.Error.WriteLine($"Benchmark: {options.Agreements} agreements, {options.Hours} hour rows, {options.Users} users × {options.Requests} requests per page.");

        await using var portal = new BenchPortal(options.Connection, options.Database);
        await portal.StartAsync();
        Console.Error.WriteLine($"Portal on {portal.BaseUrl}; seeding ...");
        var seed = await AgreementSeeder.SeedAsync(portal.Services, options.Agreements, options.Hours, batchSize: 25);
        Console.Error.WriteLine($"Seeded {seed.Agreements} agreements ({seed.Drafts} drafts) and {seed.Hours} hour rows in {seed.Took.TotalSeconds:0.0} s.");

        using var stats = new CommandStats();
        var cpu = new CpuSampler(options.PostmasterPid);
        var countyUsers = new List<VirtualUser>();
        var councilUsers = new List<VirtualUser>();
        try
        {
            for (var u = 0; u < options.Users; u++)
            {
                countyUsers.Add(await VirtualUser.SignInAsync(portal.BaseUrl, "radgiver.buskerud@demo.biosirk.no", DemoDataSeeder.Password));
                councilUsers.Add(await VirtualUser.SignInAsync(portal.BaseUrl, "sekretar.hallingdal@demo.biosirk.no", DemoDataSeeder.Password));
            }

            var all = seed.Councils.SelectMany(c => c.AgreementIds).ToArray();
            var hallingdal = seed.Councils.Single(c => c.Slug == "hallingdal").AgreementIds.ToArray();
            var scenarios = new (string Name, IReadOnlyList<VirtualUser> Users, Func<int, int, string> Url)[]
            {
                ($"GET /fylke/buskerud (start page: tasks + 25 of {all.Length} agreements)", countyUsers, (_, _) => "/fylke/buskerud"),
                ("GET /fylke/buskerud/avtaler/{id}", countyUsers, (u, r) => $"/fylke/buskerud/avtaler/{Pick(all, u, r)}"),
                ("GET /rad/hallingdal/avtaler/{id}", councilUsers, (u, r) => $"/rad/hallingdal/avtaler/{Pick(hallingdal, u, r)}"),
            };

            await CheckPagesAsync(countyUsers[0], councilUsers[0], all, hallingdal);

            Console.Error.WriteLine("Warming up ...");
            foreach (var s in scenarios)
            {
                await LoadRunner.RunAsync(s.Name, s.Users, options.Warmup, s.Url);
            }

            var single = new List<LoadResult>();
            var loaded = new List<LoadResult>();
            foreach (var s in scenarios)
            {
                Console.Error.WriteLine($"1 user × {options.BaselineRequests}: {s.Name} ...");
                single.Add(await LoadRunner.RunAsync(s.Name, [s.Users[0]], options.BaselineRequests, s.Url, stats, cpu: cpu));
            }

            foreach (var s in scenarios)
            {
                Console.Error.WriteLine($"{options.Users} users × {options.Requests}: {s.Name} ...");
                var result = await LoadRunner.RunAsync(s.Name, s.Users, options.Requests, s.Url, stats, cpu: cpu);
                if (result.Errors > 0)
                {
                    throw new InvalidOperationException($"{result.Errors} of {result.Requests} requests of {s.Name} did not answer 200.");
                }

                loaded.Add(result);
            }

            var thinking = new List<LoadResult>();
            foreach (var s in scenarios)
            {
                Console.Error.WriteLine($"{options.Users} users with think time {options.ThinkMs} ms × {options.ThinkRequests}: {s.Name} ...");
                var result = await LoadRunner.RunAsync(s.Name, s.Users, options.ThinkRequests, s.Url, stats, options.ThinkMs, cpu);
                if (result.Errors > 0)
                {
                    throw new InvalidOperationException($"{result.Errors} of {result.Requests} requests of {s.Name} did not answer 200.");
                }

                thinking.Add(result);
            }

            Console.Error.WriteLine($"Tenant filter ratio ({options.RatioIterations} pairs) ...");
            var ratio = await FilterRatio.RunAsync(portal.Services, seed.CountyId, options.RatioIterations, warmup: 20);
            var parts = await FilterRatio.PartsAsync(portal.Services, seed.CountyId, options.RatioIterations / 2);

            var report = await Report.WriteAsync(options, portal, seed, single, loaded, thinking, ratio, parts);
            Console.WriteLine(report);
            if (options.Out is { Length: > 0 } path)
            {
                await File.WriteAllTextAsync(path, report);
                Console.Error.WriteLine($"Written to {path}.");
            }
        }
        finally
        {
            countyUsers.ForEach(u => u.Dispose());
            councilUsers.ForEach(u => u.Dispose());
        }
    }

    private static Guid Pick(Guid[] ids, int user, int request) => ids[(int)(((ulong)(user + 1) * 2654435761UL + (ulong)request * 40503UL) % (ulong)ids.Length)];

    private static async Task CheckPagesAsync(VirtualUser county, VirtualUser council, Guid[] all, Guid[] hallingdal)
    {
        // The start page shows the tasks and the first 25 agreements of all of them, with page links.
        var start = await county.Http.GetStringAsync("/fylke/buskerud");
        var rows = Regex.Count(start, "<td><a href=\"/fylke/buskerud/avtaler/");
        var expected = Math.Min(25, all.Length);
        // The demo data adds its own signed Hallingdal agreement to the seeded ones.
        var total = Regex.Match(start, @"av (\d+) avtaler") is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        if (rows != expected || total < all.Length)
        {
            throw new InvalidOperationException($"The county start page lists {rows} agreements of {total}, expected {expected} of at least {all.Length}.");
        }

        foreach (var (user, url) in new[] { (county, $"/fylke/buskerud/avtaler/{all[1]}"), (council, $"/rad/hallingdal/avtaler/{hallingdal[1]}") })
        {
            var page = await user.Http.GetStringAsync(url);
            if (!page.Contains("Missions ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{url} does not show the agreement.");
            }
        }

        using var foreign = await council.Http.GetAsync($"/rad/hallingdal/avtaler/{all.Except(hallingdal).First()}");
        if (foreign.StatusCode != System.Net.HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException($"Hallingdal sees another council's agreement ({(int)foreign.StatusCode}): the tenant filter is off.");
        }
    }
}

public sealed record Options(
    string Connection, string Database, string? Out, int Users, int Requests, int Warmup, int BaselineRequests,
    int Agreements, int Hours, int RatioIterations, int ThinkMs, int ThinkRequests, string Commit, string Label, int? PostmasterPid)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected --name value, got {args[i]}.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Text(string name, string fallback) => values.GetValueOrDefault(name) ?? fallback;
        int Number(string name, int fallback, int max)
        {
            var n = values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
            return n >= 1 && n <= max ? n : throw new ArgumentOutOfRangeException(name, $"--{name} must be 1–{max}.");
        }

        var connection = Text("connection", Environment.GetEnvironmentVariable("BIOSIRK_BENCH_POSTGRES") ?? "");
        if (connection.Length == 0)
        {
            throw new ArgumentException("Give the PostgreSQL server with --connection or BIOSIRK_BENCH_POSTGRES (etc/bench/agreements.sh does).");
        }

        var host = new NpgsqlConnectionStringBuilder(connection).Host;
        if (host is not ("127.0.0.1" or "localhost"))
        {
            throw new ArgumentException($"The benchmark drops and recreates its database: only a local server (127.0.0.1), not {host}.");
        }

        return new Options(connection, Text("database", "biosirk_bench"), values.GetValueOrDefault("out"),
            Number("users", 20, 200), Number("requests", 50, 10_000), Number("warmup", 10, 1_000), Number("baseline-requests", 100, 10_000),
            Number("agreements", 500, 100_000), Number("hours", 50_000, 10_000_000), Number("ratio-iterations", 200, 100_000),
            Number("think-ms", 1000, 60_000), Number("think-requests", 30, 10_000), Text("commit", "unknown"), Text("label", ""),
            values.TryGetValue("postmaster-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null);
    }
}

public static class Report
{
    public static async Task<string> WriteAsync(Options o, BenchPortal portal, SeedResult seed, IReadOnlyList<LoadResult> single,
        IReadOnlyList<LoadResult> loaded, IReadOnlyList<LoadResult> thinking, RatioResult ratio, IReadOnlyList<PartTiming> parts)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // flows only through this method: the portal keeps nb-NO
        string pgVersion;
        await using (var connection = new NpgsqlConnection(portal.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SHOW server_version", connection);
            pgVersion = (string)(await command.ExecuteScalarAsync())!;
        }

        var sb = new StringBuilder();
        void Line(string s = "") => sb.Append(s).Append('\n');
        Line($"### Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(o.Label.Length > 0 ? " — " + o.Label : "")}");
        Line();
        Line($"- commit: `{o.Commit}`");
        Line($"- machine: {Environment.ProcessorCount} CPUs (nproc), {MemTotal()}, {CpuModel()}; {RuntimeInformation.OSDescription}");
        Line($"- runtime: {RuntimeInformation.FrameworkDescription}, {GcMode()}, Release; PostgreSQL {pgVersion} (private cluster, fsync off)");
        Line($"- data: {seed.Agreements} agreements ({seed.Drafts} drafts signed by the council only, the rest signed by both) over " +
             $"{seed.Councils.Count} councils ({string.Join(", ", seed.Councils.Select(c => $"{c.Slug} {c.AgreementIds.Count}"))}), all funded by Buskerud; " +
             $"{seed.Hours} hour rows; seeded in {seed.Took.TotalSeconds:0} s");
        Line($"- load: closed loop over HTTP/1.1 on 127.0.0.1, one signed-in cookie session and connection pool per user, no think time; " +
             $"warm-up {o.Warmup} requests per user and page; client and server share the machine");
        Line();
        Line($"#### Pages, {o.Users} concurrent users × {o.Requests} requests (latency in ms, measured at the client to the last byte)");
        Line();
        Line("| page | requests | p50 | p95 | p99 | mean | max | req/s | KB/page | SQL cmds/req | SQL ms/req | CPU ms/req .NET / PG / other | machine busy | p95 < 50 ms |");
        Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in loaded)
        {
            Line(Row(r) + $" {(r.P95 < 50 ? "yes" : "**no**")} |");
        }

        Line();
        Line($"#### Same pages, {o.Users} users with a think time of {o.ThinkMs / 2}–{o.ThinkMs * 3 / 2} ms between requests × {o.ThinkRequests} requests " +
             $"(≈ {o.Users * 1000.0 / o.ThinkMs:0} req/s offered)");
        Line();
        Line("| page | requests | p50 | p95 | p99 | mean | max | req/s | KB/page | SQL cmds/req | SQL ms/req | CPU ms/req .NET / PG / other | machine busy | p95 < 50 ms |");
        Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in thinking)
        {
            Line(Row(r) + $" {(r.P95 < 50 ? "yes" : "**no**")} |");
        }

        Line();
        Line($"#### Same pages, 1 user × {o.BaselineRequests} requests (service time without queueing)");
        Line();
        Line("| page | requests | p50 | p95 | p99 | mean | max | req/s | KB/page | SQL cmds/req | SQL ms/req | CPU ms/req .NET / PG / other | machine busy |");
        Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in single)
        {
            Line(Row(r));
        }

        Line();
        Line($"#### Tenant filter: the start page's agreement queries with and without it ({ratio.Iterations} interleaved pairs, {ratio.Rows} agreements, in process)");
        Line();
        Line("| variant | median ms | p95 ms |");
        Line("| --- | ---: | ---: |");
        Line($"| CouncilsAsync + NeedingAttentionAsync + ListPageAsync(page 1) in the county scope (filter) | {ratio.FilteredMedian:0.00} | {ratio.FilteredP95:0.00} |");
        Line($"| same queries, IgnoreQueryFilters() + Where(FunderCountyId == county) | {ratio.UnfilteredMedian:0.00} | {ratio.UnfilteredP95:0.00} |");
        Line();
        var target = ratio.MedianPairRatio <= 1.10 ? "met" : "**missed**";
        Line($"Ratio filter / no filter: median of pair ratios **{ratio.MedianPairRatio:0.000}**, ratio of medians {ratio.RatioOfMedians:0.000} (target ≤ 1.10: {target}).");
        Line();
        Line($"#### Where the start page's agreement queries' time goes (each alone, through the filter, county scope, {parts.Count} parts)");
        Line();
        Line("| query | median ms | p95 ms |");
        Line("| --- | ---: | ---: |");
        foreach (var p in parts)
        {
            Line($"| {p.Part} | {p.Median:0.00} | {p.P95:0.00} |");
        }

        foreach (var r in loaded)
        {
            Line();
            Line($"<details><summary>SQL commands during “{r.Name}” at {r.Users} users (per request; time from sending until the reader was disposed)</summary>");
            Line();
            Line("| per request | mean ms | share of SQL time | command |");
            Line("| ---: | ---: | ---: | --- |");
            var total = r.Commands.Values.Sum(c => c.Total.TotalMilliseconds);
            foreach (var (sql, c) in r.Commands.OrderByDescending(kv => kv.Value.Total).Take(10))
            {
                Line($"| {(double)c.Count / r.Requests:0.##} | {c.Total.TotalMilliseconds / c.Count:0.00} | {100 * c.Total.TotalMilliseconds / Math.Max(total, 1e-9):0}% | `{sql.Replace("|", "\\|", StringComparison.Ordinal)}` |");
            }

            Line();
            Line("</details>");
        }

        return sb.ToString();
    }

    private static string Row(LoadResult r)
    {
        var commands = r.Commands.Values.Sum(c => c.Count);
        var sqlMs = r.Commands.Values.Sum(c => c.Total.TotalMilliseconds);
        return $"| {r.Name} | {r.Requests} | {r.P50:0.0} | {r.P95:0.0} | {r.P99:0.0} | {r.Mean:0.0} | {r.Max:0.0} | {r.Throughput:0} | " +
               $"{r.Bytes / 1024.0 / r.Requests:0} | {(double)commands / r.Requests:0.0} | {sqlMs / r.Requests:0.0} | " +
               (r.Cpu is { } c ? $"{c.ProcessMs:0.0} / {c.PostgresMs:0.0} / {c.OtherMs:0.0} | {c.MachineBusyPercent:0}% |" : "– | – |");
    }
}
