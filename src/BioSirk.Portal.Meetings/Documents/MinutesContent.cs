using System.Text.Json;

namespace BioSirk.Portal.Meetings.Documents;

/// <param name="Council">The council she came from (shown for a partnership meeting), else null.</param>
/// <param name="Note">Her note with the absence (forfall), if any.</param>
public sealed record MinutesPerson(string Name, string? Council, string? Note);

public sealed record MinutesConflict(string Name, string Reason);

/// <param name="CaseLabel">"SAK 3/26".</param>
/// <param name="WithdrawalReason">Set when the item was withdrawn (trukket) before the meeting: then it has no resolution.</param>
/// <param name="NoResolution">The meeting decided nothing in the item (eventuelt, an orientation): «Ingen vedtak», with <paramref name="Note"/> if any.</param>
public sealed record MinutesItem(
    string CaseLabel, string Title, string AdoptedResolution, IReadOnlyList<MinutesConflict> Conflicts, string? WithdrawalReason = null,
    bool NoResolution = false, string? Note = null);

/// <summary>
/// Everything one version of the minutes (protokoll) shows, frozen as JSON when the secretary asks for the PDF: a
/// retried job prints the same document, and later changes of the meeting make a new version, never a changed one.
/// </summary>
/// <param name="BodyName">The council, or "BioSirk (partnerskap)".</param>
/// <param name="Number">The version's number (1, 2, …).</param>
public sealed record MinutesContent(
    string BodyName,
    string MeetingTitle,
    DateTime StartsAtUtc,
    DateTime EndsAtUtc,
    string? Place,
    string? VideoLink,
    IReadOnlyList<MinutesPerson> Present,
    IReadOnlyList<MinutesPerson> Absent,
    IReadOnlyList<MinutesItem> Items,
    string MadeBy,
    int Number,
    DateTime MadeAtUtc)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The PDF's title (its metadata) and the document's heading: "Protokoll – Rådsmøte mars, 17.03.2026".</summary>
    public string Title => $"Protokoll – {MeetingTitle}, {MinutesTexts.Date(StartsAtUtc)}";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static MinutesContent FromJson(string json) =>
        JsonSerializer.Deserialize<MinutesContent>(json, Json) ?? throw new InvalidOperationException("Empty minutes content.");
}
