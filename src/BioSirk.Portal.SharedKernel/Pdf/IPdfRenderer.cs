namespace BioSirk.Portal.SharedKernel.Pdf;

/// <summary>Prints a self-contained HTML document to a PDF (A4, tagged, header and "Side x av y" footer).</summary>
public interface IPdfRenderer
{
    /// <summary>
    /// Renders <see cref="PdfDocumentRequest.Html"/>. Nothing is fetched: every request the document makes (images,
    /// stylesheets, fonts) is blocked unless it is a <c>data:</c> URL, so inline what the report needs.
    /// </summary>
    /// <exception cref="ArgumentException">The HTML lacks <c>&lt;html lang&gt;</c> or <c>&lt;title&gt;</c> matching the request.</exception>
    Task<byte[]> RenderAsync(PdfDocumentRequest request, CancellationToken ct = default);
}

/// <summary>
/// One document to print. <paramref name="Html"/> must be a whole document with <c>&lt;html lang="…"&gt;</c> equal to
/// <paramref name="Language"/> and a <c>&lt;title&gt;</c> equal to <paramref name="Title"/>: Chromium takes the PDF's
/// title and language from them. The header shows <paramref name="HeaderLeft"/> and <paramref name="HeaderRight"/>
/// (plain text, e.g. "Bestillernr. B701010 · Prosjektnr. 60256"); the footer shows "Side x av y".
/// </summary>
public sealed record PdfDocumentRequest(string Html, string Title, string Language, string HeaderLeft, string HeaderRight);

/// <summary>Fonts for document templates.</summary>
public static class PdfFonts
{
    /// <summary>
    /// The fonts of the Debian packages fonts-dejavu-core and fonts-liberation (etc/lib/prerequisites.sh installs one
    /// with Chromium): both have æøå, and Chromium embeds the subset a document uses. Templates set it on
    /// <c>html</c>; the renderer cannot inject it, since no script runs in the printed page.
    /// </summary>
    public const string Stack = "'DejaVu Sans', 'Liberation Sans', sans-serif";
}
