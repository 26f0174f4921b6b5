using BioSirk.Portal.SharedKernel.Pdf;

namespace BioSirk.Portal.BrowserTests.Infrastructure;

/// <summary>The portal's own renderer (the real Chromium), behind a <see cref="Gate"/>: a held gate holds the PDF job at the printer.</summary>
internal sealed class GatedPdfRenderer(IPdfRenderer inner, Gate gate) : IPdfRenderer, IAsyncDisposable
{
    public async Task<byte[]> RenderAsync(PdfDocumentRequest request, CancellationToken ct = default)
    {
        await gate.PassAsync(ct);
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
