using System.Globalization;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Time;

namespace BioSirk.Portal.Meetings.Documents;

/// <summary>How the minutes write times and texts (Norwegian, Oslo time).</summary>
public static class MinutesTexts
{
    /// <summary>"17.03.2026", the meeting's day in Norway.</summary>
    public static string Date(DateTime utc) => Oslo.ToOslo(utc).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>"tirsdag 17.03.2026 kl. 10:00–12:00" in Oslo time.</summary>
    public static string When(DateTime startUtc, DateTime endUtc) =>
        Oslo.ToOslo(startUtc).ToString("dddd dd.MM.yyyy 'kl.' HH:mm", Norwegian.Culture) + "–"
        + Oslo.ToOslo(endUtc).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Kommunehuset, Gol", "Kommunehuset, Gol, og på video" or "Videomøte".</summary>
    public static string Where(string? place, string? videoLink) => (place, videoLink) switch
    {
        ({ } p, { }) => p + ", og på video",
        ({ } p, null) => p,
        _ => "Videomøte",
    };

    /// <summary>Plain text as paragraphs of lines: a blank line starts a new paragraph, a single line break stays a line break.</summary>
    public static IReadOnlyList<string[]> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('\n'))
            .ToList();
}
