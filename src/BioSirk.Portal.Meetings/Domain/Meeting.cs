using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.SharedKernel.Time;

namespace BioSirk.Portal.Meetings.Domain;

/// <summary>
/// A meeting of one council, or of a partnership (then every council of the partnership sees it). The organising
/// council's secretaries run it; the participants are invited by name. The agenda is a draft until it is published:
/// then its items get their case numbers (SAK n/yy), which never change again.
/// </summary>
/// <remarks>
/// Live comments are <see cref="MeetingComment"/> rows of their own (not part of this aggregate), so that a busy
/// comment stream never conflicts with the secretary's edits of the meeting's stamp.
/// </remarks>
public sealed class Meeting : ITenantOwned, IPartnershipShared, IAudited, IConcurrencyAware
{
    private readonly List<MeetingParticipant> participants = [];
    private readonly List<AgendaItem> items = [];

    private Meeting()
    {
    }

    /// <param name="partnershipId">The partnership holding the meeting, or <see cref="Guid.Empty"/> for a council meeting.</param>
    public Meeting(Guid organiserCouncilId, Guid partnershipId)
    {
        TenantId = organiserCouncilId;
        PartnershipId = partnershipId;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    /// <summary>The organising council: its secretaries run the meeting.</summary>
    public Guid TenantId { get; private set; }

    /// <summary><see cref="Guid.Empty"/> for a council meeting.</summary>
    public Guid PartnershipId { get; private set; }

    public bool IsPartnershipMeeting => PartnershipId != Guid.Empty;

    /// <summary>The body whose case numbers the agenda uses: the partnership, or the council.</summary>
    public Guid BodyId => IsPartnershipMeeting ? PartnershipId : TenantId;

    public string Title { get; private set; } = string.Empty;

    public DateTime StartsAtUtc { get; private set; }

    public DateTime EndsAtUtc { get; private set; }

    public string? Place { get; private set; }

    public string? VideoLink { get; private set; }

    /// <summary>Null while the agenda is a draft.</summary>
    public DateTime? PublishedAtUtc { get; private set; }

    public bool IsPublished => PublishedAtUtc is not null;

    /// <summary>Set when the secretary cancels a published meeting (avlyst); the meeting stays, with its reason.</summary>
    public DateTime? CancelledAtUtc { get; private set; }

    public string? CancellationReason { get; private set; }

    public bool IsCancelled => CancelledAtUtc is not null;

    public const int MaxReasonLength = 500;

    /// <summary>What every change of a cancelled meeting is refused with.</summary>
    public const string CancelledMessage = "Møtet er avlyst, så det kan ikke endres lenger.";

    /// <summary>Raised on every change of time or place, so that calendars replace the event (.ics SEQUENCE).</summary>
    public int Revision { get; private set; }

    public IReadOnlyList<MeetingParticipant> Participants => participants;

    /// <summary>The agenda in its order.</summary>
    public IReadOnlyList<AgendaItem> Items => items;

    public IEnumerable<AgendaItem> Agenda => items.OrderBy(i => i.Position);

    /// <summary>The item being dealt with now, set by the secretary during the meeting; null before and after.</summary>
    public Guid? CurrentItemId { get; private set; }

    public AgendaItem? CurrentItem => items.FirstOrDefault(i => i.Id == CurrentItemId);

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>The year whose case numbers the agenda takes: the meeting's year in Norway.</summary>
    public int CaseYear => Oslo.ToOslo(StartsAtUtc).Year;

    public MeetingParticipant? Participant(Guid userId) => participants.FirstOrDefault(p => p.UserId == userId);

    public Result Schedule(MeetingDetails details)
    {
        if (IsCancelled)
        {
            return Result.Fail("", CancelledMessage);
        }

        var errors = details.Check();
        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        var (start, end) = details.UtcTimes();
        var wasScheduled = StartsAtUtc != default;
        var moved = start != StartsAtUtc || end != EndsAtUtc || details.Place != Place || details.VideoLink != VideoLink;
        Title = details.Title!.Trim();
        StartsAtUtc = start;
        EndsAtUtc = end;
        Place = details.Place;
        VideoLink = details.VideoLink;
        if (moved && wasScheduled)
        {
            Revision++;
        }

        return Result.Ok();
    }

    /// <summary>Invites the people given; those already invited keep their absence; those left out are no longer invited.</summary>
    public void Invite(IEnumerable<Invitee> invitees)
    {
        var wanted = invitees.DistinctBy(i => i.UserId).ToList();
        participants.RemoveAll(p => wanted.All(w => w.UserId != p.UserId));
        foreach (var invitee in wanted.Where(w => participants.All(p => p.UserId != w.UserId)))
        {
            participants.Add(new MeetingParticipant(Id, invitee.UserId, invitee.Name, invitee.CouncilId));
        }
    }

    public Result<AgendaItem> AddItem(AgendaItemText text)
    {
        if (IsCancelled)
        {
            return Result<AgendaItem>.Fail("", CancelledMessage);
        }

        var errors = AgendaItem.Check(text);
        if (errors.Any)
        {
            return Result<AgendaItem>.Fail(errors.All);
        }

        var item = new AgendaItem(Id, items.Count == 0 ? 1 : items.Max(i => i.Position) + 1);
        item.Edit(text);
        items.Add(item);
        return Result<AgendaItem>.Ok(item);
    }

    /// <summary>Moves an item one place up or down; case numbers stay with their items.</summary>
    public bool Move(Guid itemId, int direction)
    {
        var ordered = Agenda.ToList();
        var index = ordered.FindIndex(i => i.Id == itemId);
        var other = index + Math.Sign(direction);
        if (index < 0 || direction == 0 || other < 0 || other >= ordered.Count)
        {
            return false;
        }

        (ordered[index].Position, ordered[other].Position) = (ordered[other].Position, ordered[index].Position);
        return true;
    }

    /// <summary>
    /// Publishes the agenda: every item without a case number gets the next numbers of the body's year, in the order
    /// of the agenda. Called again after items are added to a published agenda, it numbers only the new ones.
    /// </summary>
    public Result Publish(CaseNumberCounter counter, DateTime nowUtc)
    {
        if (IsCancelled)
        {
            return Result.Fail("", CancelledMessage);
        }

        if (items.Count == 0)
        {
            return Result.Fail("", "Sakslisten har ingen saker ennå. Legg til minst én sak før du publiserer den.");
        }

        if (counter.BodyId != BodyId || counter.Year != CaseYear)
        {
            throw new InvalidOperationException("The counter belongs to another body or year.");
        }

        foreach (var item in Agenda.Where(i => i.CaseNumber is null))
        {
            item.Number(counter.Next(), CaseYear);
        }

        PublishedAtUtc ??= nowUtc;
        return Result.Ok();
    }

    /// <summary>Marks the item the meeting deals with now (null: none). Only a numbered item of a published agenda.</summary>
    public Result SetCurrentItem(Guid? itemId)
    {
        if (IsCancelled)
        {
            return Result.Fail("", CancelledMessage);
        }

        if (itemId is { } id && items.FirstOrDefault(i => i.Id == id) is not { CaseNumber: not null, IsWithdrawn: false })
        {
            return Result.Fail("", "Bare en sak på den publiserte sakslisten kan behandles. Publiser sakslisten først.");
        }

        CurrentItemId = itemId;
        return Result.Ok();
    }

    /// <summary>
    /// Cancels a published meeting (avlyst): it stays, marked with the reason, takes no more changes, and calendars are
    /// told (.ics STATUS:CANCELLED with a higher SEQUENCE). A draft is deleted instead: no one was summoned to it.
    /// </summary>
    public Result Cancel(string? reason, DateTime nowUtc)
    {
        if (IsCancelled)
        {
            return Result.Fail("", "Møtet er allerede avlyst.");
        }

        if (!CanBeCancelled(nowUtc))
        {
            return Result.Fail("", "Møtet har begynt, så det kan ikke avlyses lenger. Før i protokollen hva som skjedde.");
        }

        if (!IsPublished)
        {
            return Result.Fail("", "Sakslisten er ikke publisert, så ingen er innkalt. Slett møtet i stedet for å avlyse det.");
        }

        var errors = new Errors()
            .When(string.IsNullOrWhiteSpace(reason), "Reason", "Skriv kort hvorfor møtet avlyses. Deltakerne får beskjed med grunnen.")
            .When(reason?.Trim().Length > MaxReasonLength, "Reason", "Grunnen kan være på høyst 500 tegn.");
        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        CancelledAtUtc = nowUtc;
        CancellationReason = reason!.Trim();
        CurrentItemId = null;
        Revision++;
        return Result.Ok();
    }

    /// <summary>Whether the draft may be deleted: only while no one has been summoned (unpublished).</summary>
    public Result CheckDeletable() =>
        IsPublished
            ? Result.Fail("", "Sakslisten er publisert, og deltakerne er innkalt. Avlys møtet i stedet, så får de beskjed.")
            : Result.Ok();

    /// <summary>
    /// Takes an item off the agenda before the meeting starts. An item without a case number (a draft agenda) is
    /// deleted: the returned item is to be removed. A numbered item is withdrawn (trukket) with a reason: it stays on the
    /// agenda with its number, which is never given again, and needs no resolution in the minutes.
    /// </summary>
    public Result<AgendaItem> RemoveItem(Guid itemId, string? reason, DateTime nowUtc)
    {
        var item = items.FirstOrDefault(i => i.Id == itemId) ?? throw new InvalidOperationException("The item is not on this agenda.");
        if (IsCancelled)
        {
            return Result<AgendaItem>.Fail("", CancelledMessage);
        }

        if (item.IsWithdrawn)
        {
            return Result<AgendaItem>.Fail("", "Saken er allerede trukket.");
        }

        if (nowUtc >= StartsAtUtc)
        {
            return Result<AgendaItem>.Fail("", "Møtet har begynt, så saken kan ikke fjernes lenger. Før i protokollen hva møtet gjorde med den.");
        }

        if (item.CaseNumber is null)
        {
            items.Remove(item);
            if (CurrentItemId == item.Id)
            {
                CurrentItemId = null;
            }

            return Result<AgendaItem>.Ok(item);
        }

        var withdrawn = item.Withdraw(reason, nowUtc);
        if (!withdrawn.Succeeded)
        {
            return Result<AgendaItem>.Fail(withdrawn.Errors);
        }

        if (CurrentItemId == item.Id)
        {
            CurrentItemId = null;
        }

        return Result<AgendaItem>.Ok(item);
    }

    /// <summary>Whether a participant may still report or withdraw her absence herself: until the meeting starts.</summary>
    /// <summary>Until a published meeting starts it can be cancelled; a draft (nobody summoned) can always be deleted.</summary>
    public bool CanBeCancelled(DateTime nowUtc) => !IsCancelled && (!IsPublished || nowUtc < StartsAtUtc);

    public bool TakesAbsenceReports(DateTime nowUtc) => nowUtc < StartsAtUtc && !IsCancelled;

    /// <summary>A participant reports her own absence (forfall), before the meeting starts.</summary>
    public Result ReportAbsence(Guid userId, string? note, DateTime nowUtc)
    {
        var participant = Participant(userId);
        if (participant is null)
        {
            return Result.Fail("", "Du er ikke invitert til dette møtet.");
        }

        if (!TakesAbsenceReports(nowUtc))
        {
            return Result.Fail("", AttendanceIsInTheMinutes);
        }

        if (note?.Trim().Length > 500)
        {
            return Result.Fail("AbsenceNote", "Merknaden kan være på høyst 500 tegn.");
        }

        participant.ReportAbsence(note, nowUtc);
        return Result.Ok();
    }

    public Result WithdrawAbsence(Guid userId, DateTime nowUtc)
    {
        var participant = Participant(userId);
        if (participant is null)
        {
            return Result.Fail("", "Du er ikke invitert til dette møtet.");
        }

        if (!TakesAbsenceReports(nowUtc))
        {
            return Result.Fail("", AttendanceIsInTheMinutes);
        }

        participant.WithdrawAbsence();
        return Result.Ok();
    }

    /// <summary>The secretariat records, for the minutes, that a participant was absent or came after all (at any time).</summary>
    public void RecordAttendance(MeetingParticipant participant, bool absent, DateTime nowUtc)
    {
        if (absent)
        {
            participant.ReportAbsence(participant.AbsenceNote, participant.AbsenceReportedAtUtc ?? nowUtc);
        }
        else
        {
            participant.WithdrawAbsence();
        }
    }

    private const string AttendanceIsInTheMinutes =
        "Møtet har begynt, så forfall meldes ikke lenger her. Sekretariatet fører hvem som møtte, i protokollen: ta kontakt med dem.";
}

/// <summary>What the secretary types about a meeting, in Norwegian local time.</summary>
public sealed record MeetingDetails(string? Title, DateOnly? Date, TimeOnly? Start, TimeOnly? End, string? Place, string? VideoLink)
{
    public Errors Check()
    {
        var errors = new Errors()
            .When(string.IsNullOrWhiteSpace(Title), nameof(Title), "Skriv en tittel på møtet.")
            .When(Title?.Trim().Length > 200, nameof(Title), "Tittelen kan være på høyst 200 tegn.")
            .When(Date is null, nameof(Date), "Velg datoen for møtet.")
            .When(Start is null, nameof(Start), "Skriv når møtet starter, som tt:mm.")
            .When(End is null, nameof(End), "Skriv når møtet slutter, som tt:mm.")
            .When(Start is not null && End is not null && End <= Start, nameof(End), "Møtet må slutte etter at det starter.")
            .When(string.IsNullOrWhiteSpace(Place) && string.IsNullOrWhiteSpace(VideoLink), nameof(Place),
                "Skriv hvor møtet holdes, eller legg inn en videolenke (eller begge).")
            .When(Place?.Trim().Length > 200, nameof(Place), "Møtestedet kan være på høyst 200 tegn.")
            .When(!string.IsNullOrWhiteSpace(VideoLink) && !IsWebAddress(VideoLink), nameof(VideoLink),
                "Videolenken må være en full adresse som begynner med https://, for eksempel https://teams.microsoft.com/…");
        if (Date is { } date)
        {
            errors.When(Start is { } s && Oslo.TimeZone.IsInvalidTime(date.ToDateTime(s)), nameof(Start),
                "Starttidspunktet finnes ikke den dagen (klokka stilles fram til sommertid). Velg et annet.");
            errors.When(End is { } e && Oslo.TimeZone.IsInvalidTime(date.ToDateTime(e)), nameof(End),
                "Sluttidspunktet finnes ikke den dagen (klokka stilles fram til sommertid). Velg et annet.");
        }

        return errors;
    }

