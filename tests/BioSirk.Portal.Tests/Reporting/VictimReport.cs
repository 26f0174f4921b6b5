using BioSirk.Portal.Reporting.Data;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.Reporting.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Reporting;

/// <summary>A submitted final report of a visible agreement, with an attachment and a finished PDF, for cross-tenant probes.</summary>
public static class VictimReport
{
    public sealed record Ids(Guid AttachmentId, Guid SubmissionId, Guid PdfId);

    /// <remarks>Call inside a scope whose current tenant owns <paramref name="agreementId"/>.</remarks>
    public static async Task<Ids> CreateAsync(IServiceProvider sp, Guid agreementId)
    {
        var by = new ReportActor(Guid.NewGuid(), "Testperson");
        var drafts = sp.GetRequiredService<ReportDrafts>();
        await drafts.WriteAsync(new WriteReportCommand(agreementId, new ReportSections("Aktiviteter", "Resultater", "Ingen avvik", "Midler", "Videre"), null, by));
        await using (var file = new MemoryStream("%PDF-1.4 vedlegg"u8.ToArray()))
        {
            await drafts.AttachAsync(agreementId, new ReportUpload(file, "vedlegg.pdf", file.Length), by);
        }

        var submitted = await sp.GetRequiredService<SubmitFinalReport>().HandleAsync(agreementId, null, by);
        if (submitted is not { Succeeded: true })
        {
            throw new InvalidOperationException("The victim report was not submitted: " + string.Join(", ", submitted?.Errors.Select(e => e.Message) ?? []));
        }

        var db = sp.GetRequiredService<ReportingDbContext>();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.AgreementId == agreementId);
        var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.ReportId == report.Id);
        var pdf = await db.Pdfs.AsNoTracking().SingleAsync(p => p.SubmissionId == submission.Id);
        await sp.GetRequiredService<RenderReportPdf>().RunAsync(pdf.Id, lastAttempt: true);
        return new Ids(report.Attachments.Single().FileId, submission.Id, pdf.Id);
    }
}
