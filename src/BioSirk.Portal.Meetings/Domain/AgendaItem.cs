using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Meetings.Domain;

/// <summary>
/// One case (sak) of a meeting's agenda. Its number ("SAK 3/26") is given when the agenda is published and stays,
/// wherever the item is moved to afterwards.
/// </summary>
public sealed class AgendaItem : IAudited, IConcurrencyAware
{
    public const int MaxTextLength = 20_000;

    public const int MaxAttachments = 50;

    private readonly List<AgendaItemLink> links = [];
    private readonly List<ConflictDeclaration> conflicts = [];
    private readonly List<AgendaAttachment> attachments = [];

    private AgendaItem()
    {
    }

    internal AgendaItem(Guid meetingId, int position)
    {
        MeetingId = meetingId;
        Position = position;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid MeetingId { get; private set; }

    /// <summary>The place in the agenda (1, 2, …; gaps allowed).</summary>
    public int Position { get; internal set; }

    public int? CaseNumber { get; private set; }

    public int? CaseYear { get; private set; }

    /// <summary>"SAK 3/26", or null before the agenda is published.</summary>
    public string? CaseLabel => CaseNumber is { } n && CaseYear is { } y ? $"SAK {n}/{y % 100:D2}" : null;

    public string Title { get; private set; } = string.Empty;

    public string? Background { get; private set; }

    public string? Assessment { get; private set; }

    public string? ProposedResolution { get; private set; }

    public string? AdoptedResolution { get; private set; }

    /// <summary>
    /// The meeting made no decision in the item (eventuelt with nothing to decide, an orientation): the secretary said
    /// so on the protokoll page, and the minutes say «Ingen vedtak» with her <see cref="MinutesNote"/>, if any.
    /// </summary>
    public bool NoResolution { get; private set; }

    /// <summary>A short note for the minutes of an item without a resolution («Ingen saker», «Tatt til orientering»).</summary>
    public string? MinutesNote { get; private set; }

    /// <summary>The minutes have what they need of the item: its resolution, or the secretary's word that there was none.</summary>
    public bool IsRecorded => AdoptedResolution is not null || NoResolution;

    /// <summary>Set when the item is withdrawn (trukket) from a published agenda; it keeps its case number.</summary>
    public DateTime? WithdrawnAtUtc { get; private set; }

    public string? WithdrawalReason { get; private set; }

    public bool IsWithdrawn => WithdrawnAtUtc is not null;

    public IReadOnlyList<AgendaItemLink> Links => links;

    public IReadOnlyList<ConflictDeclaration> Conflicts => conflicts;

    public IReadOnlyList<AgendaAttachment> Attachments => attachments;

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public static Errors Check(AgendaItemText text)
    {
        var errors = new Errors()
            .When(string.IsNullOrWhiteSpace(text.Title), nameof(text.Title), "Skriv en tittel på saken.")
            .When(text.Title?.Trim().Length > 300, nameof(text.Title), "Tittelen kan være på høyst 300 tegn.");
        foreach (var (field, value, name) in new[]
                 {
                     (nameof(text.Background), text.Background, "Bakgrunnen"),
                     (nameof(text.Assessment), text.Assessment, "Vurderingen"),
                     (nameof(text.ProposedResolution), text.ProposedResolution, "Forslaget til vedtak"),
                     (nameof(text.AdoptedResolution), text.AdoptedResolution, "Vedtaket"),
                 })
        {
            errors.When(value?.Length > MaxTextLength, field, $"{name} kan være på høyst {MaxTextLength:# ###} tegn.".Replace('\u00A0', ' '));
        }

        return errors;
    }

    internal void Edit(AgendaItemText text)
    {
        Title = text.Title!.Trim();
        Background = Clean(text.Background);
        Assessment = Clean(text.Assessment);
        ProposedResolution = Clean(text.ProposedResolution);
        AdoptedResolution = Clean(text.AdoptedResolution);
        if (AdoptedResolution is not null)
        {
            // A resolution written in the item's form replaces a "no resolution" recorded before.
            NoResolution = false;
            MinutesNote = null;
        }
    }

    /// <summary>A withdrawn item is what it was when withdrawn: the minutes say it was withdrawn and why, nothing more.</summary>
    public const string WithdrawnIsFinal = "Saken er trukket, og den endres ikke lenger. Legg den fram som en ny sak hvis den skal behandles.";

    public Result Change(AgendaItemText text)
    {
        if (IsWithdrawn)
        {
            return Result.Fail("", WithdrawnIsFinal);
        }

        var errors = Check(text);
        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        Edit(text);
        return Result.Ok();
    }

    /// <summary>
    /// The secretary records what the meeting decided (empty: not decided yet). <paramref name="field"/> names the
    /// page's field for the message.
    /// </summary>
    public Result RecordResolution(string? adopted, string field)
    {
        if (IsWithdrawn)
        {
            return Result.Fail(field, WithdrawnIsFinal);
        }

        if (adopted?.Length > MaxTextLength)
        {
            return Result.Fail(field, $"Vedtaket kan være på høyst {MaxTextLength:# ###} tegn. Gjør det kortere.".Replace('\u00A0', ' '));
        }

        AdoptedResolution = Clean(adopted);
        NoResolution = false;
        MinutesNote = null;
        return Result.Ok();
    }

    /// <summary>
    /// The secretary records that the meeting made no decision in the item (eventuelt, an orientation), with a short
    /// note for the minutes if she writes one. A saved resolution is replaced: the item has one or the other.
    /// </summary>
    public Result RecordNoResolution(string? note, string field)
    {
        if (IsWithdrawn)
        {
            return Result.Fail(field, WithdrawnIsFinal);
        }

        if (note?.Length > MaxTextLength)
        {
            return Result.Fail(field, $"Notatet kan være på høyst {MaxTextLength:# ###} tegn. Gjør det kortere.".Replace('\u00A0', ' '));
        }

        AdoptedResolution = null;
        NoResolution = true;
        MinutesNote = Clean(note);
        return Result.Ok();
    }

    public void ReplaceLinks(IEnumerable<(AgendaLinkKind Kind, Guid TargetId, string Label)> wanted)
    {
        links.Clear();
        links.AddRange(wanted.DistinctBy(w => (w.Kind, w.TargetId)).Select(w => new AgendaItemLink(w.Kind, w.TargetId, w.Label)));
    }

    public void AddLink(AgendaLinkKind kind, Guid targetId, string label)
    {
        if (links.All(l => l.Kind != kind || l.TargetId != targetId))
        {
            links.Add(new AgendaItemLink(kind, targetId, label));
        }
    }

    public Result DeclareConflict(MeetingParticipant participant, string? reason, DateTime nowUtc)
    {
        var errors = new Errors()
            .When(string.IsNullOrWhiteSpace(reason), "Reason", "Skriv kort hvorfor du kan være inhabil i saken.")
            .When(reason?.Trim().Length > 500, "Reason", "Begrunnelsen kan være på høyst 500 tegn.");
        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        conflicts.RemoveAll(c => c.UserId == participant.UserId);
        conflicts.Add(new ConflictDeclaration(Id, participant.UserId, participant.Name, reason!.Trim(), nowUtc));
        return Result.Ok();
    }

    public void WithdrawConflict(Guid userId) => conflicts.RemoveAll(c => c.UserId == userId);

    public Result<AgendaAttachment> Attach(AttachedFile file, string uploadedBy, DateTime nowUtc)
    {
        if (attachments.Count >= MaxAttachments)
        {
            return Result<AgendaAttachment>.Fail("Upload", $"Saken har allerede {MaxAttachments} vedlegg, som er det høyeste. Fjern et vedlegg før du legger ved et nytt.");
        }

        var attachment = new AgendaAttachment(Id, file, uploadedBy, nowUtc);
        attachments.Add(attachment);
        return Result<AgendaAttachment>.Ok(attachment);
    }

    /// <summary>The attachment taken off the item, or null when the item has none with that id.</summary>
    public AgendaAttachment? RemoveAttachment(Guid attachmentId)
    {
        var attachment = attachments.FirstOrDefault(a => a.Id == attachmentId);
        if (attachment is not null)
        {
            attachments.Remove(attachment);
        }

        return attachment;
    }

    internal Result Withdraw(string? reason, DateTime nowUtc)
    {
        var errors = new Errors()
            .When(string.IsNullOrWhiteSpace(reason), "Reason", "Skriv kort hvorfor saken trekkes. Deltakerne får beskjed med grunnen.")
            .When(reason?.Trim().Length > Meeting.MaxReasonLength, "Reason", "Grunnen kan være på høyst 500 tegn.");
        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        WithdrawnAtUtc = nowUtc;
        WithdrawalReason = reason!.Trim();
        return Result.Ok();
    }

    internal void Number(int number, int year)
    {
        CaseNumber = number;
        CaseYear = year;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed record AgendaItemText(string? Title, string? Background, string? Assessment, string? ProposedResolution, string? AdoptedResolution);

public enum AgendaLinkKind
{
    RoadmapAction = 1,
    Agreement = 2,
}

/// <summary>A link from an item to a roadmap action or an agreement, by id, with the label shown (other modules own them).</summary>
public sealed class AgendaItemLink
{
    private AgendaItemLink()
    {
    }

    public AgendaItemLink(AgendaLinkKind kind, Guid targetId, string label)
    {
        Kind = kind;
        TargetId = targetId;
        Label = label;
    }

    public AgendaLinkKind Kind { get; private set; }

    public Guid TargetId { get; private set; }

    public string Label { get; private set; } = string.Empty;
}

/// <summary>A participant's declaration that she may be disqualified (inhabil) in one item.</summary>
public sealed class ConflictDeclaration
{
    private ConflictDeclaration()
    {
    }

    internal ConflictDeclaration(Guid itemId, Guid userId, string name, string reason, DateTime declaredAtUtc)
    {
        ItemId = itemId;
        UserId = userId;
        Name = name;
        Reason = reason;
        DeclaredAtUtc = declaredAtUtc;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid ItemId { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public DateTime DeclaredAtUtc { get; private set; }
}
