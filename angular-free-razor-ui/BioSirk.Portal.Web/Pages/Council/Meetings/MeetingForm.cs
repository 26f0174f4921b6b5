using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Platform.Contracts;

namespace BioSirk.Portal.Web.Pages.Council.Meetings;

/// <summary>What the meeting form posts, as typed (Norwegian local date and times).</summary>
public sealed class MeetingInput
{
    public Guid? PartnershipId { get; set; }

    public string? Title { get; set; }

    public DateOnly? Date { get; set; }

    public TimeOnly? Start { get; set; }

    public TimeOnly? End { get; set; }

    public string? Place { get; set; }

    public string? VideoLink { get; set; }

    public List<Guid> ParticipantIds { get; set; } = [];

    public string? ConcurrencyStamp { get; set; }

    /// <summary>Ticked when the start has passed and the meeting was already held.</summary>
    public bool ConfirmsPastTime { get; set; }

    public MeetingDetails ToDetails() => new(Title, Date, Start, End, Place, VideoLink);

    public static MeetingInput From(Meeting meeting)
    {
        var start = SharedKernel.Time.Oslo.ToOslo(meeting.StartsAtUtc);
        var end = SharedKernel.Time.Oslo.ToOslo(meeting.EndsAtUtc);
        return new MeetingInput
        {
            PartnershipId = meeting.PartnershipId == Guid.Empty ? null : meeting.PartnershipId,
            Title = meeting.Title,
            Date = DateOnly.FromDateTime(start),
            Start = TimeOnly.FromDateTime(start),
            End = TimeOnly.FromDateTime(end),
            Place = meeting.Place,
            VideoLink = meeting.VideoLink,
            ParticipantIds = meeting.Participants.Select(p => p.UserId).ToList(),
            ConcurrencyStamp = meeting.ConcurrencyStamp,
        };
    }
}

/// <param name="BodyFixed">The body cannot change once the meeting exists (its case numbers belong to it).</param>
public sealed record MeetingFormView(
    MeetingInput Input, string CouncilName, IReadOnlyList<PartnershipInfo> Partnerships, IReadOnlyList<PersonInfo> People, bool BodyFixed, string SubmitText);
