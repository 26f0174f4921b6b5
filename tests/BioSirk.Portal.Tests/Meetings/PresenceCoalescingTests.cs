using System.Collections.Concurrent;
using System.Diagnostics;
using BioSirk.Portal.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace BioSirk.Portal.Tests.Meetings;

/// <summary>
/// Presence is announced at most once per interval per meeting (the live benchmark: 300 people opening a meeting at
/// once otherwise get N²/2 lists), and yet every change is followed by an announcement read after it.
/// </summary>
public sealed class PresenceCoalescingTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task ABurstOfRequests_RunsAtOnce_ThenOnceMoreAfterTheInterval_StartingAfterTheLastRequest_PerMeeting()
    {
        var clock = Stopwatch.StartNew();
        var runs = new ConcurrentQueue<(Guid Meeting, TimeSpan At)>();
        var coalescer = new Coalescer(Interval, meeting =>
        {
            runs.Enqueue((meeting, clock.Elapsed));
            return Task.CompletedTask;
        }, NullLogger.Instance);
        var busy = Guid.NewGuid();
        var other = Guid.NewGuid();

        for (var i = 0; i < 20; i++)
        {
            await coalescer.RequestAsync(busy);
        }

        var lastRequest = clock.Elapsed;
        await coalescer.RequestAsync(other);
        Assert.Equal([busy, other], runs.Select(r => r.Meeting)); // the first of each at once

        await WaitForAsync(() => runs.Count >= 3);
        await Task.Delay(Interval * 1.5); // nothing more comes
        var all = runs.ToList();
        Assert.Equal(3, all.Count);
        Assert.Equal(busy, all[2].Meeting);
        Assert.True(all[2].At >= lastRequest, "the delayed run must start after the last request it stands for");
        Assert.True(all[2].At - all[0].At >= Interval - TimeSpan.FromMilliseconds(20), $"ran {all[2].At - all[0].At} after the first");

        // Once the interval has passed, a request runs at once again.
        await coalescer.RequestAsync(busy);
        Assert.Equal(4, runs.Count);
    }

    [Fact]
    public async Task ARequestWhileTheDelayedRunIsRunning_GetsARunOfItsOwn()
    {
        var release = new TaskCompletionSource();
        var runs = 0;
        var coalescer = new Coalescer(Interval, async _ =>
        {
            if (Interlocked.Increment(ref runs) == 2)
            {
                await release.Task; // the delayed run is reading presence when the next change comes
            }
        }, NullLogger.Instance);
        var meeting = Guid.NewGuid();

        await coalescer.RequestAsync(meeting);
        await coalescer.RequestAsync(meeting);
        await WaitForAsync(() => Volatile.Read(ref runs) == 2);
        await coalescer.RequestAsync(meeting); // may have been missed by the run under way
        release.SetResult();
        await WaitForAsync(() => Volatile.Read(ref runs) == 3);
    }

    [Fact]
    public async Task ASlowRun_IsNotOvertakenByTheDelayedRunAfterIt()
    {
        var release = new TaskCompletionSource();
        var running = 0;
        var mostAtOnce = 0;
        var finished = new ConcurrentQueue<int>();
        var started = 0;
        var coalescer = new Coalescer(Interval, async _ =>
        {
            var number = Interlocked.Increment(ref started);
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            if (number == 1)
            {
                await release.Task; // reading presence takes longer than the interval
            }

            Interlocked.Decrement(ref running);
            finished.Enqueue(number);
        }, NullLogger.Instance);
        var meeting = Guid.NewGuid();

        var first = coalescer.RequestAsync(meeting);
        await coalescer.RequestAsync(meeting); // put off to the interval's end
        await Task.Delay(Interval * 1.5); // the delayed run's time has come while the first still reads
        release.SetResult();
        await first;
        await WaitForAsync(() => finished.Count == 2);

        Assert.Equal(1, mostAtOnce);
        Assert.Equal([1, 2], finished);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "timed out");
            await Task.Delay(10);
        }
    }
}
