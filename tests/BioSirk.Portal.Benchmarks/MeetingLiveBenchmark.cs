using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using BioSirk.Portal.Platform.Seeding;
using static BioSirk.Portal.Benchmarks.PdfBenchmark;

namespace BioSirk.Portal.Benchmarks;

/// <summary>
/// Live comments (issue 7): <c>--clients</c> participants of one published meeting, each signed in and following it
/// through a real SignalR .NET client (WebSockets), while <c>--posters</c> of them post <c>--rate</c> comments a second
/// for <c>--seconds</c> (open loop, round robin, so nobody comes near the rate limit of 10 per 10 s). Measures, per
/// comment and participant, the time from just before PostComment was sent to its arrival at that participant; counts
/// what arrived against what was expected (every comment at every participant, the poster included); then asks the
/// hub for everything from sequence 0 to check that every comment was stored. The portal runs in a process of its own
/// (<see cref="MeetingLiveNode"/>), sampled through /proc; with <c>--redis HOST:PORT</c> two such nodes share the Redis
/// backplane and the participants alternate between them (so do the posters). Run through etc/bench/meeting-live.sh.
/// </summary>
internal static class MeetingLiveBenchmark
{
    private sealed record Settings(
        int Clients, double Rate, int Seconds, int Posters, int Warmup, int TextLength, int SignInParallel, int JoinParallel,
        string? Redis, int? RedisPid, int? PostmasterPid, string Commit, string? Out, string Label)
    {
        public int Posts => (int)Math.Round(Rate * Seconds);

        public static Settings Parse(string[] args)
        {
            var s = new Settings(Int(args, "--clients", 300), double.Parse(Arg(args, "--rate") ?? "1", CultureInfo.InvariantCulture),
                Int(args, "--seconds", 120), Int(args, "--posters", 30), Int(args, "--warmup", 30), Int(args, "--text-length", 200),
                Int(args, "--sign-in-parallel", 4), Int(args, "--join-parallel", 20), Arg(args, "--redis"),
                Arg(args, "--redis-pid") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : null,
                Arg(args, "--postmaster-pid") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : null,
                Arg(args, "--commit") ?? "unknown", Arg(args, "--out"), Arg(args, "--label") ?? "");
            if (s.Clients < 3 || s.Posters < 1 || s.Posters > s.Clients || s.Rate <= 0 || s.Seconds < 1 || s.TextLength is < 20 or > 2000)
            {
                throw new ArgumentException("Need --clients ≥ 3, 1 ≤ --posters ≤ --clients, --rate > 0, --seconds ≥ 1, --text-length 20–2000.");
            }

            // Each poster posts every Posters / Rate seconds; at most 5 in 10 s keeps her at half the rate limit.
            if (s.Posters / s.Rate < 2)
            {
                throw new ArgumentException($"{s.Posters} posters at {s.Rate} comments/s would post more than 5 per 10 s each: give at least {Math.Ceiling(2 * s.Rate)} posters.");
            }

            return s;
        }
    }

