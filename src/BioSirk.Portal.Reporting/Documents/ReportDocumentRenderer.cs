using System.Net;
using BioSirk.Portal.Reporting.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;

namespace BioSirk.Portal.Reporting.Documents;

/// <summary>
/// Turns <see cref="ReportContent"/> into the HTML document the PDF is printed from: the same
/// <see cref="FinalReportDocument"/> component the preview page shows, inside a page with the report's stylesheet
/// inlined (the printed page fetches nothing).
/// </summary>
public sealed class ReportDocumentRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<string> RenderBodyAsync(ReportContent content)
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(FinalReportDocument.Content)] = content });
            var output = await renderer.RenderComponentAsync<FinalReportDocument>(parameters);
            return output.ToHtmlString();
        });
    }

    public async Task<PdfDocumentRequest> PdfRequestAsync(ReportContent content)
    {
        var body = await RenderBodyAsync(content);
        var html = $"""
            <!DOCTYPE html>
            <html lang="nb">
            <head>
            <meta charset="utf-8">
            <title>{WebUtility.HtmlEncode(content.Title)}</title>
            <style>html {"{"} font-family: {PdfFonts.Stack}; font-size: 10.5pt; {"}"}
            {ReportStylesheet.Css}</style>
            </head>
            <body>{body}</body>
            </html>
            """;
        return new PdfDocumentRequest(html, content.Title, "nb", content.Agreement.Title, content.Agreement.Markings.Header);
    }
}

/// <summary>The report's stylesheet (Documents/report.css), embedded: inlined in the PDF, served to the preview page.</summary>
public static class ReportStylesheet
{
    public static string Css { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(ReportStylesheet).Assembly.GetManifestResourceStream("report.css")
                           ?? throw new InvalidOperationException("report.css is not embedded in the Reporting assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
