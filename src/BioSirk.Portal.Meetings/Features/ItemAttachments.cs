using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Meetings.Features;

/// <summary>A file chosen in the attachment form; <see cref="Length"/> is what the request carried.</summary>
public sealed record AttachmentUpload(Stream Content, string FileName, long Length);

/// <summary>An attachment opened for download: its description and its bytes.</summary>
public sealed record OpenedAttachment(AgendaAttachment Attachment, Stream Content);

/// <summary>
/// The organising secretaries attach documents to an item and remove them; whoever sees the item downloads them.
/// Every method answers null when the person may not see the item (404).
/// </summary>
public sealed class ItemAttachments(MeetingStore store, IFileStore files)
{
    public const string AcceptedTypes = "PDF, JPEG, PNG, Word (.docx) eller Excel (.xlsx)";

    /// <summary>Said of a file over <see cref="FileTypes.MaxDocumentBytes"/>, here and by the page that never received it.</summary>
    public const string UploadTooLarge = "Filen er større enn 20 MB. Komprimer den eller del den i flere filer, og prøv igjen.";

    public async Task<Result?> AttachAsync(Guid meetingId, Guid itemId, AttachmentUpload? upload, MeetingActor by, CancellationToken ct = default)
    {
        var meeting = await store.ManagedAsync(meetingId, by, ct);
        var item = meeting?.Items.FirstOrDefault(i => i.Id == itemId);
        if (meeting is null || item is null)
        {
            return null;
        }

        if (meeting.IsCancelled)
        {
            return Result.Fail("Upload", Meeting.CancelledMessage);
        }

        if (upload is null || upload.Length == 0)
        {
            return Result.Fail("Upload", $"Velg en fil å legge ved ({AcceptedTypes}).");
        }

        if (upload.Length > FileTypes.MaxDocumentBytes)
        {
            return Result.Fail("Upload", UploadTooLarge);
        }

        using var buffer = new MemoryStream();
        await upload.Content.CopyToAsync(buffer, ct);
        var type = FileTypes.DetectDocumentType(buffer);
        if (type is null)
        {
            return Result.Fail("Upload",
                $"Filen er ikke en {AcceptedTypes} (vi sjekker innholdet, ikke bare navnet). Lagre den i et av disse formatene og prøv igjen.");
        }

        var stored = await files.SaveAsync(buffer, upload.FileName, type, ct);
        var attached = item.Attach(new AttachedFile(stored.FileId, stored.FileName, stored.ContentType, stored.Size, stored.Sha256), by.Name, store.UtcNow);
        store.AgendaChanged(meeting);
        var saved = attached.Succeeded ? await store.SaveAsync(ct) : attached;
        if (!saved.Succeeded)
        {
            await files.DeleteAsync(stored.FileId, ct);
        }

        return saved;
    }

    /// <summary>Takes the attachment off the item and deletes the file; null when there is no such attachment for her.</summary>
    public async Task<Result<string>?> RemoveAsync(Guid meetingId, Guid itemId, Guid attachmentId, MeetingActor by, CancellationToken ct = default)
    {
        var meeting = await store.ManagedAsync(meetingId, by, ct);
        var item = meeting?.Items.FirstOrDefault(i => i.Id == itemId);
        if (item is null || item.Attachments.All(a => a.Id != attachmentId))
        {
            return null;
        }

        // A cancelled meeting is kept as it was when it was called off, documents included.
        if (meeting!.IsCancelled)
        {
            return Result<string>.Fail("", Meeting.CancelledMessage);
        }

        var removed = item.RemoveAttachment(attachmentId)!;
        store.AgendaChanged(meeting);

        var saved = await store.SaveAsync(ct);
        if (!saved.Succeeded)
        {
            return Result<string>.Fail(saved.Errors);
        }

        await files.DeleteAsync(removed.FileId, ct);
        return Result<string>.Ok(removed.FileName);
    }

    /// <summary>For the item's readers: the invited once the agenda is published, and the organising secretaries.</summary>
    public async Task<OpenedAttachment?> OpenAsync(Guid meetingId, Guid itemId, Guid attachmentId, MeetingActor actor, CancellationToken ct = default)
    {
        var meeting = await store.VisibleAsync(meetingId, actor, ct);
        var attachment = meeting is not null && MeetingRules.CanSeeAgenda(meeting, actor)
            ? meeting.Items.FirstOrDefault(i => i.Id == itemId)?.Attachments.FirstOrDefault(a => a.Id == attachmentId)
            : null;
        var content = attachment is null ? null : await files.OpenAsync(attachment.FileId, ct);
        return content is null ? null : new OpenedAttachment(attachment!, content);
    }
}
