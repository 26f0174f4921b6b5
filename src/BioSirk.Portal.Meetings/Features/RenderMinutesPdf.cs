using BioSirk.Portal.Meetings.Data;
using BioSirk.Portal.Meetings.Documents;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BioSirk.Portal.Meetings.Features;

/// <summary>
/// The background job's work: print one version of the minutes with the shared renderer and store it. Runs in the
/// council the job was queued for (the tenant filter then finds the row). A version already finished is left alone, so
/// a repeated or retried job makes no second version; a failed attempt is recorded and thrown again, so that the job is
/// retried, and after the last one the version is marked failed and the secretary who asked for it is told.
/// </summary>
public sealed class RenderMinutesPdf(
    MeetingsDbContext db, IPdfRenderer renderer, MinutesDocumentRenderer documents, IFileStore files, INotifier notifier,
    IPlatformDirectory directory, TimeProvider clock, ILogger<RenderMinutesPdf> log)
{
    public async Task RunAsync(Guid minutesPdfId, bool lastAttempt, CancellationToken ct = default)
    {
        var pdf = await db.MinutesPdfs.FirstOrDefaultAsync(p => p.Id == minutesPdfId, ct);
        if (pdf is null)
        {
            log.LogWarning("Minutes PDF {PdfId} is not visible in the job's council; nothing printed.", minutesPdfId);
            return;
        }

        if (pdf.IsDone)
        {
            return;
        }

        pdf.StartAttempt();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return; // another run of the same job took it at the same moment; that one finishes it
        }

        try
        {
            var content = MinutesContent.FromJson(pdf.ContentJson);
            var bytes = await renderer.RenderAsync(await documents.PdfRequestAsync(content), ct);
            ct.ThrowIfCancellationRequested(); // stopped now: nothing is stored, and the retry prints it again
            await using var stream = new MemoryStream(bytes);
            var stored = await files.SaveAsync(stream, $"protokoll-{pdf.Number}.pdf", "application/pdf", ct);
            pdf.Complete(stored.FileId, stored.Sha256, stored.Size, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run took the version over meanwhile and finished it: that file is the version, this one is never referenced.
            log.LogInformation("Minutes PDF {PdfId}: another run of the job finished it.", pdf.Id);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            log.LogError(ex, "Minutes PDF {PdfId} of meeting {MeetingId}: attempt {Attempt} failed.", pdf.Id, pdf.MeetingId, pdf.Attempts);
            await RecordFailureAsync(pdf, ex, lastAttempt);
            throw;
        }
    }

    private async Task RecordFailureAsync(MinutesPdf pdf, Exception ex, bool lastAttempt)
    {
        await db.Entry(pdf).ReloadAsync(CancellationToken.None);
        if (pdf.IsDone)
        {
            return;
        }

        pdf.AttemptFailed(ex.GetType().Name + ": " + ex.Message, lastAttempt, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(CancellationToken.None);
        if (lastAttempt)
        {
            var slug = (await directory.ListCouncilsAsync(CancellationToken.None)).FirstOrDefault(c => c.Id == pdf.TenantId)?.Slug;
            await notifier.NotifyPersonAsync(pdf.RequestedByUserId, new NoticeMessage(
                "Protokollen kunne ikke lages",
                MinutesMessages.Text(pdf.Number, pdf.State, pdf.Attempts),
                slug is null ? null : $"/rad/{slug}/moter/{pdf.MeetingId}/protokoll"), CancellationToken.None);
        }
    }
}
