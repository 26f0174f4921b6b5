using System.Globalization;
using System.Net;
using System.Text;
using BioSirk.Portal.SharedKernel.Pdf;

namespace BioSirk.Portal.Tests.Reporting;

/// <summary>
/// A final report shaped like the real one (the seed's agreement B701010 / 60256): one section per page, each a heading,
/// a paragraph and a table of 25 rows, with a forced page break between sections. Shared with the PDF benchmark.
/// </summary>
internal static class SampleReport
{
    public const string Title = "Sluttrapport – Sirkulær bioøkonomi i Hallingdal";
    public const string OrderAndProject = "Bestillernr. B701010 · Prosjektnr. 60256";

    private static readonly CultureInfo Nb = CultureInfo.GetCultureInfo("nb-NO");

    public static PdfDocumentRequest Create(int pages = 10, string extraHead = "", string language = "nb", string title = Title)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="{{language}}">
            <head>
            <meta charset="utf-8">
            <title>{{WebUtility.HtmlEncode(title)}}</title>
            <style>
              html { font-family: {{PdfFonts.Stack}}; }
              body { font-size: 10pt; line-height: 1.35; color: #111; }
              h1 { font-size: 16pt; margin: 0 0 4mm; }
              h2 { font-size: 13pt; margin: 0 0 3mm; }
              section + section { break-before: page; }
              table { width: 100%; border-collapse: collapse; }
              th, td { border-bottom: 0.3mm solid #bbb; padding: 1.2mm 2mm; text-align: left; }
              td.amount, th.amount { text-align: right; white-space: nowrap; }
              thead th { background: #e8eef4; }
            </style>
            {{extraHead}}
            </head>
            <body>
            <h1>{{WebUtility.HtmlEncode(title)}}</h1>
            """);
        for (var p = 1; p <= pages; p++)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <section>
                <h2>{p}. {Sections[(p - 1) % Sections.Length]}</h2>
                <p>Regionrådet for Hallingdal rapporterer om arbeidet i perioden. Særlige forhold: æøå ÆØÅ, tilskudd kr 150 000,00 per år.</p>
                <table>
                <thead><tr><th scope="col">Måned</th><th scope="col">Aktivitet</th><th scope="col" class="amount">Timer</th><th scope="col" class="amount">Beløp</th></tr></thead>
                <tbody>
                """);
            for (var r = 1; r <= 25; r++)
            {
                var amount = (p * 1000m) + (r * 137.5m);
                html.Append(CultureInfo.InvariantCulture, $"""
                    <tr><td>{new DateTime(2025, ((r - 1) % 12) + 1, 1).ToString("MMMM yyyy", Nb)}</td><td>Møte og rådgivning, tiltak {p}.{r}</td><td class="amount">{(r * 2.5m).ToString("0.0", Nb)}</td><td class="amount">{Kroner(amount)}</td></tr>
                    """);
            }

            html.Append("</tbody></table></section>\n");
        }

        html.Append("</body></html>");
        return new PdfDocumentRequest(html.ToString(), title, "nb", "Regionrådet for Hallingdal", OrderAndProject);
    }

    /// <summary>"kr 150 000,00" as the portal writes it (a no-break space between thousands).</summary>
    private static string Kroner(decimal amount) => "kr " + amount.ToString("#,##0.00", Nb);

    private static readonly string[] Sections =
    [
        "Gjennomførte aktiviteter", "Resultater mot delmål", "Avvik", "Bruk av midler", "Videre arbeid",
        "Indikatorer", "Timer", "Direkte kostnader", "Utbetalinger", "Sluttoppgjør",
    ];
}
