using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Time;

namespace BioSirk.Portal.Meetings.Features;

/// <summary>Someone a notice about a meeting goes to, with the council whose address of the meeting she is sent.</summary>
public sealed record MeetingRecipient(Guid UserId, Guid CouncilId)
{
    public static IEnumerable<MeetingRecipient> Of(IEnumerable<MeetingParticipant> participants) =>
        participants.Select(p => new MeetingRecipient(p.UserId, p.CouncilId));
}

/// <summary>
/// Tells a meeting's participants of a change, in the portal and by e-mail as each of them chose (the notifier decides),
/// with a link to the meeting in the participant's own council. The person who made the change is not told.
/// </summary>
public sealed class MeetingNotices(IPlatformDirectory directory, INotifier notifier)
{
    public Task SendAsync(Meeting meeting, MeetingActor by, string subject, Phrase text, CancellationToken ct = default) =>
        SendToAsync(MeetingRecipient.Of(meeting.Participants), meeting, by, subject, text, ct);

    public Task SendToAsync(IEnumerable<MeetingRecipient> recipients, Meeting meeting, MeetingActor by, string subject, Phrase text, CancellationToken ct = default) =>
        SendAsync(recipients, meeting, by, new NoticeText(subject, text, LinkToMeeting: true), ct);

    /// <summary>For people who may no longer open the meeting (taken off its list): the notice has no link.</summary>
    public Task SendWithoutLinkAsync(IEnumerable<MeetingRecipient> recipients, Meeting meeting, MeetingActor by, string subject, Phrase text, CancellationToken ct = default) =>
        SendAsync(recipients, meeting, by, new NoticeText(subject, text, LinkToMeeting: false), ct);

    private async Task SendAsync(IEnumerable<MeetingRecipient> recipients, Meeting meeting, MeetingActor by, NoticeText notice, CancellationToken ct)
    {
        var slugs = (await directory.ListCouncilsAsync(ct)).ToDictionary(c => c.Id, c => c.Slug);
        foreach (var recipient in recipients.Where(p => p.UserId != by.UserId))
        {
            var url = notice.LinkToMeeting && slugs.TryGetValue(recipient.CouncilId, out var slug) ? $"/rad/{slug}/moter/{meeting.Id}" : null;
            await notifier.NotifyPersonAsync(recipient.UserId, new NoticeMessage(notice.Subject, notice.Text, url), ct);
        }
    }

    private sealed record NoticeText(string Subject, Phrase Text, bool LinkToMeeting);

    /// <summary>The notice to attend (innkalling): sent to everyone when the agenda is first published, later to those invited since.</summary>
    public Task SendNoticeToAttendAsync(IEnumerable<MeetingRecipient> recipients, Meeting meeting, MeetingActor by, CancellationToken ct = default)
    {
        var when = At(meeting.StartsAtUtc);
        var where = Where(meeting.Place, meeting.VideoLink);
        var items = meeting.Agenda.Count(i => !i.IsWithdrawn);
        var agenda = items == 1 ? Phrase.Of("Sakslisten er publisert med 1 sak.") : Phrase.Of("Sakslisten er publisert med {0} saker.", items);
        var text = where is null
            ? Phrase.Of("Du er innkalt til «{0}» {1}. {2} Kan du ikke komme, melder du forfall på møtesiden.", meeting.Title, when, agenda)
            : Phrase.Of("Du er innkalt til «{0}» {1} ({2}). {3} Kan du ikke komme, melder du forfall på møtesiden.", meeting.Title, when, where, agenda);
        return SendToAsync(recipients, meeting, by, $"Innkalling: {meeting.Title}", text, ct);
    }

    /// <summary>"21.04.2026 kl. 10:00–12:00", Oslo time; "at" in English.</summary>
    public static Phrase When(DateTime startUtc, DateTime endUtc) =>
        Phrase.Of("{0} kl. {1}–{2}", Norwegian.Date(Oslo.DateOf(startUtc)), Clock(startUtc), Clock(endUtc));

    /// <summary>"21.04.2026 kl. 10:00", Oslo time; "at" in English.</summary>
    public static Phrase At(DateTime startUtc) => Phrase.Of("{0} kl. {1}", Norwegian.Date(Oslo.DateOf(startUtc)), Clock(startUtc));

    private static string Clock(DateTime utc) => Oslo.ToOslo(utc).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"Kommunehuset, Gol og på video", "på video", or null when neither is set.</summary>
    public static Phrase? Where(string? place, string? videoLink) => (place, videoLink) switch
    {
        (null, null) => null,
        (null, _) => Phrase.Of("på video"),
        (_, null) => Phrase.Of("{0}", place),
        _ => Phrase.Of("{0} og på video", place),
    };
}
