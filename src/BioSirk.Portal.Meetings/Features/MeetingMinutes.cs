using BioSirk.Portal.Meetings.Documents;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Pdf;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Meetings.Features;

/// <summary>Queues the background job that prints a version of the minutes (the web host runs it with Hangfire, retries and all).</summary>
public interface IMinutesJobQueue
{
    void EnqueueMinutes(Guid minutesPdfId);
}

/// <summary>A version of the minutes as the protokoll page lists it.</summary>
public sealed record MinutesPdfRow(
    Guid Id, int Number, PdfState State, int Attempts, string RequestedBy, DateTime RequestedAtUtc, DateTime? CompletedAtUtc, long? Size, string? Sha256)
{
    public string Message => MinutesMessages.Text(Number, State, Attempts);
}

/// <summary>
/// After the meeting: the organising council's secretaries record the adopted resolutions (vedtak) and who was absent,
/// and make the minutes (protokoll) as a PDF; everyone who sees the agenda reads them and downloads the versions.
/// Null means 404: the meeting (or item, or version) does not exist for this person, or it is not hers to change.
/// </summary>
public sealed class MeetingMinutes(MeetingStore store, IPlatformDirectory directory, IMinutesJobQueue queue)
{
    /// <summary>The meeting with its agenda, when she may read the minutes (those who see the agenda).</summary>
    public async Task<Meeting?> ReadableAsync(Guid meetingId, MeetingActor actor, CancellationToken ct = default)
    {
        var meeting = await store.VisibleAsync(meetingId, actor, ct);
        return meeting is not null && MeetingRules.CanSeeAgenda(meeting, actor) ? meeting : null;
    }

    /// <summary>The versions of the meeting's minutes, newest first; null when she may not read them.</summary>
    public async Task<IReadOnlyList<MinutesPdfRow>?> VersionsAsync(Guid meetingId, MeetingActor actor, CancellationToken ct = default)
    {
        if (await ReadableAsync(meetingId, actor, ct) is null)
        {
            return null;
        }

        return await store.Db.MinutesPdfs.AsNoTracking()
            .Where(p => p.MeetingId == meetingId)
            .OrderByDescending(p => p.Number)
            .Select(p => new MinutesPdfRow(p.Id, p.Number, p.State, p.Attempts, p.RequestedBy, p.RequestedAtUtc, p.CompletedAtUtc, p.Size, p.Sha256))
            .ToListAsync(ct);
    }

