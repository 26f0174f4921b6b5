using System.Text.Json;
using BioSirk.Portal.Agreements.Contracts;
using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Reporting.Domain;

namespace BioSirk.Portal.Reporting.Documents;

/// <summary>An attachment as the report lists it.</summary>
/// <param name="FileId">The stored file, for a link in the portal (empty in versions delivered before links were made).</param>
public sealed record AttachmentLine(string FileName, long Size, Guid FileId = default);

/// <summary>
/// Everything one final report document shows: the agreement's facts and figures, the council's sections and the
/// indicators as of <paramref name="AsOf"/>. Frozen as JSON when a PDF is asked for and when the report is submitted,
/// so that what was delivered never changes afterwards; the preview and the PDF render the same
/// <see cref="FinalReportDocument"/> from it.
/// </summary>
/// <param name="Label">"Utkast" or "Levert versjon 2, 14.11.2026": printed under the title.</param>
public sealed record ReportContent(
    AgreementReportBasis Agreement,
    ReportSections Sections,
    IReadOnlyList<IndicatorSnapshot> Indicators,
    IReadOnlyList<AttachmentLine> Attachments,
    DateOnly AsOf,
    string Label)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The PDF's title (its metadata, and the document's heading in a reader).</summary>
    public string Title => $"Sluttrapport – {Agreement.Title}";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReportContent FromJson(string json) =>
        JsonSerializer.Deserialize<ReportContent>(json, Json) ?? throw new InvalidOperationException("Empty report content.");
}
