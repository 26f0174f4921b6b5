using System.Text.Encodings.Web;
using BioSirk.Portal.SharedKernel.Pdf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace BioSirk.Portal.Reporting.Pdf;

/// <summary>
/// Prints HTML with the system Chromium through Playwright. One browser process is started on first use and kept warm;
/// at most <see cref="PdfOptions.MaxConcurrentPages"/> documents are printed at once, on pages that are kept warm (each
/// in its own context, one per slot); a browser that died or disconnected is started again on the next render.
/// </summary>
internal sealed class ChromiumPdfRenderer : IPdfRenderer, IAsyncDisposable
{
    private const string FontStack = PdfFonts.Stack;

    private readonly PdfOptions options;
    private readonly ILogger<ChromiumPdfRenderer> logger;
    private readonly SemaphoreSlim pages;
    private readonly SemaphoreSlim starting = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentBag<PooledPage> idlePages = [];
    private IPlaywright? playwright;
    private IBrowser? browser;
    private int activePages;
    private int peakConcurrentPages;
    private int blockedRequests;
    private int launches;
    private bool disposed;

    public ChromiumPdfRenderer(IOptions<PdfOptions> options, ILogger<ChromiumPdfRenderer> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        if (this.options.MaxConcurrentPages < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Pdf:MaxConcurrentPages must be at least 1.");
        }

        pages = new SemaphoreSlim(this.options.MaxConcurrentPages, this.options.MaxConcurrentPages);
    }

    /// <summary>Passed to Chromium as an (ignored) switch so that its process can be found in /proc.</summary>
    internal string ProcessMarker { get; } = "--biosirk-pdf-renderer=" + Guid.NewGuid().ToString("N");

    /// <summary>The most pages that were ever open at once (for tests and the benchmark).</summary>
    internal int PeakConcurrentPages => Volatile.Read(ref peakConcurrentPages);

    /// <summary>Requests of rendered documents that were refused (anything but <c>data:</c>).</summary>
    internal int BlockedRequests => Volatile.Read(ref blockedRequests);

    /// <summary>How many times a browser was started (1 while it stays up).</summary>
    internal int Launches => Volatile.Read(ref launches);

    public async Task<byte[]> RenderAsync(PdfDocumentRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Html, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Title, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Language, nameof(request));
        ObjectDisposedException.ThrowIf(disposed, this);

        await pages.WaitAsync(ct);
        var open = Interlocked.Increment(ref activePages);
        for (var peak = Volatile.Read(ref peakConcurrentPages); open > peak; peak = Volatile.Read(ref peakConcurrentPages))
        {
            if (Interlocked.CompareExchange(ref peakConcurrentPages, open, peak) == peak)
            {
                break;
            }
        }

