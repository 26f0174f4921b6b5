using BioSirk.Portal.Agreements.Contracts;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Reporting.Data;
using BioSirk.Portal.Reporting.Documents;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using BioSirk.Portal.SharedKernel.Pdf;

namespace BioSirk.Portal.Reporting.Features;

/// <summary>A PDF as the version list shows it (without the frozen content).</summary>
public sealed record PdfRow(
    Guid Id, int Number, Guid? SubmissionId, PdfState State, int Attempts, string? Failure, string? Sha256, long? Size, string RequestedBy,
    DateTime RequestedAtUtc, DateTime? CompletedAtUtc)
{
    public string Message => PdfMessages.Text(Number, State, Attempts);
}

/// <summary>A submitted version as the history shows it.</summary>
public sealed record SubmissionRow(
    Guid Id, int Version, string SubmittedBy, DateTime SubmittedAtUtc, ReportDecision Decision, string? DecisionComment, string? DecidedBy,
    DateTime? DecidedAtUtc, IReadOnlyList<SectionComment> Comments, SubmittedFile? Timesheet);

/// <summary>Everything the final report pages show of one agreement.</summary>
public sealed record FinalReportView(AgreementReportBasis Agreement, FinalReport? Report, IReadOnlyList<SubmissionRow> Submissions, IReadOnlyList<PdfRow> Pdfs)
{
    public ReportStage Stage => Report?.Stage ?? ReportStage.Draft;

    public SubmissionRow? Pending => Submissions.FirstOrDefault(s => s.Decision == ReportDecision.Pending);

    /// <summary>While the council rewrites a returned report: the county's comments on the version it returned.</summary>
    public SubmissionRow? Returned => Stage == ReportStage.Draft ? Submissions.FirstOrDefault(s => s.Decision == ReportDecision.Returned) : null;

    public PdfRow? PdfOf(SubmissionRow submission) => Pdfs.FirstOrDefault(p => p.SubmissionId == submission.Id);
}

/// <summary>An attachment to download: its stored file, name and type.</summary>
public sealed record AttachmentFile(Guid FileId, string FileName, string ContentType);

/// <summary>A submitted report waiting for the county's decision.</summary>
public sealed record ReportQueueRow(Guid AgreementId, string AgreementTitle, string CouncilName, int Version, string SubmittedBy, DateTime SubmittedAtUtc);

/// <summary>A report the county sent back, for the council to rewrite and deliver again.</summary>
public sealed record ReturnedReportRow(Guid AgreementId, string AgreementTitle);

/// <summary>Reads for the final report pages; everything through the tenant filter (a council's or a county's view).</summary>
public sealed class FinalReportQueries(ReportingDbContext db, IAgreementReports agreements, ICurrentTenant currentTenant)
{
    /// <summary>The council sees every PDF of its report; the county only those of delivered versions, not the council's drafts.</summary>
    private IQueryable<ReportPdf> Pdfs => currentTenant.TenantId is null ? db.Pdfs.Where(p => p.SubmissionId != null) : db.Pdfs;

    public async Task<FinalReportView?> GetAsync(Guid agreementId, CancellationToken ct = default)
    {
        var basis = await agreements.GetBasisAsync(agreementId, ct);
        if (basis is null)
        {
            return null;
        }

        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.AgreementId == agreementId, ct);
        if (report is null)
        {
            return new FinalReportView(basis, null, [], []);
        }

