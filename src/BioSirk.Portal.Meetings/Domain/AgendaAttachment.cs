using BioSirk.Portal.SharedKernel.Auditing;

namespace BioSirk.Portal.Meetings.Domain;

/// <summary>
/// A document attached to an agenda item (vedlegg). The bytes are in the portal's file store under <see cref="FileId"/>,
/// outside the web root; whoever sees the item may download it.
/// </summary>
public sealed class AgendaAttachment : IAudited
{
    public const int MaxFileNameLength = 255;

    private AgendaAttachment()
    {
    }

    internal AgendaAttachment(Guid itemId, AttachedFile file, string uploadedBy, DateTime uploadedAtUtc)
    {
        ItemId = itemId;
        FileId = file.FileId;
        FileName = file.FileName.Length > MaxFileNameLength ? file.FileName[^MaxFileNameLength..] : file.FileName;
        ContentType = file.ContentType;
        Size = file.Size;
        Sha256 = file.Sha256;
        UploadedBy = uploadedBy;
        UploadedAtUtc = uploadedAtUtc;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid ItemId { get; private set; }

    public Guid FileId { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public long Size { get; private set; }

    public string Sha256 { get; private set; } = string.Empty;

    public string UploadedBy { get; private set; } = string.Empty;

    public DateTime UploadedAtUtc { get; private set; }
}

/// <summary>A file already in the file store, as the store described it.</summary>
public sealed record AttachedFile(Guid FileId, string FileName, string ContentType, long Size, string Sha256);
