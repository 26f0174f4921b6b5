using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Time;

namespace BioSirk.Portal.Meetings.Features;

/// <param name="PartnershipId">Null or empty: a meeting of the acting person's council.</param>
/// <param name="ParticipantIds">For a council meeting, the people invited; a partnership meeting invites every member of its councils.</param>
public sealed record ScheduleMeetingCommand(Guid? PartnershipId, MeetingDetails Details, IReadOnlyList<Guid> ParticipantIds, MeetingActor By)
{
    /// <summary>
    /// True when the secretary confirms a start time that has passed: a meeting already held, registered afterwards
    /// for its minutes. Without it such a time is refused, since it is far more often a mistyped date.
    /// </summary>
    public bool ConfirmsPastTime { get; init; }
}

/// <summary>A secretary sets up a meeting of her council or of a partnership her council is in, and later changes it.</summary>
public sealed class ScheduleMeeting(MeetingStore store, IPlatformDirectory directory, MeetingNotices notices)
{
    public async Task<Result<Guid>> CreateAsync(ScheduleMeetingCommand command, CancellationToken ct = default)
    {
        var partnershipId = command.PartnershipId ?? Guid.Empty;
        var meeting = new Meeting(command.By.CouncilId, partnershipId);
        var result = await ApplyAsync(meeting, command, ct);
        if (!result.Succeeded)
        {
            return Result<Guid>.Fail(result.Errors);
        }

        store.Db.Meetings.Add(meeting);
        var saved = await store.SaveAsync(ct);
        return saved.Succeeded ? Result<Guid>.Ok(meeting.Id) : Result<Guid>.Fail(saved.Errors);
    }

    /// <summary>
    /// Null when the meeting is not the acting secretary's to change (404). When the time or place of a published
    /// meeting changes, every participant is told what it was and what it is now; someone invited after the agenda was
    /// published gets the notice to attend, and someone taken off the list is told she is no longer expected.
    /// </summary>
    public async Task<Result?> ChangeAsync(Guid meetingId, ScheduleMeetingCommand command, string? stamp, CancellationToken ct = default)
    {
        var meeting = await store.ManagedAsync(meetingId, command.By, ct);
        if (meeting is null)
        {
            return null;
        }

        if (meeting.IsCancelled)
        {
            return Result.Fail("", Meeting.CancelledMessage);
        }

        store.ExpectStamp(meeting, stamp);
        var before = (meeting.Revision, When: MeetingNotices.When(meeting.StartsAtUtc, meeting.EndsAtUtc), Where: MeetingNotices.Where(meeting.Place, meeting.VideoLink),
            Invited: MeetingRecipient.Of(meeting.Participants).ToList());
        var result = await ApplyAsync(meeting, command with { PartnershipId = meeting.PartnershipId }, ct);
        if (!result.Succeeded)
        {
            return result;
        }

        var saved = await store.SaveAsync(ct);
        if (saved.Succeeded && meeting.IsPublished)
        {
            var invited = MeetingRecipient.Of(meeting.Participants).ToList();
            var stayed = invited.Intersect(before.Invited).ToList();
            if (meeting.Revision != before.Revision)
            {
                var now = (When: MeetingNotices.When(meeting.StartsAtUtc, meeting.EndsAtUtc), Where: MeetingNotices.Where(meeting.Place, meeting.VideoLink));
                await notices.SendToAsync(stayed, meeting, command.By, $"Endret tid eller sted: {meeting.Title}",
                    Phrase.Of("«{0}» er endret. Før: {1}. Nå: {2}.", meeting.Title, Moment(before.When, before.Where), Moment(now.When, now.Where)), ct);
            }

            await notices.SendNoticeToAttendAsync(invited.Except(stayed), meeting, command.By, ct);
            await notices.SendWithoutLinkAsync(before.Invited.Except(stayed), meeting, command.By, $"Ikke lenger innkalt: {meeting.Title}",
                Phrase.Of("Du er ikke lenger innkalt til «{0}» {1}.", meeting.Title, before.When), ct);
        }

        return saved;
    }

    private static Phrase Moment(Phrase when, Phrase? where) => where is null ? Phrase.Of("{0}", when) : Phrase.Of("{0}, {1}", when, where);

    /// <summary>The people a council meeting may invite: the council's active people.</summary>
    public Task<IReadOnlyList<PersonInfo>> CandidatesAsync(Guid councilId, CancellationToken ct = default) =>
        directory.ListPeopleAsync([councilId], ct);

    private async Task<Result> ApplyAsync(Meeting meeting, ScheduleMeetingCommand command, CancellationToken ct)
    {
        var details = command.Details.Normalised();
        var errors = details.Check();
        // Said together with the other mistakes, not one per try: the year is checked whenever the date could be read.
        if (details.Date is { } date && errors.All.All(e => e.Field != nameof(MeetingDetails.Date)))
        {
            var today = DateOnly.FromDateTime(Oslo.ToOslo(store.UtcNow));
            errors.When(date < today.AddYears(-10) || date > today.AddYears(5), nameof(MeetingDetails.Date),
                "Sjekk årstallet: et møte kan ligge høyst 10 år tilbake og 5 år fram i tid.");
        }

        if (!errors.Any && !command.ConfirmsPastTime)
        {
            var start = details.UtcTimes().Start;
            errors.When(start < store.UtcNow && start != meeting.StartsAtUtc, nameof(ScheduleMeetingCommand.ConfirmsPastTime),
                $"Starttidspunktet {Norwegian.DateTimeFromUtc(start)} er passert. Rett datoen, eller kryss av hvis møtet allerede er holdt.");
        }

        List<Invitee> invitees;
        if (meeting.IsPartnershipMeeting)
        {
            var partnership = (await directory.ListPartnershipsOfCouncilAsync(command.By.CouncilId, ct)).FirstOrDefault(p => p.Id == meeting.PartnershipId);
            if (partnership is null)
            {
                errors.Add(nameof(ScheduleMeetingCommand.PartnershipId), "Velg et partnerskap som rådet ditt er med i.");
                invitees = [];
            }
            else
            {
                var people = await directory.ListPeopleAsync(partnership.Councils.Select(c => c.Id), ct);
                invitees = people.DistinctBy(p => p.UserId).Select(p => new Invitee(p.UserId, p.FullName, p.CouncilId)).ToList();
            }
        }
        else
        {
            var people = await CandidatesAsync(command.By.CouncilId, ct);
            invitees = people.Where(p => command.ParticipantIds.Contains(p.UserId))
                .DistinctBy(p => p.UserId).Select(p => new Invitee(p.UserId, p.FullName, p.CouncilId)).ToList();
            errors.When(invitees.Count == 0, nameof(ScheduleMeetingCommand.ParticipantIds), "Velg minst én deltaker.");
        }

        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        meeting.Schedule(details);
        meeting.Invite(invitees);
        return Result.Ok();
    }
}
