using BioSirk.Portal.SharedKernel.Pdf;
using Microsoft.Extensions.Logging;

namespace BioSirk.Portal.Reporting.Documents;

/// <summary>
/// Turns <see cref="ReportContent"/> into the HTML document the PDF is printed from: the same
/// <see cref="FinalReportDocument"/> component the preview page shows, inside a page with the report's stylesheet
/// inlined (the printed page fetches nothing).
/// </summary>
public sealed class ReportDocumentRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    public Task<string> RenderBodyAsync(ReportContent content) =>
        PrintableDocument.RenderBodyAsync<FinalReportDocument>(services, loggers, new Dictionary<string, object?> { [nameof(FinalReportDocument.Content)] = content });

    public async Task<PdfDocumentRequest> PdfRequestAsync(ReportContent content) =>
        PrintableDocument.Request(
            await RenderBodyAsync(content), content.Title, "nb", ReportStylesheet.Css, content.Agreement.Title, content.Agreement.Markings.Header);
}

/// <summary>The report's stylesheet (Documents/report.css), embedded: inlined in the PDF, served to the preview page.</summary>
public static class ReportStylesheet
{
    public static string Css { get; } = PrintableDocument.EmbeddedCss(typeof(ReportStylesheet).Assembly, "report.css");
}
