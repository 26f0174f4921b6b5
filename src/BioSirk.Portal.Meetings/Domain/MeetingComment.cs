using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Meetings.Domain;

public enum CommentState
{
    Visible,
    Deleted,
    Hidden,
}

/// <summary>
/// A live comment on an agenda item. Its own row, not part of the <see cref="Meeting"/> aggregate, so that a busy
/// stream never fights the secretary's edits of the meeting's stamp. <see cref="Sequence"/> is per meeting (unique with
/// the meeting id): a client that reconnects asks for everything after the last number it saw. Audited, so that a
/// comment the secretary hides, or its author edits or deletes, is kept in the audit log as it was.
/// </summary>
public sealed class MeetingComment : ITenantOwned, IPartnershipShared, IAudited, IConcurrencyAware
{
    public const int MaxLength = 2000;

    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(5);

    private MeetingComment()
    {
    }

    public MeetingComment(Meeting meeting, Guid itemId, Guid authorId, string authorName, string text, DateTime nowUtc)
    {
        MeetingId = meeting.Id;
        TenantId = meeting.TenantId;
        PartnershipId = meeting.PartnershipId;
        ItemId = itemId;
        AuthorId = authorId;
        AuthorName = authorName;
        Text = text.Trim();
        PostedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid MeetingId { get; private set; }

    public Guid ItemId { get; private set; }

    /// <summary>The meeting's organising council, so that the tenant filter treats the comment as it treats the meeting.</summary>
    public Guid TenantId { get; private set; }

    public Guid PartnershipId { get; private set; }

    /// <summary>1, 2, 3 … per meeting, given when the comment is stored.</summary>
    public int Sequence { get; private set; }

    public Guid AuthorId { get; private set; }

    public string AuthorName { get; private set; } = string.Empty;

    /// <summary>Plain text; emptied when the author deletes the comment (the audit log keeps what it said).</summary>
    public string Text { get; private set; } = string.Empty;

    public DateTime PostedAtUtc { get; private set; }

    public DateTime? EditedAtUtc { get; private set; }

    public DateTime? DeletedAtUtc { get; private set; }

    public DateTime? HiddenAtUtc { get; private set; }

    public string? HiddenByName { get; private set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public CommentState State => HiddenAtUtc is not null ? CommentState.Hidden : DeletedAtUtc is not null ? CommentState.Deleted : CommentState.Visible;

    public static Errors Check(string? text, string field) => new Errors()
        .When(string.IsNullOrWhiteSpace(text), field, "Skriv en kommentar før du sender den.")
        .When(text?.Trim().Length > MaxLength, field, "Kommentaren kan være på høyst 2 000 tegn. Gjør den kortere, eller del den i to.");

    /// <summary>Her own, visible comment, within five minutes of posting it.</summary>
    public bool CanChange(Guid userId, DateTime nowUtc) => userId == AuthorId && State == CommentState.Visible && nowUtc - PostedAtUtc <= EditWindow;

    internal void Number(int sequence) => Sequence = sequence;

    public Result Edit(Guid userId, string? text, DateTime nowUtc, string field)
    {
        if (!CanChange(userId, nowUtc))
        {
            return Result.Fail(field, NotChangeable(userId));
        }

        var errors = Check(text, field);
        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        Text = text!.Trim();
        EditedAtUtc = nowUtc;
        return Result.Ok();
    }

    public Result Delete(Guid userId, DateTime nowUtc)
    {
        if (!CanChange(userId, nowUtc))
        {
            return Result.Fail("", NotChangeable(userId));
        }

        Text = string.Empty;
        DeletedAtUtc = nowUtc;
        return Result.Ok();
    }

    /// <summary>The secretary hides a comment: it stays (and in the audit log), shown as hidden.</summary>
    public void Hide(string byName, DateTime nowUtc)
    {
        if (HiddenAtUtc is null)
        {
            HiddenAtUtc = nowUtc;
            HiddenByName = byName;
        }
    }

    private string NotChangeable(Guid userId) =>
        userId != AuthorId ? "Du kan bare endre eller slette dine egne kommentarer."
        : State != CommentState.Visible ? "Kommentaren er slettet eller skjult og kan ikke endres."
        : "Du kan endre eller slette en kommentar bare de første 5 minuttene etter at du skrev den.";
}
