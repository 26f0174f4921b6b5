using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;

namespace BioSirk.Portal.SharedKernel.Pdf;

/// <summary>
/// Turns a Razor component into the whole, self-contained HTML document an <see cref="IPdfRenderer"/> prints: the
/// component rendered outside any request (<see cref="HtmlRenderer"/>), inside a page with <c>lang</c>, the title and
/// the stylesheet inlined. A module keeps its template (a .razor component and its CSS); this is the part they share.
/// </summary>
public static class PrintableDocument
{
    /// <summary>The component's markup, as the portal's pages would show it.</summary>
    public static async Task<string> RenderBodyAsync<TComponent>(
        IServiceProvider services, ILoggerFactory loggers, IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }

    /// <summary>
    /// The print request for <paramref name="body"/>: a document in <paramref name="language"/> titled
    /// <paramref name="title"/> (Chromium writes both into the PDF), in <see cref="PdfFonts.Stack"/> with
    /// <paramref name="css"/> inlined.
    /// </summary>
    public static PdfDocumentRequest Request(string body, string title, string language, string css, string headerLeft, string headerRight)
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="{WebUtility.HtmlEncode(language)}">
            <head>
            <meta charset="utf-8">
            <title>{WebUtility.HtmlEncode(title)}</title>
            <style>html {"{"} font-family: {PdfFonts.Stack}; font-size: 10.5pt; {"}"}
            {css}</style>
            </head>
            <body>{body}</body>
            </html>
            """;
        return new PdfDocumentRequest(html, title, language, headerLeft, headerRight);
    }

    /// <summary>A stylesheet embedded in <paramref name="assembly"/> under <paramref name="name"/> (its LogicalName).</summary>
    public static string EmbeddedCss(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"{name} is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