    public static async Task RunAsync(string[] args)
    {
        var o = Settings.Parse(args);
        var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var keys = Directory.CreateTempSubdirectory("biosirk-bench-keys-");
        var nodes = new List<PortalNodeProcess>();
        var participants = new List<LiveParticipant>();
        try
        {
            List<string> Common() => o.Redis is null ? ["--database", "biosirk_bench_live"] : ["--database", "biosirk_bench_live", "--redis", o.Redis, "--keys", keys.FullName];
            Console.Error.WriteLine($"Starting portal node A and seeding a meeting with {o.Clients} participants ...");
            nodes.Add(await PortalNodeProcess.StartAsync("A", [.. Common(), "--fresh", "--seed", o.Clients.ToString(CultureInfo.InvariantCulture)]));
            if (o.Redis is not null)
            {
                Console.Error.WriteLine($"Starting portal node B on the same database and Redis {o.Redis} ...");
                nodes.Add(await PortalNodeProcess.StartAsync("B", Common()));
            }

            var meeting = nodes[0].Ready.Meeting!;
            Console.Error.WriteLine($"Seeded in {meeting.Seconds:0.0} s; nodes at {string.Join(", ", nodes.Select(n => n.Ready.Url))}.");

            // Post numbers: the warm-up first, then the measured ones; each participant keeps an arrival time per number.
            var totalPosts = o.Warmup + o.Posts;
            var arrivals = new long[2]; // first arrivals of warm-up comments, of measured ones
            Console.Error.WriteLine($"Signing in {o.Clients} participants ({o.SignInParallel} at a time) ...");
            var signIn = Stopwatch.StartNew();
            participants.AddRange(await InBatchesAsync(Enumerable.Range(0, o.Clients).ToList(), o.SignInParallel, i =>
                LiveParticipant.SignInAsync(i, i % nodes.Count, nodes[i % nodes.Count].Ready.Url, meeting.Emails[i], DemoDataSeeder.Password,
                    totalPosts, post => Interlocked.Increment(ref arrivals[post < o.Warmup ? 0 : 1]))));
            var signInSeconds = signIn.Elapsed.TotalSeconds;
            await Task.Delay(TimeSpan.FromSeconds(5));
            var idle = nodes.Select(n => n.Read()).ToList(); // signed in, not connected: what follows is the hub's

            Console.Error.WriteLine($"Connecting and joining the meeting ({o.JoinParallel} at a time) ...");
            var join = Stopwatch.StartNew();
            var joinMs = await InBatchesAsync(participants, o.JoinParallel, async p =>
            {
                var began = Stopwatch.GetTimestamp();
                var missed = await p.JoinAsync(meeting.Place, meeting.MeetingId);
                return missed == 0 ? Stopwatch.GetElapsedTime(began).TotalMilliseconds : throw new InvalidOperationException($"The join returned {missed} comments before any was posted.");
            });
            var joinSeconds = join.Elapsed.TotalSeconds;
            await Task.Delay(TimeSpan.FromSeconds(5));
            var connected = nodes.Select(n => n.Read()).ToList();
            var joinPeaks = nodes.Select(n => n.Read().PeakRssBytes).ToList();
            var presence = (participants.Sum(p => p.Presence.Messages), participants.Sum(p => p.Presence.Entries));


            // Posters alternate between the nodes, as the participants do.
            var posters = participants.Take(o.Posters).ToList();
            var sentAt = new long[totalPosts];
            var acks = new (long At, PostAck? Ack, string? Failure)[totalPosts];

            Console.Error.WriteLine($"Warm-up: {o.Warmup} comments at 2 a second ...");
            await PostAsync(0, o.Warmup, 2);
            if (!await WaitForAsync(() => Interlocked.Read(ref arrivals[0]) >= (long)o.Warmup * o.Clients, TimeSpan.FromSeconds(60)))
            {
                throw new InvalidOperationException($"The warm-up comments reached {Interlocked.Read(ref arrivals[0])} of {(long)o.Warmup * o.Clients} deliveries in 60 s.");
            }

            // What the connections cost while nobody writes (keep-alive pings, and whatever the portal does by itself),
            // once the JIT's background compilation of what the warm-up ran is over (it takes seconds of CPU).
            var settled = await SettleAsync(nodes);
            var quietBefore = CpuNow();
            await Task.Delay(TimeSpan.FromSeconds(10));
            var quietAfter = CpuNow();

            Console.Error.WriteLine($"Measuring: {o.Posts} comments at {o.Rate} a second from {o.Posters} posters to {o.Clients} participants ...");
            foreach (var n in nodes)
            {
                n.TakeSampledPeak();
            }

            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    nodes.ForEach(n => n.Sample());
                    await Task.Delay(200);
                }
            });
            var cpuBefore = CpuNow();
            var wall = Stopwatch.StartNew();
            await PostAsync(o.Warmup, o.Posts, o.Rate);
            var expected = (long)o.Posts * o.Clients;
            var complete = await WaitForAsync(() => Interlocked.Read(ref arrivals[1]) >= expected, TimeSpan.FromSeconds(30));
            var seconds = wall.Elapsed.TotalSeconds;
            var cpuAfter = CpuNow();
            await sampling.CancelAsync();
            await sampler;
            var peaks = nodes.Select(n => Math.Max(n.TakeSampledPeak(), n.Read().RssBytes)).ToList();
            var dropped = participants.Count(p => p.Dropped);

            // Stored: a join from 0 returns every comment; the measured ones are those acknowledged after the warm-up.
            var stored = await participants[0].CatchUpAsync(meeting.Place, meeting.MeetingId, 0);
            var end = nodes.Select(n => n.Read()).ToList();
            var loadAfter = File.ReadAllText("/proc/loadavg").Split(' ')[0];

            var result = Analyse(o, participants, sentAt, acks, stored);
            var report = Report(o, nodes, meeting, loadBefore, loadAfter, signInSeconds, joinSeconds, joinMs, presence, idle, connected, joinPeaks, peaks, end,
                (quietBefore, quietAfter), settled, (cpuBefore, cpuAfter), seconds, complete, dropped, result);
            Console.WriteLine(report);
            if (o.Out is not null)
            {
                await File.WriteAllTextAsync(o.Out, report);
            }

            if (result.Delivered != expected || result.FailedPosts > 0 || result.MissingStored > 0)
            {
                Environment.ExitCode = 1;
            }

            // Open loop: post k is sent at its time whatever the previous ones are doing; the answers are awaited at the end.
            async Task PostAsync(int first, int count, double rate)
            {
                var clock = Stopwatch.StartNew();
                var pending = new List<Task>();
                for (var i = 0; i < count; i++)
                {
                    var due = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due);
                    }

                    var post = first + i;
                    var poster = posters[post % posters.Count];
                    var text = LiveParticipant.TextOf(post, o.TextLength);
                    sentAt[post] = Stopwatch.GetTimestamp();
                    pending.Add(Task.Run(async () =>
                    {
                        try
                        {
                            var ack = await poster.PostAsync(meeting.Place, meeting.MeetingId, meeting.ItemId, text);
                            acks[post] = (Stopwatch.GetTimestamp(), ack, ack.Ok ? null : ack.Error);
                        }
                        catch (Exception e)
                        {
                            acks[post] = (Stopwatch.GetTimestamp(), null, e.Message);
                        }
                    }));
                }

                await Task.WhenAll(pending);
            }
        }
        finally
        {
            foreach (var p in participants)
            {
                await p.DisposeAsync();
            }

            foreach (var n in nodes)
            {
                await n.DisposeAsync();
            }

            keys.Delete(recursive: true);
        }

        CpuSnapshot CpuNow()
        {
            var (busy, total) = CpuSampler.MachineMs();
            using var self = Process.GetCurrentProcess();
            return new CpuSnapshot(busy, total, nodes.Select(n => n.Read().CpuMs).ToList(), self.TotalProcessorTime.TotalMilliseconds,
                o.PostmasterPid is { } pg ? CpuSampler.TreeMs(pg) : 0, o.RedisPid is { } r ? ProcessReading.Of(r).CpuMs : 0);
        }
    }

    private sealed record CpuSnapshot(double MachineBusyMs, double MachineTotalMs, IReadOnlyList<double> NodesMs, double ClientsMs, double PostgresMs, double RedisMs);

    private sealed record Analysis(
        double[] Latencies, double[] SameNode, double[] CrossNode, double[] FanOut, double[] AckMs, long Delivered, int Duplicates,
        int Foreign, int FailedPosts, string? FirstFailure, int StoredMeasured, int MissingStored, bool GaplessSequences, int StoredTotal);

    private static Analysis Analyse(Settings o, List<LiveParticipant> participants, long[] sentAt, (long At, PostAck? Ack, string? Failure)[] acks, List<LiveComment> stored)
    {
        var all = new List<double>();
        var same = new List<double>();
        var cross = new List<double>();
        var fanOut = new List<double>();
        var ackMs = new List<double>();
        long delivered = 0;
        var measured = Enumerable.Range(o.Warmup, o.Posts).ToList();
        var posterNode = (int post) => participants[post % o.Posters].Node;
        foreach (var post in measured)
        {
            if (acks[post].Ack is { Ok: true })
            {
                ackMs.Add(Ms(sentAt[post], acks[post].At));
            }

            long last = 0;
            var reachedAll = true;
            foreach (var p in participants)
            {
                var at = p.ArrivedAt(post);
                if (at == 0)
                {
                    reachedAll = false;
                    continue;
                }

                delivered++;
                var ms = Ms(sentAt[post], at);
                all.Add(ms);
                (p.Node == posterNode(post) ? same : cross).Add(ms);
                last = Math.Max(last, at);
            }

            if (reachedAll)
            {
                fanOut.Add(Ms(sentAt[post], last));
            }
        }

        var failed = measured.Where(p => acks[p].Ack is not { Ok: true }).ToList();
        var storedIds = stored.Select(c => c.Id).ToHashSet();
        var acked = measured.Select(p => acks[p].Ack?.Comment).OfType<LiveComment>().ToList();
        var sequences = stored.Select(c => c.Sequence).Order().ToList();
        return new Analysis([.. all.Order()], [.. same.Order()], [.. cross.Order()], [.. fanOut.Order()], [.. ackMs.Order()], delivered,
            participants.Sum(p => p.Duplicates), participants.Sum(p => p.Foreign), failed.Count,
            failed.Count > 0 ? acks[failed[0]].Failure : null, acked.Count(c => storedIds.Contains(c.Id)), acked.Count(c => !storedIds.Contains(c.Id)),
            sequences.SequenceEqual(Enumerable.Range(1, sequences.Count)), stored.Count);
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private static string Report(
        Settings o, List<PortalNodeProcess> nodes, SeededMeeting meeting, string loadBefore, string loadAfter, double signInSeconds,
        double joinSeconds, double[] joinMs, (long Messages, long Entries) presence, List<ProcessReading> idle, List<ProcessReading> connected,
        List<long> joinPeaks, List<long> peaks, List<ProcessReading> end,
        (CpuSnapshot Before, CpuSnapshot After) quiet, double settled, (CpuSnapshot Before, CpuSnapshot After) flowing, double seconds, bool complete, int dropped, Analysis a)
    {
        var inv = CultureInfo.InvariantCulture;
        var expected = (long)o.Posts * o.Clients;
        var twoNodes = nodes.Count == 2;
        var target = twoNodes ? 500 : 250;
        string P(double[] v) => v.Length == 0 ? "–" : string.Create(inv, $"{Percentile(v, 0.50):0.0} / {Percentile(v, 0.95):0.0} / {Percentile(v, 0.99):0.0} / {v[^1]:0.0} ms");
        string PerNode(Func<int, string> value) => string.Join(" · ", Enumerable.Range(0, nodes.Count).Select(i => (twoNodes ? nodes[i].Name + " " : "") + value(i)));
        // CPU in % of one CPU over a window: portal node(s) / PostgreSQL / Redis / load generator / other processes; machine busy.
        string Cpu((CpuSnapshot Before, CpuSnapshot After) w)
        {
            var (before, after) = w;
            var window = Math.Max(1, after.MachineTotalMs - before.MachineTotalMs) / Environment.ProcessorCount; // the window's wall ms
            string Core(double ms) => string.Create(inv, $"{100 * ms / window:0.0} %");
            var nodeCpu = Enumerable.Range(0, nodes.Count).Select(i => after.NodesMs[i] - before.NodesMs[i]).ToList();
            var clientCpu = after.ClientsMs - before.ClientsMs;
            var pgCpu = after.PostgresMs - before.PostgresMs;
            var redisCpu = after.RedisMs - before.RedisMs;
            var busy = after.MachineBusyMs - before.MachineBusyMs;
            var other = Math.Max(0, busy - nodeCpu.Sum() - clientCpu - pgCpu - redisCpu);
            return string.Create(inv, $"{string.Join(" · ", nodeCpu.Select(Core))} / {Core(pgCpu)}{(twoNodes ? " / " + (o.RedisPid is null ? "–" : Core(redisCpu)) : "")} / " +
                                      $"{Core(clientCpu)} / {Core(other)}; machine {100 * busy / Math.Max(1, after.MachineTotalMs - before.MachineTotalMs):0} % busy");
        }

        var portalMs = Enumerable.Range(0, nodes.Count).Sum(i => flowing.After.NodesMs[i] - flowing.Before.NodesMs[i]);
        var quietMs = Enumerable.Range(0, nodes.Count).Sum(i => quiet.After.NodesMs[i] - quiet.Before.NodesMs[i]);
        var quietWall = (quiet.After.MachineTotalMs - quiet.Before.MachineTotalMs) / Environment.ProcessorCount;
        var flowingWall = (flowing.After.MachineTotalMs - flowing.Before.MachineTotalMs) / Environment.ProcessorCount;

        var sb = new StringBuilder();
        void Line(string s = "") => sb.Append(s).Append('\n');
        Line(string.Create(inv, $"### Live comments, {(twoNodes ? "two nodes through Redis" : "one node")} — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(o.Label.Length > 0 ? " — " + o.Label : "")}"));
        Line();
        Line(string.Create(inv, $"- commit `{o.Commit}`; {Environment.ProcessorCount} CPUs ({CpuModel()}), {MemTotal()}; {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}, Release, {GcMode()}"));
        Line(string.Create(inv, $"- load average {loadBefore} before, {loadAfter} after; the portal node{(twoNodes ? "s" : "")}, PostgreSQL{(twoNodes ? ", Redis" : "")} and the load generator (the {o.Clients} clients) **share these {Environment.ProcessorCount} CPUs**"));
        Line(string.Create(inv, $"- portal: `BenchPortal` (environment Production) in a process of its own per node, PostgreSQL (private cluster, fsync off){(twoNodes ? $", SignalR Redis backplane on {o.Redis}" : "")}; the meeting's {o.Clients} participants seeded in {meeting.Seconds:0.0} s"));
        Line(string.Create(inv, $"- load: {o.Clients} participants, each signed in through the form and connected with the SignalR .NET client (WebSockets){(twoNodes ? ", alternately to node A and B" : "")}; " +
                                $"{o.Posts} comments of {o.TextLength} characters at {o.Rate} a second (open loop) from {o.Posters} of them in turn{(twoNodes ? " (half on each node)" : "")}, after {o.Warmup} warm-up comments; " +
                                $"latency = from just before PostComment is sent to the comment's arrival at a participant (one clock: clients and poster are one process)"));
        Line();
        Line("| measure | value |");
        Line("| --- | --- |");
        Line(string.Create(inv, $"| participants signed in / connected and joined | {o.Clients} in {signInSeconds:0.0} s / {o.Clients} in {joinSeconds:0.0} s ({o.JoinParallel} at a time; connect + join p50 / p99 {Percentile([.. joinMs.Order()], 0.5):0} / {Percentile([.. joinMs.Order()], 0.99):0} ms) |"));
        Line(string.Create(inv, $"| presence pushes received while they joined (each join sends who is present to everyone already there) | {presence.Messages} messages listing {presence.Entries} people in all |"));
        Line(string.Create(inv, $"| comments posted and acknowledged | {o.Posts - a.FailedPosts} of {o.Posts}{(a.FirstFailure is null ? "" : $" (first failure: {a.FirstFailure})")} in {seconds:0.0} s |"));
        Line(string.Create(inv, $"| **deliveries received / expected** | **{a.Delivered} / {expected} ({100.0 * a.Delivered / expected:0.000} %)**{(complete ? "" : " — not all within 30 s after the last post")}; duplicates {a.Duplicates}, connections dropped {dropped} |"));
        Line(string.Create(inv, $"| **delivery latency, post → each participant: p50 / p95 / p99 / max** | **{P(a.Latencies)}** ({a.Latencies.Length} deliveries) |"));
        if (twoNodes)
        {
            Line(string.Create(inv, $"| … to a participant on the poster's node | {P(a.SameNode)} ({a.SameNode.Length}) |"));
            Line(string.Create(inv, $"| … to a participant on the other node (through Redis) | {P(a.CrossNode)} ({a.CrossNode.Length}) |"));
        }

        Line(string.Create(inv, $"| post → the last of the {o.Clients} has it, per comment: p50 / p95 / p99 / max | {P(a.FanOut)} |"));
        Line(string.Create(inv, $"| PostComment acknowledged (stored, then pushed): p50 / p95 / p99 / max | {P(a.AckMs)} |"));
        Line(string.Create(inv, $"| stored: a join from sequence 0 afterwards | {a.StoredTotal} comments (warm-up included), sequences 1–{a.StoredTotal} {(a.GaplessSequences ? "without gaps" : "**with gaps**")}; of the {o.Posts - a.FailedPosts} acknowledged, {a.StoredMeasured} returned, {a.MissingStored} missing |"));
        Line(string.Create(inv, $"| portal working set (VmRSS): started, seeded, all signed in (through HTTP), no hub connection yet | {PerNode(i => Mib(idle[i].RssBytes))} |"));
        Line(string.Create(inv, $"| … with the {o.Clients} connected and joined (5 s later); highest so far (VmHWM) | {PerNode(i => $"{Mib(connected[i].RssBytes)} (+{(connected[i].RssBytes - idle[i].RssBytes) / 1024.0 / (o.Clients / nodes.Count):0} KiB per connection); {Mib(joinPeaks[i])}")} |"));
        Line(string.Create(inv, $"| … peak while the comments flowed (sampled every 200 ms) / at the end | {PerNode(i => $"{Mib(peaks[i])} / {Mib(end[i].RssBytes)}")} |"));
        Line(string.Create(inv, $"| … highest since the node started (VmHWM: start, seeding, sign-ins included) | {PerNode(i => Mib(end[i].PeakRssBytes))} |"));
        var cpuColumns = $"portal{(twoNodes ? " A · B" : "")} / PostgreSQL{(twoNodes ? " / Redis" : "")} / load generator / other processes";
        Line(string.Create(inv, $"| CPU, % of one CPU, {o.Clients} connected, 10 s without comments (after the warm-up, and {settled:0} s for the portal to settle): {cpuColumns} | {Cpu(quiet)} |"));
        Line(string.Create(inv, $"| CPU, % of one CPU, while the comments flowed: {cpuColumns} | {Cpu(flowing)} |"));
        Line(string.Create(inv, $"| portal CPU per comment (all nodes), above what the quiet connections cost | {(portalMs - quietMs / quietWall * flowingWall) / o.Posts:0.0} ms |"));
        Line();
        var p99 = a.Latencies.Length > 0 ? Percentile(a.Latencies, 0.99) : double.NaN;
        var allThere = a.Delivered == expected && a.FailedPosts == 0 && a.MissingStored == 0;
        Line(string.Create(inv, $"Target (issue 7): p99 < {target} ms {(twoNodes ? "through Redis with two nodes" : "on one node")} — {(p99 < target ? "met" : "**NOT met**")} ({p99:0.0} ms on this machine); " +
                                $"nothing lost — {(allThere ? "met" : "**NOT met**")}."));
        return sb.ToString();
    }

    /// <summary>Runs <paramref name="work"/> over the items, at most <paramref name="parallel"/> at once; results in the items' order.</summary>
    private static async Task<T[]> InBatchesAsync<TItem, T>(IReadOnlyList<TItem> items, int parallel, Func<TItem, Task<T>> work)
    {
        var results = new T[items.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (i, _) => results[i] = await work(items[i]));
        return results;
    }

    /// <summary>
    /// Waits (at most 60 s) until the nodes have used less than 3 % of one CPU in each of two consecutive seconds;
    /// returns the seconds waited.
    /// </summary>
    private static async Task<double> SettleAsync(List<PortalNodeProcess> nodes)
    {
        var waited = Stopwatch.StartNew();
        var quietSeconds = 0;
        var last = nodes.Sum(n => n.Read().CpuMs);
        while (quietSeconds < 2 && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(1000);
            var now = nodes.Sum(n => n.Read().CpuMs);
            quietSeconds = now - last < 30 ? quietSeconds + 1 : 0;
            last = now;
        }

        return waited.Elapsed.TotalSeconds;
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