        try
        {
            var current = await BrowserAsync(ct);
            try
            {
                return await PrintOnPooledPageAsync(current, request, ct);
            }
            catch (PlaywrightException e) when (!current.IsConnected)
            {
                // The browser died under us (crash, OOM kill) before Playwright told us: once more in a new one.
                logger.LogWarning(e, "Chromium disconnected while printing; starting it again.");
                Forget(current);
                return await PrintOnPooledPageAsync(await BrowserAsync(ct), request, ct);
            }
        }
        finally
        {
            Interlocked.Decrement(ref activePages);
            pages.Release();
        }
    }

    // A fresh context and page cost ~0.6 s (Chromium starts a renderer process); a warm page prints a 10-page report
    // in ~0.4 s (etc/bench/pdf.sh). So pages are kept, at most one per slot of the semaphore: the pool never holds more
    // than Pdf:MaxConcurrentPages pages, which bounds Chromium's memory. Reuse leaks nothing between reports: no
    // script runs, nothing is fetched or stored, and SetContent replaces the whole document. A page whose print
    // failed is closed, never reused.
    private async Task<byte[]> PrintOnPooledPageAsync(IBrowser current, PdfDocumentRequest request, CancellationToken ct)
    {
        var page = await LeasePageAsync(current);
        try
        {
            var pdf = await PrintAsync(page.Page, request, ct);
            idlePages.Add(page);
            return pdf;
        }
        catch
        {
            Discard(page);
            throw;
        }
    }

    private async Task<PooledPage> LeasePageAsync(IBrowser current)
    {
        while (idlePages.TryTake(out var idle))
        {
            if (idle.Browser == current && current.IsConnected && !idle.Page.IsClosed)
            {
                return idle;
            }

            Discard(idle); // from a browser that died
        }

        var context = await current.NewContextAsync(new BrowserNewContextOptions
        {
            // A report is a document, not an application: no script runs, and nothing goes out.
            JavaScriptEnabled = false,
            Offline = true,
            Locale = "nb-NO",
            TimezoneId = "Europe/Oslo",
        });
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                await route.ContinueAsync();
            }
            else
            {
                Interlocked.Increment(ref blockedRequests);
                await route.AbortAsync("blockedbyclient");
            }
        });
        return new PooledPage(current, context, await context.NewPageAsync());
    }

    private static void Discard(PooledPage page) =>
        _ = page.Context.CloseAsync().ContinueWith(t => _ = t.Exception, TaskScheduler.Default);

    private static async Task<byte[]> PrintAsync(IPage page, PdfDocumentRequest request, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await page.SetContentAsync(request.Html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        ct.ThrowIfCancellationRequested();
        await CheckTitleAndLanguageAsync(page, request);

        return await page.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            PrintBackground = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = HeaderTemplate(request.HeaderLeft, request.HeaderRight),
            FooterTemplate = FooterTemplate,
            Margin = new Margin { Top = "22mm", Bottom = "18mm", Left = "18mm", Right = "18mm" },
            Tagged = true,
            Outline = true,
        });
    }

    private sealed record PooledPage(IBrowser Browser, IBrowserContext Context, IPage Page);

    /// <summary>Chromium writes the PDF's title and /Lang from the document: a template that forgot them is a bug.</summary>
    private static async Task CheckTitleAndLanguageAsync(IPage page, PdfDocumentRequest request)
    {
        var title = await page.TitleAsync();
        var language = await page.Locator("html").GetAttributeAsync("lang");
        if (title != request.Title || !string.Equals(language, request.Language, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"The HTML must have <html lang=\"{request.Language}\"> and <title>{request.Title}</title>; it has lang=\"{language}\" and title \"{title}\".",
                nameof(request));
        }
    }

    // Header and footer are printed in a separate document of Chromium's: they need their own font and size, and the
    // texts are encoded here because the template is HTML.
    internal static string HeaderTemplate(string left, string right) =>
        $"""<div style="font-family: {FontStack}; font-size: 8pt; color: #333; width: 100%; margin: 0 18mm; display: flex; justify-content: space-between; gap: 6mm;"><span>{HtmlEncoder.Default.Encode(left)}</span><span>{HtmlEncoder.Default.Encode(right)}</span></div>""";

    private static readonly string FooterTemplate =
        $"""<div style="font-family: {FontStack}; font-size: 8pt; color: #333; width: 100%; margin: 0 18mm; text-align: center;">Side <span class="pageNumber"></span> av <span class="totalPages"></span></div>""";

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (browser is { IsConnected: true } warm)
        {
            return warm;
        }

        await starting.WaitAsync(ct);
        try
        {
            if (browser is { IsConnected: true } started)
            {
                return started;
            }

            if (browser is not null)
            {
                Forget(browser);
            }

            ObjectDisposedException.ThrowIf(disposed, this);
            playwright ??= await Playwright.CreateAsync();
            var launched = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.ChromiumPath,
                Headless = true,
                // Chromium's sandbox does not run as root (CI runs as root); Playwright adds --no-sandbox when false.
                ChromiumSandbox = !Environment.IsPrivilegedProcess,
                Args =
                [
                    "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-extensions",
                    // Belt and braces with the route below: no host name resolves, so nothing can be fetched by name.
                    "--host-resolver-rules=MAP * ~NOTFOUND",
                    ProcessMarker,
                ],
            });
            launched.Disconnected += (_, b) =>
            {
                logger.LogWarning("Chromium for PDF disconnected; it is started again on the next render.");
                Interlocked.CompareExchange(ref browser, null, b);
            };
            Interlocked.Increment(ref launches);
            logger.LogInformation("Chromium for PDF started from {Path}.", options.ChromiumPath);
            browser = launched;
            return launched;
        }
        finally
        {
            starting.Release();
        }
    }

    private void Forget(IBrowser dead)
    {
        Interlocked.CompareExchange(ref browser, null, dead);
        _ = dead.CloseAsync().ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await starting.WaitAsync();
        try
        {
            if (browser is not null)
            {
                try
                {
                    await browser.CloseAsync();
                }
                catch (PlaywrightException)
                {
                    // already gone
                }

                browser = null;
            }

            playwright?.Dispose();
            playwright = null;
        }
        finally
        {
            starting.Release();
        }
    }
}
