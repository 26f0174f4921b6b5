using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Pdf;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Reporting.Domain;

/// <summary>One printed version of a final report: of the draft ("Lag PDF") or of a submitted version.</summary>
public sealed class ReportPdf : PrintedVersion, ICountyFunded, IAudited, IConcurrencyAware
{
    private ReportPdf()
    {
    }

    public ReportPdf(FinalReport report, int number, Guid? submissionId, string contentJson, Guid requestedByUserId, string requestedBy, DateTime nowUtc)
        : base(number, contentJson, requestedByUserId, requestedBy, nowUtc)
    {
        ReportId = report.Id;
        AgreementId = report.AgreementId;
        TenantId = report.TenantId;
        FunderCountyId = report.FunderCountyId;
        SubmissionId = submissionId;
    }

    public Guid ReportId { get; private set; }

    public Guid AgreementId { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid FunderCountyId { get; private set; }

    /// <summary>The submitted version this PDF is of; null for a PDF of the draft.</summary>
    public Guid? SubmissionId { get; private set; }
}
