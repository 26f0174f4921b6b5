using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BioSirk.Portal.SharedKernel.Pdf;
using BioSirk.Portal.Reporting.Pdf;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace BioSirk.Portal.Tests.Reporting;

/// <summary>One warm renderer on the system Chromium (BIOSIRK_CHROMIUM, as etc/test.sh sets it) for the class.</summary>
public sealed class PdfRendererFixture : IAsyncLifetime
{
    public const int MaxPages = 2;

    internal ChromiumPdfRenderer Renderer { get; } = new(
        Options.Create(new PdfOptions
        {
            ChromiumPath = Environment.GetEnvironmentVariable("BIOSIRK_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            MaxConcurrentPages = MaxPages,
        }),
        NullLogger<ChromiumPdfRenderer>.Instance);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var marker = Renderer.ProcessMarker;
        await Renderer.DisposeAsync();
        Assert.Empty(BrowserProcesses.Find(marker)); // disposing closed Chromium
    }
}

public sealed class PdfRendererTests(PdfRendererFixture fixture) : IClassFixture<PdfRendererFixture>
{
    private ChromiumPdfRenderer Renderer => fixture.Renderer;

    [Fact]
    public async Task Render_TenPageReport_HasTextHeaderFooterTitleAndNorwegianLetters()
    {
        var pdf = await Renderer.RenderAsync(SampleReport.Create(pages: 10), CancellationToken.None);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(10, document.NumberOfPages);
        var first = Squeeze(document.GetPage(1).Text);
        var last = Squeeze(document.GetPage(10).Text);
        Assert.Contains(Squeeze(SampleReport.Title), first);
        Assert.Contains("B701010", first);
        Assert.Contains("60256", first);
        Assert.Contains(Squeeze("kr 150 000,00"), first);
        Assert.Contains(Squeeze("æøå ÆØÅ"), first);
        Assert.Contains(Squeeze("Side 1 av 10"), first);
        Assert.Contains(Squeeze("Side 10 av 10"), last);
        Assert.Contains("60256", last); // the header is on every page
        Assert.Equal(SampleReport.Title, document.Information.Title);
        var ae = document.GetPage(1).Letters.First(l => l.Value == "æ");
        Assert.True(ae.FontName?.Contains("DejaVu", StringComparison.Ordinal) == true || ae.FontName?.Contains("Liberation", StringComparison.Ordinal) == true, ae.FontName);
    }

    [Fact]
    public async Task Render_IsTaggedAndCarriesTheDocumentLanguage()
    {
        var pdf = await Renderer.RenderAsync(SampleReport.Create(pages: 1), CancellationToken.None);

        using var document = PdfDocument.Open(pdf);
        var catalog = document.Structure.Catalog.CatalogDictionary;
        var markInfo = Assert.IsType<DictionaryToken>(Resolve(document, catalog.Data["MarkInfo"]));
        Assert.True(Assert.IsType<BooleanToken>(Resolve(document, markInfo.Data["Marked"])).Data);
        Assert.True(catalog.Data.ContainsKey("StructTreeRoot"));
        Assert.Equal("nb", Assert.IsType<StringToken>(Resolve(document, catalog.Data["Lang"])).Data);
    }

    [Fact]
    public async Task Render_WhenHtmlLacksTheRequestedLanguageOrTitle_RefusesIt()
    {
        var request = SampleReport.Create(pages: 1, language: "en");

        await Assert.ThrowsAsync<ArgumentException>(() => Renderer.RenderAsync(request, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Renderer.RenderAsync(SampleReport.Create(pages: 1) with { Title = "Another title" }, CancellationToken.None));
    }

    [Fact]
    public async Task Render_WithRemoteImageAndStylesheet_BlocksThemAndStillPrints()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var head = $"""
            <link rel="stylesheet" href="http://127.0.0.1:{port}/report.css">
            <style>@import url("http://127.0.0.1:{port}/imported.css");</style>
            """;
        var request = SampleReport.Create(pages: 1, extraHead: head) with
        {
            Html = SampleReport.Create(pages: 1, extraHead: head).Html.Replace(
                "</body>",
                $"""<img src="http://127.0.0.1:{port}/logo.png" alt="Logo"><img src="https://www.example.org/x.png" alt="x"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="inline"></body>""",
                StringComparison.Ordinal),
        };
        var blockedBefore = Renderer.BlockedRequests;

        var pdf = await Renderer.RenderAsync(request, CancellationToken.None);

        using var document = PdfDocument.Open(pdf);
        Assert.Contains("B701010", document.GetPage(1).Text);
        Assert.False(listener.Pending(), "The rendered document opened a connection to the local listener.");
        Assert.True(Renderer.BlockedRequests - blockedBefore >= 3, $"Blocked {Renderer.BlockedRequests - blockedBefore} requests.");
    }

    [Fact]
    public async Task Render_AfterTheBrowserProcessWasKilled_StartsItAgain()
    {
        await Renderer.RenderAsync(SampleReport.Create(pages: 1), CancellationToken.None);
        var launches = Renderer.Launches;
        var processes = BrowserProcesses.Find(Renderer.ProcessMarker);
        Assert.NotEmpty(processes);

        using (var browser = Process.GetProcessById(processes[0]))
        {
            browser.Kill();
            await browser.WaitForExitAsync();
        }

        var pdf = await Renderer.RenderAsync(SampleReport.Create(pages: 2), CancellationToken.None);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(2, document.NumberOfPages);
        Assert.Equal(launches + 1, Renderer.Launches);
        Assert.DoesNotContain(processes[0], BrowserProcesses.Find(Renderer.ProcessMarker));
    }

    [Fact]
    public async Task Render_ManyAtOnce_NeverOpensMorePagesThanTheBound()
    {
        var renders = Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => Renderer.RenderAsync(SampleReport.Create(pages: 2), CancellationToken.None)))
            .ToList();

        var pdfs = await Task.WhenAll(renders);

        Assert.All(pdfs, pdf => Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4)));
        Assert.InRange(Renderer.PeakConcurrentPages, 1, PdfRendererFixture.MaxPages);
        Assert.Equal(PdfRendererFixture.MaxPages, Renderer.PeakConcurrentPages); // the pool was used, not serialised
    }

    [Fact]
    public void HeaderTemplate_EncodesTheTexts()
    {
        var header = ChromiumPdfRenderer.HeaderTemplate("<script>alert(1)</script>", "A & B");

        Assert.DoesNotContain("<script>", header);
        Assert.Contains("&lt;script&gt;", header);
        Assert.Contains("A &amp; B", header);
    }

    // Text extraction puts spaces where the layout has gaps, not where the HTML had them; compare without spaces.
    private static string Squeeze(string text) =>
        new(text.Where(c => !char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F').ToArray());

    private static IToken Resolve(PdfDocument document, IToken token) =>
        token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data).Data : token;
}