    /// <summary>A finished version, for download by those who may read the minutes; null otherwise.</summary>
    public async Task<(Guid FileId, string FileName)?> ReadyAsync(Guid meetingId, Guid minutesPdfId, MeetingActor actor, CancellationToken ct = default)
    {
        var meeting = await ReadableAsync(meetingId, actor, ct);
        if (meeting is null)
        {
            return null;
        }

        var pdf = await store.Db.MinutesPdfs.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == minutesPdfId && p.MeetingId == meetingId && p.State == PdfState.Ready, ct);
        return pdf?.FileId is { } fileId ? (fileId, MinutesMessages.FileName(meeting, pdf.Number)) : null;
    }

    /// <summary>
    /// Records the adopted resolution of one item, or with <paramref name="noResolution"/> that the meeting decided
    /// nothing in it (the text is then a note for the minutes); <paramref name="field"/> is the page's field, for the message.
    /// </summary>
    public async Task<Result?> RecordResolutionAsync(
        Guid meetingId, Guid itemId, string? adopted, string? stamp, bool noResolution, MeetingActor by, string field, CancellationToken ct = default)
    {
        var meeting = await store.ManagedAsync(meetingId, by, ct);
        var item = meeting is { IsPublished: true } ? meeting.Items.FirstOrDefault(i => i.Id == itemId) : null;
        if (item is null)
        {
            return null;
        }

        if (meeting!.IsCancelled || item.IsWithdrawn)
        {
            return Result.Fail(field, meeting.IsCancelled ? "Møtet er avlyst, så det føres ingen protokoll." : "Saken er trukket, så den får ikke noe vedtak.");
        }

        store.ExpectStamp(item, stamp);
        var result = noResolution ? item.RecordNoResolution(adopted, field) : item.RecordResolution(adopted, field);
        if (!result.Succeeded)
        {
            return result;
        }

        store.AgendaChanged(meeting);
        var saved = await store.SaveAsync(ct);
        return saved.Succeeded ? saved : Result.Stale(field, MeetingStore.ConflictMessage);
    }

    /// <summary>The secretary records that a participant was absent (or came after all), for the minutes of a published meeting.</summary>
    public async Task<Result?> RecordAbsenceAsync(Guid meetingId, Guid participantId, bool absent, MeetingActor by, CancellationToken ct = default)
    {
        var meeting = await store.ManagedAsync(meetingId, by, ct);
        var participant = meeting is { IsPublished: true } ? meeting.Participants.FirstOrDefault(p => p.Id == participantId) : null;
        if (meeting is null || participant is null)
        {
            return null;
        }

        if (meeting.IsCancelled)
        {
            return Result.Fail("", "Møtet er avlyst, så det føres ingen protokoll.");
        }

        meeting.RecordAttendance(participant, absent, store.UtcNow);
        return await store.SaveAsync(ct);
    }

    /// <summary>
    /// "Lag protokoll": freezes the minutes as they stand and queues the job that prints them. The version's row is
    /// saved before its job is queued; the job only ever fills that row. While a version is still being made, asking
    /// again makes no second one; a version that waited longer than <see cref="MinutesPdf.StaleAfter"/> lost its job,
    /// and asking again queues that version again.
    /// </summary>
    /// <param name="fieldOf">The page's field of an item's resolution, for the message that it is missing.</param>
    public async Task<Result<MinutesPdfRow>?> RequestPdfAsync(Guid meetingId, MeetingActor by, Func<Guid, string> fieldOf, CancellationToken ct = default)
    {
        var meeting = await store.ManagedAsync(meetingId, by, ct);
        if (meeting is null)
        {
            return null;
        }

        var errors = Check(meeting, fieldOf);
        if (errors.Any)
        {
            return Result<MinutesPdfRow>.Fail(errors.All);
        }

        var waiting = await store.Db.MinutesPdfs.Where(p => p.MeetingId == meetingId && (p.State == PdfState.Queued || p.State == PdfState.Rendering))
            .OrderByDescending(p => p.Number).FirstOrDefaultAsync(ct);
        if (waiting is not null)
        {
            if (!waiting.IsStale(store.UtcNow))
            {
                return Result<MinutesPdfRow>.Fail("", $"Protokoll {waiting.Number} lages allerede. Vent til den er klar, og last inn siden på nytt.");
            }

            queue.EnqueueMinutes(waiting.Id);
            return Result<MinutesPdfRow>.Ok(Row(waiting));
        }

        var number = (await store.Db.MinutesPdfs.Where(p => p.MeetingId == meetingId).MaxAsync(p => (int?)p.Number, ct) ?? 0) + 1;
        var content = await ContentAsync(meeting, number, by, ct);
        var pdf = new MinutesPdf(meeting, number, content.ToJson(), by.UserId, by.Name, store.UtcNow);
        store.Db.MinutesPdfs.Add(pdf);
        try
        {
            await store.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (meeting, number) index: someone else asked for the minutes at the same moment.
            return Result<MinutesPdfRow>.Fail("", "Noen andre laget protokollen i samme øyeblikk. Last inn siden på nytt for å se den.");
        }

        queue.EnqueueMinutes(pdf.Id);
        return Result<MinutesPdfRow>.Ok(Row(pdf));
    }

    /// <summary>
    /// The minutes are made after the meeting has started, of a published agenda whose every item has its resolution, or
    /// the secretary's word that the meeting decided nothing in it («Ingen vedtak»: eventuelt, an orientation). An item
    /// left as it was is never taken for one without a resolution: a forgotten vedtak stops the minutes.
    /// </summary>
    public Errors Check(Meeting meeting, Func<Guid, string> fieldOf)
    {
        var errors = new Errors()
            .When(meeting.IsCancelled, "", "Møtet er avlyst, så det føres ingen protokoll.")
            .When(meeting.Items.Count == 0, "", "Møtet har ingen saker. Legg til sakene og publiser sakslisten før du lager protokollen.")
            .When(meeting.Items.Count > 0 && (!meeting.IsPublished || meeting.Items.Any(i => i.CaseNumber is null)), "",
                "Sakslisten må publiseres (alle saker må ha saksnummer) før du lager protokollen.")
            .When(meeting.StartsAtUtc > store.UtcNow, "", "Protokollen kan lages når møtet har startet.");
        foreach (var item in meeting.Agenda.Where(i => !i.IsRecorded && !i.IsWithdrawn))
        {
            errors.Add(fieldOf(item.Id), $"{item.CaseLabel ?? item.Title}: skriv vedtaket og lagre det, eller velg «Ingen vedtak» og lagre hvis møtet ikke vedtok noe i saken.");
        }

        return errors;
    }

    private async Task<MinutesContent> ContentAsync(Meeting meeting, int number, MeetingActor by, CancellationToken ct)
    {
        var councils = (await directory.ListCouncilsAsync(ct)).ToDictionary(c => c.Id, c => c.Name);
        var bodyName = councils.GetValueOrDefault(meeting.TenantId) ?? "";
        if (meeting.IsPartnershipMeeting)
        {
            var partnership = (await directory.ListPartnershipsOfCouncilAsync(meeting.TenantId, ct)).FirstOrDefault(p => p.Id == meeting.PartnershipId);
            bodyName = (partnership?.Name ?? "Partnerskapet") + " (partnerskap)";
        }

        string? CouncilOf(MeetingParticipant p) => meeting.IsPartnershipMeeting ? councils.GetValueOrDefault(p.CouncilId) : null;
        var people = meeting.Participants.OrderBy(p => p.Name, StringComparer.Create(SharedKernel.Formatting.Norwegian.Culture, false)).ToList();
        return new MinutesContent(
            bodyName,
            meeting.Title,
            meeting.StartsAtUtc,
            meeting.EndsAtUtc,
            meeting.Place,
            meeting.VideoLink,
            people.Where(p => !p.IsAbsent).Select(p => new MinutesPerson(p.Name, CouncilOf(p), null)).ToList(),
            people.Where(p => p.IsAbsent).Select(p => new MinutesPerson(p.Name, CouncilOf(p), p.AbsenceNote)).ToList(),
            meeting.Agenda.Select(i => new MinutesItem(
                i.CaseLabel!, i.Title, i.IsWithdrawn || i.NoResolution ? "" : i.AdoptedResolution!,
                i.Conflicts.OrderBy(c => c.Name).Select(c => new MinutesConflict(c.Name, c.Reason)).ToList(),
                i.WithdrawalReason, i.NoResolution && !i.IsWithdrawn, i.NoResolution ? i.MinutesNote : null)).ToList(),
            by.Name,
            number,
            store.UtcNow);
    }

    private static MinutesPdfRow Row(MinutesPdf p) =>
        new(p.Id, p.Number, p.State, p.Attempts, p.RequestedBy, p.RequestedAtUtc, p.CompletedAtUtc, p.Size, p.Sha256);
}