    public (DateTime Start, DateTime End) UtcTimes() =>
        (Oslo.ToUtc(Date!.Value.ToDateTime(Start!.Value)), Oslo.ToUtc(Date!.Value.ToDateTime(End!.Value)));

    public MeetingDetails Normalised() => this with
    {
        Place = string.IsNullOrWhiteSpace(Place) ? null : Place.Trim(),
        VideoLink = string.IsNullOrWhiteSpace(VideoLink) ? null : VideoLink.Trim(),
    };

    private static bool IsWebAddress(string value) =>
        value.Trim().Length <= 500
        && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0;
}

public sealed record Invitee(Guid UserId, string Name, Guid CouncilId);

/// <summary>
/// An invited person; she reports her absence (forfall) herself before the meeting, and the secretariat records who
/// came for the minutes. Audited: the minutes are made from it.
/// </summary>
public sealed class MeetingParticipant : IAudited
{
    private MeetingParticipant()
    {
    }

    public MeetingParticipant(Guid meetingId, Guid userId, string name, Guid councilId)
    {
        MeetingId = meetingId;
        UserId = userId;
        Name = name;
        CouncilId = councilId;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid MeetingId { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>The council she comes from (partnership meetings invite people of several councils).</summary>
    public Guid CouncilId { get; private set; }

    public DateTime? AbsenceReportedAtUtc { get; private set; }

    public string? AbsenceNote { get; private set; }

    public bool IsAbsent => AbsenceReportedAtUtc is not null;

    internal void ReportAbsence(string? note, DateTime nowUtc)
    {
        AbsenceReportedAtUtc = nowUtc;
        AbsenceNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    internal void WithdrawAbsence()
    {
        AbsenceReportedAtUtc = null;
        AbsenceNote = null;
    }
}

/// <summary>
/// The last case number a body (council or partnership) gave in a year. One row per body and year; its stamp makes two
/// secretaries who publish at the same moment take turns instead of giving the same number twice.
/// </summary>
public sealed class CaseNumberCounter : ITenantOwned, IPartnershipShared, IConcurrencyAware
{
    private CaseNumberCounter()
    {
    }

    public CaseNumberCounter(Meeting meeting)
    {
        BodyId = meeting.BodyId;
        Year = meeting.CaseYear;
        TenantId = meeting.IsPartnershipMeeting ? Guid.Empty : meeting.TenantId;
        PartnershipId = meeting.PartnershipId;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid BodyId { get; private set; }

    public int Year { get; private set; }

    /// <summary>The council, for a council's numbers; <see cref="Guid.Empty"/> for a partnership's.</summary>
    public Guid TenantId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public int Last { get; private set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    internal int Next() => ++Last;
}
