using System.Globalization;
using System.Text.Json;
using static BioSirk.Portal.Benchmarks.PdfBenchmark;

namespace BioSirk.Portal.Benchmarks;

/// <summary>What a portal node tells the benchmark when it is ready (one JSON line after <see cref="MeetingLiveNode.ReadyMarker"/>).</summary>
public sealed record NodeReady(string Url, int Pid, SeededMeeting? Meeting);

/// <summary>
/// One portal node of the live benchmark, in a process of its own, so that its memory and CPU are the portal's and
/// not the 300 clients': <c>meeting-live-node --database D [--fresh] [--seed N] [--redis HOST:PORT] [--keys FOLDER]</c>.
/// It starts <see cref="BenchPortal"/> (PostgreSQL from BIOSIRK_BENCH_POSTGRES), seeds the meeting when asked, prints
/// one ready line and runs until its standard input closes.
/// </summary>
internal static class MeetingLiveNode
{
    public const string ReadyMarker = "NODE-READY ";

    public static async Task RunAsync(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("BIOSIRK_BENCH_POSTGRES")
            ?? throw new ArgumentException("BIOSIRK_BENCH_POSTGRES is not set.");
        var settings = new Dictionary<string, string>();
        if (Arg(args, "--redis") is { } redis)
        {
            settings["ConnectionStrings:Redis"] = redis;
        }

        if (Arg(args, "--keys") is { } keys)
        {
            settings["DataProtection:KeyFolder"] = keys; // one key ring for both nodes, as a real two-node deployment has
        }

        await using var portal = new BenchPortal(connection, Arg(args, "--database") ?? "biosirk_bench_live", settings);
        await portal.StartAsync(freshDatabase: args.Contains("--fresh"));
        var meeting = Arg(args, "--seed") is { } n ? await MeetingSeeder.SeedAsync(portal.Services, int.Parse(n, CultureInfo.InvariantCulture)) : null;
        Console.WriteLine(ReadyMarker + JsonSerializer.Serialize(new NodeReady(portal.BaseUrl, Environment.ProcessId, meeting)));
        await Console.Out.FlushAsync();
        while (await Console.In.ReadLineAsync() is not null)
        {
            // runs until the benchmark closes our standard input
        }
    }
}
