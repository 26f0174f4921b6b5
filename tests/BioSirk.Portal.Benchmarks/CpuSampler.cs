using System.Diagnostics;
using System.Globalization;

namespace BioSirk.Portal.Benchmarks;

/// <summary>CPU time used during a scenario, in ms per request: this process (portal and client), PostgreSQL, the rest of the machine.</summary>
public sealed record CpuUse(double ProcessMs, double PostgresMs, double OtherMs, double MachineBusyPercent);

/// <summary>
/// Reads /proc (Linux): the machine's busy time, this process's CPU time and that of the PostgreSQL cluster (the
/// postmaster and its children). "Other" is whatever else ran on the machine meanwhile; when it is large, another
/// program competed for the CPUs and the latencies of that run are not clean.
/// </summary>
public sealed class CpuSampler(int? postmasterPid)
{
    private const double TicksPerSecond = 100; // USER_HZ

    private readonly record struct Snapshot(double MachineBusyMs, double MachineTotalMs, double ProcessMs, double PostgresMs);

    private Snapshot start;

    public static bool Available => File.Exists("/proc/stat");

    public void Start() => start = Take();

    public CpuUse Stop(int requests)
    {
        var end = Take();
        var machine = end.MachineBusyMs - start.MachineBusyMs;
        var process = end.ProcessMs - start.ProcessMs;
        var postgres = end.PostgresMs - start.PostgresMs;
        var total = end.MachineTotalMs - start.MachineTotalMs;
        return new CpuUse(process / requests, postgres / requests, Math.Max(0, machine - process - postgres) / requests,
            total > 0 ? 100 * machine / total : double.NaN);
    }

    private Snapshot Take()
    {
        var (busy, all) = MachineMs();
        using var self = Process.GetCurrentProcess();
        return new Snapshot(busy, all, self.TotalProcessorTime.TotalMilliseconds, postmasterPid is { } root ? TreeMs(root) : 0);
    }

    /// <summary>The machine's busy and total CPU time so far, in ms summed over the CPUs (0, 0 without /proc).</summary>
    public static (double BusyMs, double TotalMs) MachineMs()
    {
        if (!Available)
        {
            return (0, 0);
        }

        // cpu  user nice system idle iowait irq softirq steal guest guest_nice
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Take(8).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var all = fields.Sum();
        return ((all - fields[3] - fields[4]) / TicksPerSecond * 1000, all / TicksPerSecond * 1000);
    }

    /// <summary>CPU time (ms) used so far by a process and its direct children, e.g. the PostgreSQL postmaster and its backends.</summary>
    public static double TreeMs(int root) => TreeTicks(root) / TicksPerSecond * 1000;

    private static double TreeTicks(int root)
    {
        if (!Available)
        {
            return 0;
        }

        double ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(dir);
            if (!int.TryParse(name, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // pid (comm) state ppid … utime(14) stime(15) cutime(16) cstime(17): split after the closing parenthesis of comm
                var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ppid = int.Parse(rest[1], CultureInfo.InvariantCulture);
                if (pid == root || ppid == root)
                {
                    ticks += double.Parse(rest[11], CultureInfo.InvariantCulture) + double.Parse(rest[12], CultureInfo.InvariantCulture);
                }

                if (pid == root)
                {
                    // Children that have ended (a backend whose connection the pool closed): their time moved to the root's
                    // cutime/cstime, else the tree's total would drop when one ends.
                    ticks += double.Parse(rest[13], CultureInfo.InvariantCulture) + double.Parse(rest[14], CultureInfo.InvariantCulture);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // the process ended while we read it
            }
        }

        return ticks;
    }
}