/// <summary>The words for a version's state, the same on the page and in the notice.</summary>
public static class MinutesMessages
{
    public static string Text(int number, PdfState state, int attempts) => Sentence(number, state, attempts).ToString();

    public static Phrase Sentence(int number, PdfState state, int attempts) => state switch
    {
        PdfState.Queued when attempts > 0 => Phrase.Of("Protokoll {0}: forsøk {1} mislyktes. Nytt forsøk kommer automatisk.", number, attempts),
        PdfState.Queued => Phrase.Of("Protokoll {0} står i kø.", number),
        PdfState.Rendering => Phrase.Of("Protokoll {0} lages nå …", number),
        PdfState.Ready => Phrase.Of("Protokoll {0} er klar.", number),
        _ => Phrase.Of("Protokoll {0} kunne ikke lages etter {1} forsøk. Prøv «Lag protokoll» igjen om litt; feilen er meldt til driften.", number, attempts),
    };

    public static string StateText(PdfState state) => state switch
    {
        PdfState.Queued => "I kø",
        PdfState.Rendering => "Lages",
        PdfState.Ready => "Klar",
        _ => "Feilet",
    };

    public static string FileName(Meeting meeting, int number) =>
        $"protokoll-{SharedKernel.Time.Oslo.ToOslo(meeting.StartsAtUtc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}-{number}.pdf";
}
