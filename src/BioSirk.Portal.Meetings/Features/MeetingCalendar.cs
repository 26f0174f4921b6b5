using System.Globalization;
using System.Text;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.SharedKernel.Time;

namespace BioSirk.Portal.Meetings.Features;

/// <summary>
/// The meeting as an iCalendar file (RFC 5545): one VEVENT in Europe/Oslo time with the zone's own VTIMEZONE, so that
/// any calendar places it right on both sides of a daylight-saving change. Lines end in CRLF and are folded at 75
/// octets of UTF-8.
/// </summary>
public static class MeetingCalendar
{
    /// <summary>
    /// The file is an iTIP PUBLISH (RFC 5546 3.2.1): the portal, as organiser, publishes the event to someone who is no
    /// attendee, and a later download with the same UID and a higher SEQUENCE (or the same one and a later DTSTAMP)
    /// replaces it. RFC 5545 3.7.2: a METHOD in the file needs the same «method» parameter on the content type.
    /// </summary>
    public const string Method = "PUBLISH";

    public const string ContentType = "text/calendar; charset=utf-8; method=" + Method;

    public static string FileName(Meeting meeting) =>
        "mote-" + Oslo.ToOslo(meeting.StartsAtUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".ics";

    /// <param name="agendaVisible">Whether the reader may see the agenda (its item titles go into the description).</param>
    /// <param name="url">The meeting's page in the portal.</param>
    public static string Build(Meeting meeting, string organiser, bool agendaVisible, string url, DateTime nowUtc)
    {
        var description = new StringBuilder();
        if (meeting.CancellationReason is { } reason)
        {
            description.Append("Møtet er avlyst: ").Append(reason).Append('\n');
        }

        if (meeting.VideoLink is not null)
        {
            description.Append("Videolenke: ").Append(meeting.VideoLink).Append('\n');
        }

        if (agendaVisible && meeting.IsPublished)
        {
            description.Append("Saksliste:\n");
            foreach (var item in meeting.Agenda)
            {
                description.Append(item.CaseLabel is { } label ? label + " " : "").Append(item.Title)
                    .Append(item.IsWithdrawn ? " (trukket)" : "").Append('\n');
            }
        }

        description.Append("Møtet i portalen: ").Append(url);

        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//BioSirk//Portal//NB",
            "CALSCALE:GREGORIAN",
            "METHOD:" + Method,
            "BEGIN:VTIMEZONE",
            "TZID:Europe/Oslo",
            "X-LIC-LOCATION:Europe/Oslo",
            "BEGIN:DAYLIGHT",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "TZNAME:CEST",
            "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100",
            "TZNAME:CET",
            "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            $"UID:{meeting.Id:D}@biosirk-portal",
            $"DTSTAMP:{Utc(nowUtc)}",
            $"DTSTART;TZID=Europe/Oslo:{Local(meeting.StartsAtUtc)}",
            $"DTEND;TZID=Europe/Oslo:{Local(meeting.EndsAtUtc)}",
            $"SEQUENCE:{meeting.Revision}",
            "SUMMARY:" + Escape(meeting.IsCancelled ? "Avlyst: " + meeting.Title : meeting.Title),
            "ORGANIZER;CN=" + ParamValue(organiser) + ":mailto:noreply@biosirk.no",
        };
        if ((meeting.Place ?? meeting.VideoLink) is { } location)
        {
            lines.Add("LOCATION:" + Escape(location));
        }

        lines.Add("DESCRIPTION:" + Escape(description.ToString()));
        lines.Add("URL:" + (meeting.VideoLink ?? url));
        // A cancelled meeting keeps its UID with a higher SEQUENCE (raised by Cancel), so calendars mark the event cancelled.
        lines.Add(meeting.IsCancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");
        return string.Concat(lines.Select(l => Fold(l) + "\r\n"));
    }

    private static string Utc(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Local(DateTime utc) => Oslo.ToOslo(utc).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>TEXT values: backslash, semicolon, comma and newline escaped (RFC 5545 3.3.11).</summary>
    public static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A parameter value is quoted and may not hold a double quote (RFC 5545 3.1).</summary>
    private static string ParamValue(string value) => "\"" + value.Replace("\"", "'", StringComparison.Ordinal) + "\"";

    /// <summary>Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1).</summary>
    public static string Fold(string line)
    {
        var result = new StringBuilder();
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                result.Append("\r\n ");
                octets = 1; // the space that starts the continuation line
                limit = 75;
            }

            result.Append(rune.ToString());
            octets += size;
        }

        return result.ToString();
    }
}
