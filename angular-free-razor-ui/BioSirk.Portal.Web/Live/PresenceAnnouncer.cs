using System.Collections.Concurrent;
using System.Diagnostics;
using BioSirk.Portal.Meetings.Features;

namespace BioSirk.Portal.Web.Live;

/// <summary>
/// Runs an announcement per key at most once per interval: the first request at once, and the requests that follow
/// within the interval as one more run at its end, which starts after the last of them. So every request is
/// followed by a run that starts after it. Runs of one key never overlap: a slow run that read earlier must not
/// publish after a later one.
/// </summary>
public sealed class Coalescer(TimeSpan interval, Func<Guid, Task> announce, ILogger logger)
{
    private readonly ConcurrentDictionary<Guid, Slot> slots = new();

    /// <summary>Completes when the immediate run has finished; a run put off to the interval's end is not awaited.</summary>
    public Task RequestAsync(Guid key)
    {
        var slot = slots.GetOrAdd(key, _ => new Slot());
        TimeSpan wait;
        lock (slot)
        {
            if (slot.Pending)
            {
                return Task.CompletedTask; // the run at the end of the interval will see this change too
            }

            var since = slot.LastRun is { } last ? Stopwatch.GetElapsedTime(last) : interval;
            wait = since >= interval ? TimeSpan.Zero : interval - since;
            if (wait == TimeSpan.Zero)
            {
                slot.LastRun = Stopwatch.GetTimestamp();
            }
            else
            {
                slot.Pending = true;
            }
        }

        if (wait == TimeSpan.Zero)
        {
            return RunAsync(key, slot);
        }

        _ = RunLaterAsync(key, slot, wait);
        return Task.CompletedTask;
    }

    private async Task RunLaterAsync(Guid key, Slot slot, TimeSpan wait)
    {
        await Task.Delay(wait);
        lock (slot)
        {
            // Cleared before the run reads anything: a request from now on gets a run of its own.
            slot.Pending = false;
            slot.LastRun = Stopwatch.GetTimestamp();
        }

        try
        {
            await RunAsync(key, slot);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A delayed announcement for {Key} failed.", key);
        }
    }

    private async Task RunAsync(Guid key, Slot slot)
    {
        await slot.Running.WaitAsync();
        try
        {
            await announce(key);
        }
        finally
        {
            slot.Running.Release();
        }
    }

    private sealed class Slot
    {
        public SemaphoreSlim Running { get; } = new(1, 1);

        public long? LastRun { get; set; }

        public bool Pending { get; set; }
    }
}

/// <summary>
/// Tells everyone following a meeting who is present after someone came or went: at most once a second per meeting
/// and node (<see cref="Coalescer"/>), read from the presence rows when it is sent. Sending the whole list to
/// everyone on every join costs N²/2 lists when N people open the meeting at once: the live benchmark
/// (BENCHMARKS.md, "Live comments") measured 47 000 pushes listing 9.8 million names for 300 participants, and joins
/// 3–5 times slower than without presence.
/// </summary>
public sealed class PresenceAnnouncer
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Coalescer coalescer;

    public PresenceAnnouncer(IServiceScopeFactory scopes, MeetingLiveFeed feed, ILogger<PresenceAnnouncer> logger) =>
        coalescer = new Coalescer(Interval, async meetingId =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var present = await scope.ServiceProvider.GetRequiredService<MeetingFloor>().PresentAsync(meetingId, CancellationToken.None);
            await feed.PublishAsync(present, CancellationToken.None);
        }, logger);

    public Task AnnounceAsync(Guid meetingId) => coalescer.RequestAsync(meetingId);
}
