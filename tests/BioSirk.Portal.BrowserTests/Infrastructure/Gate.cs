namespace BioSirk.Portal.BrowserTests.Infrastructure;

/// <summary>
/// Lets a test hold something the portal does at a point it controls: <see cref="Hold"/> makes everything that reaches
/// the gate wait until the hold is disposed. Open by default, so that other tests pass at once. It turns "the page shows
/// the PDF under way" or "a second click while the server is still answering" into a fact the test controls instead of
/// a race between the server and the browser.
/// </summary>
public sealed class Gate
{
    private TaskCompletionSource open = Opened();
    private int arrivals;

    /// <summary>How many have reached the gate since the portal started (held or not).</summary>
    public int Arrivals => Volatile.Read(ref arrivals);

    public IDisposable Hold()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref open, held);
        return new Release(held);
    }

    internal Task PassAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref arrivals);
        return Volatile.Read(ref open).Task.WaitAsync(ct);
    }

    private static TaskCompletionSource Opened()
    {
        var opened = new TaskCompletionSource();
        opened.SetResult();
        return opened;
    }

    private sealed class Release(TaskCompletionSource held) : IDisposable
    {
        public void Dispose() => held.TrySetResult();
    }
}
