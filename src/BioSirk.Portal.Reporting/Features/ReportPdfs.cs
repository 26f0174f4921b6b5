using System.Globalization;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Reporting.Contracts;
using BioSirk.Portal.Reporting.Data;
using BioSirk.Portal.Reporting.Documents;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Pdf;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BioSirk.Portal.Reporting.Features;

/// <summary>
/// "Lag PDF": freezes the report as it is now and queues the job that prints it. The PDF row is saved before the job
/// is queued; the job only ever fills that row, so however often it runs, there is one version.
/// </summary>
public sealed class RequestReportPdf(FinalReportStore store, ReportDrafts drafts, ReportContents contents, IReportJobQueue queue, IReportProgress progress, TimeProvider clock)
{
    public async Task<Result<Guid>?> HandleAsync(Guid agreementId, ReportActor by, CancellationToken ct = default)
    {
        var (report, refused) = await drafts.OpenAsync(agreementId, ct);
        if (report is null)
        {
            return refused is null ? null : Result<Guid>.Fail(refused.Errors);
        }

        var content = await contents.BuildAsync(report, report.IsEditable ? contents.DraftLabel : $"Kopi per {SharedKernel.Formatting.Norwegian.Date(contents.Today)}", ct);
        if (content is null)
        {
            return null;
        }

        var pdf = new ReportPdf(report, await NextNumberAsync(store.Db, report.Id, ct), null, content.ToJson(), by.UserId, by.Name, clock.GetUtcNow().UtcDateTime);
        return await QueueAsync(pdf, ct);
    }

    /// <summary>
    /// "Lag PDF" again for the delivered version whose PDF failed for good: a new PDF of that version exactly as it was
    /// delivered (its frozen content, not today's figures), which the county then reads as the version's PDF.
    /// </summary>
    public async Task<Result<Guid>?> RetryDeliveredAsync(Guid agreementId, ReportActor by, CancellationToken ct = default)
    {
        var report = await store.FindAsync(agreementId, ct);
        if (report is null)
        {
            return null;
        }

        var submission = await store.Db.Submissions.Where(s => s.ReportId == report.Id).OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        var latest = submission is null ? null
            : await store.Db.Pdfs.Where(p => p.SubmissionId == submission.Id).OrderByDescending(p => p.Number).FirstOrDefaultAsync(ct);
        if (submission is null || latest?.State != PdfState.Failed)
        {
            return Result<Guid>.Fail("", "Den leverte versjonen har ingen PDF som feilet. Siden viser PDF-ene slik de er nå.");
        }

        var pdf = new ReportPdf(report, await NextNumberAsync(store.Db, report.Id, ct), submission.Id, submission.ContentJson, by.UserId, by.Name,
            clock.GetUtcNow().UtcDateTime);
        return await QueueAsync(pdf, ct);
    }

    /// <summary>Said when someone else ordered a PDF of the report at the same moment, and took its number.</summary>
    public const string OrderedAtTheSameMoment = "Noen andre bestilte en PDF av sluttrapporten i samme øyeblikk. Last inn siden på nytt for å se den.";

    /// <summary>Stores the ordered PDF, hands it to the job queue and tells the open pages that it waits.</summary>
    private async Task<Result<Guid>> QueueAsync(ReportPdf pdf, CancellationToken ct)
    {
        store.Db.Pdfs.Add(pdf);
        var saved = await store.SaveNewAsync(Result.Fail("", OrderedAtTheSameMoment), ct);
        if (!saved.Succeeded)
        {
            return Result<Guid>.Fail(saved.Errors);
        }

        queue.EnqueuePdf(pdf.Id);
        await progress.PublishAsync(PdfMessages.Progress(pdf), ct);
        return Result<Guid>.Ok(pdf.Id);
    }

    /// <summary>PDFs are numbered 1, 2, 3 … per report (a unique index keeps two at once from taking the same number).</summary>
    internal static async Task<int> NextNumberAsync(ReportingDbContext db, Guid reportId, CancellationToken ct) =>
        (await db.Pdfs.Where(p => p.ReportId == reportId).MaxAsync(p => (int?)p.Number, ct) ?? 0) + 1;
}