        var submissions = await db.Submissions.AsNoTracking().Where(s => s.ReportId == report.Id).OrderByDescending(s => s.Version)
            .Select(s => new SubmissionRow(s.Id, s.Version, s.SubmittedBy, s.SubmittedAtUtc, s.Decision, s.DecisionComment, s.DecidedBy, s.DecidedAtUtc,
                s.Comments.ToList(), s.Timesheet))
            .ToListAsync(ct);
        var pdfs = await PdfsAsync(report.Id, ct);
        return new FinalReportView(basis, report, submissions, pdfs);
    }

    /// <summary>The frozen document of a submitted version (what the county reads), or null.</summary>
    public async Task<ReportContent?> SubmittedContentAsync(Guid agreementId, int version, CancellationToken ct = default)
    {
        var json = await db.Submissions.AsNoTracking().Where(s => s.AgreementId == agreementId && s.Version == version)
            .Select(s => s.ContentJson).FirstOrDefaultAsync(ct);
        return json is null ? null : ReportContent.FromJson(json);
    }

    public Task<List<PdfRow>> PdfsAsync(Guid reportId, CancellationToken ct = default) =>
        Pdfs.AsNoTracking().Where(p => p.ReportId == reportId).OrderByDescending(p => p.Number)
            .Select(p => new PdfRow(p.Id, p.Number, p.SubmissionId, p.State, p.Attempts, p.Failure, p.Sha256, p.Size, p.RequestedBy, p.RequestedAtUtc,
                p.CompletedAtUtc))
            .ToListAsync(ct);

    /// <summary>The submitted reports waiting for a decision, oldest first: the county's queue.</summary>
    public Task<List<ReportQueueRow>> QueueAsync(CancellationToken ct = default) =>
        (from s in db.Submissions.AsNoTracking()
         join r in db.Reports.AsNoTracking() on s.ReportId equals r.Id
         where s.Decision == ReportDecision.Pending
         orderby s.SubmittedAtUtc
         select new ReportQueueRow(r.AgreementId, r.AgreementTitle, r.CouncilName, s.Version, s.SubmittedBy, s.SubmittedAtUtc))
        .ToListAsync(ct);

    /// <summary>
    /// The reports the county has returned and the council has not delivered again: being written again (a draft) after a
    /// returned version, which only a return leads to.
    /// </summary>
    public Task<List<ReturnedReportRow>> ReturnedAsync(CancellationToken ct = default) =>
        db.Reports.AsNoTracking()
            .Where(r => r.Stage == ReportStage.Draft && db.Submissions.Any(s => s.ReportId == r.Id && s.Decision == ReportDecision.Returned))
            .OrderBy(r => r.AgreementTitle)
            .Select(r => new ReturnedReportRow(r.AgreementId, r.AgreementTitle))
            .ToListAsync(ct);

    /// <summary>A finished PDF of the agreement's report: its file, name and size; null (404) when not visible or not ready.</summary>
    public async Task<(Guid FileId, string FileName)?> ReadyPdfAsync(Guid agreementId, Guid pdfId, CancellationToken ct = default)
    {
        var pdf = await Pdfs.AsNoTracking().Where(p => p.AgreementId == agreementId && p.Id == pdfId && p.State == PdfState.Ready)
            .Select(p => new { p.FileId, p.Number, p.ReportId }).FirstOrDefaultAsync(ct);
        if (pdf?.FileId is not { } fileId)
        {
            return null;
        }

        var report = await db.Reports.AsNoTracking().Where(r => r.Id == pdf.ReportId).Select(r => r.AgreementTitle).FirstAsync(ct);
        return (fileId, $"Sluttrapport {pdf.Number} – {report}.pdf");
    }

    /// <summary>
    /// An attachment of the report: the council's any of its own; the county only one in a version the council has
    /// delivered, as with the PDFs, not one of a draft the council is still working on. One in a delivered version stays
    /// readable as delivered, also once the council has removed it from the report it writes on.
    /// </summary>
    public async Task<AttachmentFile?> AttachmentAsync(Guid agreementId, Guid fileId, CancellationToken ct = default)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.AgreementId == agreementId, ct);
        if (report is null)
        {
            return null;
        }

        var current = report.Attachments.FirstOrDefault(a => a.FileId == fileId);
        if (current is not null && currentTenant.TenantId is not null)
        {
            return new AttachmentFile(current.FileId, current.FileName, current.ContentType);
        }

        var delivered = await db.Submissions.AsNoTracking().Where(s => s.ReportId == report.Id).Select(s => s.ContentJson).ToListAsync(ct);
        var line = delivered.SelectMany(json => ReportContent.FromJson(json).Attachments).FirstOrDefault(a => a.FileId == fileId);
        return line is null ? null
            : new AttachmentFile(line.FileId, line.FileName, current?.ContentType ?? FileTypes.TypeOfName(line.FileName) ?? "application/octet-stream");
    }

    public Task<SubmittedFile?> TimesheetAsync(Guid agreementId, Guid submissionId, CancellationToken ct = default) =>
        db.Submissions.AsNoTracking().Where(s => s.AgreementId == agreementId && s.Id == submissionId).Select(s => s.Timesheet).FirstOrDefaultAsync(ct);

    /// <summary>The progress of one PDF (for the live status line), or null.</summary>
    public async Task<PdfRow?> PdfAsync(Guid agreementId, Guid pdfId, CancellationToken ct = default) =>
        (await Pdfs.AsNoTracking().Where(p => p.AgreementId == agreementId && p.Id == pdfId)
            .Select(p => new PdfRow(p.Id, p.Number, p.SubmissionId, p.State, p.Attempts, p.Failure, p.Sha256, p.Size, p.RequestedBy, p.RequestedAtUtc,
                p.CompletedAtUtc))
            .ToListAsync(ct)).FirstOrDefault();
}
