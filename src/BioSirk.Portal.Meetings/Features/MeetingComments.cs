using BioSirk.Portal.Meetings.Data;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Meetings.Features;

/// <summary>A comment as the participants see it: the text only while it is visible.</summary>
public sealed record CommentView(
    Guid Id, Guid ItemId, int Sequence, Guid AuthorId, string AuthorName, string? Text, DateTime PostedAtUtc, DateTime? EditedAtUtc, string State)
{
    public static CommentView Of(MeetingComment c) => new(
        c.Id, c.ItemId, c.Sequence, c.AuthorId, c.AuthorName, c.State == CommentState.Visible ? c.Text : null, c.PostedAtUtc, c.EditedAtUtc,
        c.State.ToString());
}

/// <summary>
/// Live comments on a meeting's items: posting (stored first, numbered per meeting), reading "everything after n",
/// the author's edit and delete within five minutes, and the secretary's hiding. Everyone here must see the meeting's
/// agenda (<see cref="MeetingRules.CanSeeAgenda"/>); to anyone else the meeting does not exist (null: 404).
/// </summary>
public sealed class MeetingComments(MeetingStore store, MeetingsDbContext db)
{
    public const int RateLimit = 10;

    public static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(10);

    public const string RateLimitMessage =
        "Du har skrevet 10 kommentarer på 10 sekunder. Vent noen sekunder og send igjen – det du skrev, står fortsatt i feltet.";

    private const int NumberingAttempts = 20;

    /// <summary>The meeting when the person may follow its comments, else null.</summary>
    public async Task<Meeting?> FollowableAsync(Guid meetingId, MeetingActor actor, CancellationToken ct = default)
    {
        var meeting = await store.VisibleAsync(meetingId, actor, ct);
        return meeting is not null && MeetingRules.CanSeeAgenda(meeting, actor) ? meeting : null;
    }

    /// <summary>
    /// Every comment of the meeting numbered after <paramref name="afterSequence"/>, in order, and every comment that
    /// was ever edited, deleted or hidden (few; a client that was away may have missed that change); null when not hers to see.
    /// </summary>
    public async Task<IReadOnlyList<CommentView>?> AfterAsync(Guid meetingId, int afterSequence, MeetingActor actor, CancellationToken ct = default)
    {
        if (await FollowableAsync(meetingId, actor, ct) is null)
        {
            return null;
        }

        var comments = await db.MeetingComments.AsNoTracking()
            .Where(c => c.MeetingId == meetingId
                        && (c.Sequence > afterSequence || c.EditedAtUtc != null || c.DeletedAtUtc != null || c.HiddenAtUtc != null))
            .OrderBy(c => c.Sequence)
            .ToListAsync(ct);
        return comments.Select(CommentView.Of).ToList();
    }

    /// <summary>
    /// Stores the comment with the meeting's next sequence number. Two posts at the same moment may pick the same
    /// number: the unique (MeetingId, Sequence) index refuses the second, which takes the next number and tries again.
    /// </summary>
    public async Task<Result<CommentView>?> PostAsync(Guid meetingId, Guid itemId, string? text, MeetingActor by, string field, CancellationToken ct = default)
    {
        var meeting = await FollowableAsync(meetingId, by, ct);
        if (meeting is null || meeting.Items.All(i => i.Id != itemId))
        {
            return null;
        }

        if (meeting.IsCancelled)
        {
            return Result<CommentView>.Fail(field, "Møtet er avlyst, så det tar ikke imot flere kommentarer.");
        }

        if (meeting.Items.First(i => i.Id == itemId).IsWithdrawn)
        {
            return Result<CommentView>.Fail(field, "Saken er trukket, så den tar ikke imot flere kommentarer.");
        }

        var errors = MeetingComment.Check(text, field);
        if (errors.Any)
        {
            return Result<CommentView>.Fail(errors.All);
        }

        var since = store.UtcNow - RateWindow;
        if (await db.MeetingComments.CountAsync(c => c.AuthorId == by.UserId && c.PostedAtUtc > since, ct) >= RateLimit)
        {
            return Result<CommentView>.Fail(field, RateLimitMessage);
        }

        var comment = new MeetingComment(meeting, itemId, by.UserId, by.Name, text!, store.UtcNow);
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.MeetingComments.Where(c => c.MeetingId == meetingId).MaxAsync(c => (int?)c.Sequence, ct) ?? 0;
            comment.Number(last + 1);
            db.MeetingComments.Add(comment);
            try
            {
                await db.SaveChangesAsync(ct);
                return Result<CommentView>.Ok(CommentView.Of(comment));
            }
            catch (DbUpdateException) when (attempt < NumberingAttempts)
            {
                // The number was taken: forget this attempt (the comment and its audit row) and take the next one.
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
                {
                    entry.State = EntityState.Detached;
                }
            }
        }
    }

    /// <summary>On a cancelled meeting a comment is no longer edited (deleting and hiding still are: taking words back does no harm).</summary>
    public Task<Result<CommentView>?> EditAsync(Guid meetingId, Guid commentId, string? text, MeetingActor by, string field, CancellationToken ct = default) =>
        ChangeAsync(meetingId, commentId, by, c => c.Edit(by.UserId, text, store.UtcNow, field), manage: false, ct, refuseWhenCancelled: field);

    public Task<Result<CommentView>?> DeleteAsync(Guid meetingId, Guid commentId, MeetingActor by, CancellationToken ct = default) =>
        ChangeAsync(meetingId, commentId, by, c => c.Delete(by.UserId, store.UtcNow), manage: false, ct);

    /// <summary>Only the organising council's secretaries; for anyone else the comment does not exist.</summary>
    public Task<Result<CommentView>?> HideAsync(Guid meetingId, Guid commentId, MeetingActor by, CancellationToken ct = default) =>
        ChangeAsync(meetingId, commentId, by, c =>
        {
            c.Hide(by.Name, store.UtcNow);
            return Result.Ok();
        }, manage: true, ct);

    private async Task<Result<CommentView>?> ChangeAsync(
        Guid meetingId, Guid commentId, MeetingActor by, Func<MeetingComment, Result> change, bool manage, CancellationToken ct, string? refuseWhenCancelled = null)
    {
        var meeting = await FollowableAsync(meetingId, by, ct);
        if (meeting is null || (manage && !MeetingRules.CanManage(meeting, by)))
        {
            return null;
        }

        if (refuseWhenCancelled is not null && meeting.IsCancelled && await db.MeetingComments.AnyAsync(c => c.Id == commentId && c.MeetingId == meetingId, ct))
        {
            return Result<CommentView>.Fail(refuseWhenCancelled, "Møtet er avlyst, så kommentarene kan ikke endres lenger.");
        }

        var comment = await db.MeetingComments.FirstOrDefaultAsync(c => c.Id == commentId && c.MeetingId == meetingId, ct);
        if (comment is null)
        {
            return null;
        }

        var result = change(comment);
        if (!result.Succeeded)
        {
            return Result<CommentView>.Fail(result.Errors);
        }

        var saved = await db.SaveOrConflictAsync("Kommentaren ble endret av noen andre samtidig. Last inn siden på nytt og prøv igjen.", ct);
        return saved.Succeeded ? Result<CommentView>.Ok(CommentView.Of(comment)) : Result<CommentView>.Fail(saved.Errors);
    }
}
