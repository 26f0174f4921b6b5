using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace BioSirk.Portal.Benchmarks;

/// <summary>What /proc says of one process: CPU time so far (user + system, all threads), resident set now and at its peak.</summary>
public readonly record struct ProcessReading(double CpuMs, long RssBytes, long PeakRssBytes)
{
    private const double TicksPerSecond = 100; // USER_HZ

    public static ProcessReading Of(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ": state is rest[0], utime rest[11], stime rest[12]
        var ticks = double.Parse(rest[11], CultureInfo.InvariantCulture) + double.Parse(rest[12], CultureInfo.InvariantCulture);
        long rss = 0, hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kilobytes(line) * 1024;
            }
        }

        return new ProcessReading(ticks / TicksPerSecond * 1000, rss, hwm);
    }

    private static long Kilobytes(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}

/// <summary>
/// A portal node of the live benchmark (<see cref="MeetingLiveNode"/>) started as a child process of this program:
/// waits for its ready line, passes its log lines on to standard error, samples its resident set while asked to,
/// and stops it by closing its standard input (killed if it has not ended 20 s later).
/// </summary>
public sealed class PortalNodeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource<NodeReady> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long sampledPeak;

    private PortalNodeProcess(Process process, string name)
    {
        this.process = process;
        Name = name;
    }

    public string Name { get; }

    public NodeReady Ready => ready.Task.Result;

    public int Pid => process.Id;

    public static async Task<PortalNodeProcess> StartAsync(string name, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(PortalNodeProcess).Assembly.Location);
        }

        start.ArgumentList.Add("meeting-live-node");
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        var node = new PortalNodeProcess(Process.Start(start)!, name);
        node.process.OutputDataReceived += (_, e) => node.OnLine(e.Data);
        node.process.BeginOutputReadLine();
        var exited = node.process.WaitForExitAsync();
        if (await Task.WhenAny(node.ready.Task, exited, Task.Delay(TimeSpan.FromMinutes(5))) != node.ready.Task)
        {
            await node.DisposeAsync();
            throw new InvalidOperationException($"Portal node {name} did not start (see its output above).");
        }

        return node;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith(MeetingLiveNode.ReadyMarker, StringComparison.Ordinal))
        {
            ready.TrySetResult(JsonSerializer.Deserialize<NodeReady>(line[MeetingLiveNode.ReadyMarker.Length..])!);
            return;
        }

        Console.Error.WriteLine($"[{Name}] {line}");
    }

    public ProcessReading Read() => ProcessReading.Of(process.Id);

    /// <summary>The highest resident set seen by <see cref="Sample"/> since the last call, then starts over.</summary>
    public long TakeSampledPeak() => Interlocked.Exchange(ref sampledPeak, 0);

    public void Sample()
    {
        var rss = Read().RssBytes;
        long seen;
        while (rss > (seen = Interlocked.Read(ref sampledPeak)) && Interlocked.CompareExchange(ref sampledPeak, rss, seen) != seen)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
    }
}
