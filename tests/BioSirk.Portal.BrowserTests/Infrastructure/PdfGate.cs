using BioSirk.Portal.SharedKernel.Pdf;

namespace BioSirk.Portal.BrowserTests.Infrastructure;

/// <summary>
/// Lets a test hold the PDF job at the printer: <see cref="Hold"/> makes every PDF that starts printing wait (the job
/// has then published "lages nå") until the hold is disposed. Open by default, so that other tests print at once. It
/// makes "the page shows the PDF under way, then ready, without a reload" a fact the test controls instead of a race
/// between the background worker and the browser's redirect.
/// </summary>
public sealed class PdfGate
{
    private TaskCompletionSource open = Opened();

    public IDisposable Hold()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref open, held);
        return new Release(held);
    }

    internal Task WaitAsync(CancellationToken ct) => Volatile.Read(ref open).Task.WaitAsync(ct);

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

/// <summary>The portal's own renderer (the real Chromium), behind the <see cref="PdfGate"/>.</summary>
internal sealed class GatedPdfRenderer(IPdfRenderer inner, PdfGate gate) : IPdfRenderer, IAsyncDisposable
{
    public async Task<byte[]> RenderAsync(PdfDocumentRequest request, CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        return await inner.RenderAsync(request, ct);
    }

    public async ValueTask DisposeAsync()
    {
        switch (inner)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