/// <summary>
/// The background job's work: print one PDF of a final report with the warm Chromium and store it as an immutable
/// version, through <see cref="PrintAttempt"/>. Runs in the tenant the job was queued for; each state change is pushed
/// to the report page, and after the last failed attempt the person who asked for it is told.
/// </summary>
public sealed class RenderReportPdf(
    ReportingDbContext db, PrintAttempt attempt, IPdfRenderer renderer, ReportDocumentRenderer documents, IFileStore files,
    IReportProgress progress, INotifier notifier, ReportLinks links, ILogger<RenderReportPdf> log) : IPrintSteps<ReportPdf>
{
    public async Task RunAsync(Guid pdfId, bool lastAttempt, CancellationToken ct = default)
    {
        var pdf = await db.Pdfs.FirstOrDefaultAsync(p => p.Id == pdfId, ct);
        if (pdf is null)
        {
            log.LogWarning("PDF {PdfId} is not visible in the job's tenant; nothing printed.", pdfId);
            return;
        }

        await attempt.RunAsync(db, pdf, lastAttempt, this, ct);
    }

    public async Task<PrintedFile> PrintAndStoreAsync(ReportPdf version, CancellationToken ct)
    {
        var content = ReportContent.FromJson(version.ContentJson);
        var bytes = await renderer.RenderAsync(await documents.PdfRequestAsync(content), ct);
        ct.ThrowIfCancellationRequested(); // stopped now: nothing is stored, and the retry prints it again
        await using var stream = new MemoryStream(bytes);
        var stored = await files.SaveAsync(stream, PdfMessages.FileName(content, version.Number), "application/pdf", ct);
        return new PrintedFile(stored.FileId, stored.Sha256, stored.Size);
    }

    public Task ChangedAsync(ReportPdf version, CancellationToken ct) => progress.PublishAsync(PdfMessages.Progress(version), ct);

    public async Task FailedForGoodAsync(ReportPdf version, CancellationToken ct)
    {
        var url = await links.CouncilAsync(version.TenantId, version.AgreementId, ct);
        await notifier.NotifyPersonAsync(version.RequestedByUserId, new NoticeMessage(
            "PDF-en av sluttrapporten kunne ikke lages",
            Phrase.Of("PDF {0} av sluttrapporten kunne ikke lages etter {1} forsøk. Prøv «Lag PDF» igjen om litt; feilen er meldt til driften.", version.Number, version.Attempts),
            url), ct);
    }
}

/// <summary>The words for a PDF's state, the same on the page and in the live message.</summary>
public static class PdfMessages
{
    public static PdfProgress Progress(ReportPdf pdf) =>
        new(pdf.AgreementId, pdf.Id, pdf.Number, (PdfProgressState)(int)pdf.State, pdf.Attempts, Text(pdf), OfDelivery: pdf.SubmissionId is not null, pdf.Size, pdf.Sha256);

    public static string Text(ReportPdf pdf) => Text(pdf.Number, pdf.State, pdf.Attempts);

    public static string Text(int number, PdfState state, int attempts) =>
        string.Format(CultureInfo.InvariantCulture, Sentence(state, attempts), number, attempts);

    /// <summary>The sentence of a state with {0} for the PDF's number and {1} for the attempts: the localizer's key.</summary>
    public static string Sentence(PdfState state, int attempts) => state switch
    {
        PdfState.Queued when attempts > 0 => "PDF {0}: forsøk {1} mislyktes. Nytt forsøk kommer automatisk.",
        PdfState.Queued => "PDF {0} står i kø.",
        PdfState.Rendering => "PDF {0} lages nå …",
        PdfState.Ready => "PDF {0} er klar.",
        _ => "PDF {0} kunne ikke lages etter {1} forsøk. Prøv «Lag PDF» igjen om litt; feilen er meldt til driften.",
    };

    public static string StateText(PdfState state) => state switch
    {
        PdfState.Queued => "I kø",
        PdfState.Rendering => "Lages",
        PdfState.Ready => "Klar",
        _ => "Feilet",
    };

    public static string FileName(ReportContent content, int number) =>
        $"sluttrapport-{content.Agreement.Markings.OrderNumber}-{content.Agreement.Markings.ProjectNumber}-{number}.pdf".ToLowerInvariant();
}
