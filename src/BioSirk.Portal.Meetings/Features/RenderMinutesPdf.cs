using BioSirk.Portal.Meetings.Data;
using BioSirk.Portal.Meetings.Documents;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BioSirk.Portal.Meetings.Features;

/// <summary>
/// The background job's work: print one version of the minutes with the shared renderer and store it, through
/// <see cref="PrintAttempt"/>. Runs in the council the job was queued for (the tenant filter then finds the row); after
/// the last failed attempt the secretary who asked for it is told.
/// </summary>
public sealed class RenderMinutesPdf(
    MeetingsDbContext db, PrintAttempt attempt, IPdfRenderer renderer, MinutesDocumentRenderer documents, IFileStore files,
    INotifier notifier, IPlatformDirectory directory, ILogger<RenderMinutesPdf> log) : IPrintSteps<MinutesPdf>
{
    public async Task RunAsync(Guid minutesPdfId, bool lastAttempt, CancellationToken ct = default)
    {
        var pdf = await db.MinutesPdfs.FirstOrDefaultAsync(p => p.Id == minutesPdfId, ct);
        if (pdf is null)
        {
            log.LogWarning("Minutes PDF {PdfId} is not visible in the job's council; nothing printed.", minutesPdfId);
            return;
        }

        await attempt.RunAsync(db, pdf, lastAttempt, this, ct);
    }

    public async Task<PrintedFile> PrintAndStoreAsync(MinutesPdf version, CancellationToken ct)
    {
        var bytes = await renderer.RenderAsync(await documents.PdfRequestAsync(MinutesContent.FromJson(version.ContentJson)), ct);
        ct.ThrowIfCancellationRequested(); // stopped now: nothing is stored, and the retry prints it again
        await using var stream = new MemoryStream(bytes);
        var stored = await files.SaveAsync(stream, $"protokoll-{version.Number}.pdf", "application/pdf", ct);
        return new PrintedFile(stored.FileId, stored.Sha256, stored.Size);
    }

    /// <summary>The protokoll page shows the state on a reload; nothing follows it live.</summary>
    public Task ChangedAsync(MinutesPdf version, CancellationToken ct) => Task.CompletedTask;

    public async Task FailedForGoodAsync(MinutesPdf version, CancellationToken ct)
    {
        var slug = (await directory.ListCouncilsAsync(ct)).FirstOrDefault(c => c.Id == version.TenantId)?.Slug;
        await notifier.NotifyPersonAsync(version.RequestedByUserId, new NoticeMessage(
            "Protokollen kunne ikke lages",
            MinutesMessages.Sentence(version.Number, version.State, version.Attempts),
            slug is null ? null : $"/rad/{slug}/moter/{version.MeetingId}/protokoll"), ct);
    }
}
