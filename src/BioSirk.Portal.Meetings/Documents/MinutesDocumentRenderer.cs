using BioSirk.Portal.SharedKernel.Pdf;
using Microsoft.Extensions.Logging;

namespace BioSirk.Portal.Meetings.Documents;

/// <summary>The minutes as the document the shared PDF renderer prints: <see cref="MinutesDocument"/> with minutes.css inlined.</summary>
public sealed class MinutesDocumentRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    public static string Css { get; } = PrintableDocument.EmbeddedCss(typeof(MinutesDocumentRenderer).Assembly, "minutes.css");

    public async Task<PdfDocumentRequest> PdfRequestAsync(MinutesContent content)
    {
        var body = await PrintableDocument.RenderBodyAsync<MinutesDocument>(
            services, loggers, new Dictionary<string, object?> { [nameof(MinutesDocument.Content)] = content });
        return PrintableDocument.Request(
            body, content.Title, "nb", Css, content.BodyName, $"Protokoll {MinutesTexts.Date(content.StartsAtUtc)} · versjon {content.Number}");
    }
}
