using BioSirk.Portal.Reporting.Data;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Reporting.Features;

/// <summary>Loads final reports for change through the tenant filter and saves them with the concurrency check.</summary>
public sealed class FinalReportStore(ReportingDbContext db)
{
    public const string ConflictMessage =
        "Noen andre har endret sluttrapporten mens du skrev. Det du skrev står fortsatt i skjemaet: kopier det du vil beholde, last inn siden på nytt og lagre igjen.";

    public ReportingDbContext Db => db;

    public Task<FinalReport?> FindAsync(Guid agreementId, CancellationToken ct = default) =>
        db.Reports.FirstOrDefaultAsync(r => r.AgreementId == agreementId, ct);

    public Task<ReportSubmission?> PendingSubmissionAsync(Guid reportId, CancellationToken ct = default) =>
        db.Submissions.Where(s => s.ReportId == reportId && s.Decision == ReportDecision.Pending)
            .OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);

    /// <summary>Makes the save fail if the report changed since the form was loaded.</summary>
    public void ExpectStamp(FinalReport report, string? stamp) =>
        db.Entry(report).Property(r => r.ConcurrencyStamp).OriginalValue = stamp ?? "";

    public Task<Result> SaveAsync(CancellationToken ct = default) => db.SaveOrConflictAsync(ConflictMessage, ct);

    /// <summary>
    /// Saves a row that must be one of its kind: the agreement's report, or a PDF with the next number. Someone else's
    /// made at the same moment trips the unique index; that is answered with <paramref name="sameMoment"/>, not an error page.
    /// </summary>
    public async Task<Result> SaveNewAsync(Result sameMoment, CancellationToken ct = default)
    {
        try
        {
            return await SaveAsync(ct);
        }
        catch (DbUpdateException)
        {
            return sameMoment;
        }
    }
}
