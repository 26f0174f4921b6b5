using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Time;

namespace BioSirk.Portal.Meetings.Features;

/// <summary>
/// Tells a meeting's participants of a change, in the portal and by e-mail as each of them chose (the notifier decides),
/// with a link to the meeting in the participant's own council. The person who made the change is not told.
/// </summary>
public sealed class MeetingNotices(IPlatformDirectory directory, INotifier notifier)
{
    public async Task SendAsync(Meeting meeting, MeetingActor by, string subject, Phrase text, CancellationToken ct = default)
    {
        var slugs = (await directory.ListCouncilsAsync(ct)).ToDictionary(c => c.Id, c => c.Slug);
        foreach (var participant in meeting.Participants.Where(p => p.UserId != by.UserId))
        {
            var url = slugs.TryGetValue(participant.CouncilId, out var slug) ? $"/rad/{slug}/moter/{meeting.Id}" : null;
            await notifier.NotifyPersonAsync(participant.UserId, new NoticeMessage(subject, text, url), ct);
        }
    }

    /// <summary>"21.04.2026 kl. 10:00–12:00", Oslo time.</summary>
    public static string When(DateTime startUtc, DateTime endUtc) =>
        Norwegian.DateTimeFromUtc(startUtc) + "–" + Oslo.ToOslo(endUtc).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"Kommunehuset, Gol og på video", "på video", or null when neither is set.</summary>
    public static Phrase? Where(string? place, string? videoLink) => (place, videoLink) switch
    {
        (null, null) => null,
        (null, _) => Phrase.Of("på video"),
        (_, null) => Phrase.Of("{0}", place),
        _ => Phrase.Of("{0} og på video", place),
    };
}
