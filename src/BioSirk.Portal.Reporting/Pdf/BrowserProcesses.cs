using System.Globalization;

namespace BioSirk.Portal.Reporting.Pdf;

/// <summary>
/// The Chromium processes of one renderer, read from /proc (Linux): the browser process (found by the marker switch
/// it was started with) and every process below it (zygotes, renderers, utility). For tests and the benchmark.
/// </summary>
internal static class BrowserProcesses
{
    public static IReadOnlyList<int> Find(string marker)
    {
        var parents = new Dictionary<int, int>();
        var roots = new List<int>();
        foreach (var dir in SafeEnumerate())
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            var status = Read(Path.Combine(dir, "status"));
            var ppid = Field(status, "PPid:");
            if (ppid is not null)
            {
                parents[pid] = (int)ppid.Value;
            }

            // The marker is on the browser's own command line only; its children get switches of their own.
            if (Read(Path.Combine(dir, "cmdline")).Split('\0').Contains(marker))
            {
                roots.Add(pid);
            }
        }

        var tree = new List<int>(roots);
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i] && !tree.Contains(p.Key)).Select(p => p.Key));
        }

        return tree;
    }

    /// <summary>The summed resident memory of <paramref name="pids"/> in bytes (VmRSS; shared pages are counted per process).</summary>
    public static long ResidentBytes(IEnumerable<int> pids) =>
        pids.Sum(pid => (Field(Read($"/proc/{pid}/status"), "VmRSS:") ?? 0) * 1024);

    /// <summary>
    /// The summed proportional memory of <paramref name="pids"/> in bytes (Pss of /proc/pid/smaps_rollup: shared pages
    /// divided among the processes sharing them, so the sum is what the tree really costs).
    /// </summary>
    public static long ProportionalBytes(IEnumerable<int> pids) =>
        pids.Sum(pid => (Field(Read($"/proc/{pid}/smaps_rollup"), "Pss:") ?? 0) * 1024);

    private static IEnumerable<string> SafeEnumerate()
    {
        try
        {
            return Directory.EnumerateDirectories("/proc").ToList();
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ""; // the process ended meanwhile
        }
    }

    private static long? Field(string status, string name)
    {
        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
            {
                var digits = new string(line[name.Length..].Trim().TakeWhile(char.IsDigit).ToArray());
                return long.TryParse(digits, CultureInfo.InvariantCulture, out var value) ? value : null;
            }
        }

        return null;
    }
}
