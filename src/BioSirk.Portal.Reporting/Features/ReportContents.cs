using BioSirk.Portal.Agreements.Contracts;
using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Reporting.Documents;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Time;

namespace BioSirk.Portal.Reporting.Features;

/// <summary>Puts a report's document together: the agreement's facts and figures and the indicators as of today, with the council's sections.</summary>
public sealed class ReportContents(IAgreementReports agreements, IIndicatorReader indicators, TimeProvider clock)
{
    public DateOnly Today => Oslo.Today(clock);

    public async Task<ReportContent?> BuildAsync(FinalReport report, string label, CancellationToken ct = default)
    {
        var basis = await agreements.GetBasisAsync(report.AgreementId, ct);
        return basis is null ? null : await BuildAsync(basis, report.Sections, report.Attachments, label, ct);
    }

    public async Task<ReportContent> BuildAsync(
        AgreementReportBasis basis, ReportSections sections, IEnumerable<ReportAttachment> attachments, string label, CancellationToken ct = default)
    {
        var snapshot = await indicators.SnapshotAsync(PlanKind.Agreement, basis.AgreementId, Today, ct);
        return new ReportContent(basis, sections, snapshot, attachments.Select(a => new AttachmentLine(a.FileName, a.Size, a.FileId)).ToList(), Today, label);
    }

    public string DraftLabel => $"Utkast per {Norwegian.Date(Today)} – ikke levert";

    public string SubmittedLabel(int version) => $"Levert versjon {version}, {Norwegian.Date(Today)}";
}

/// <summary>The addresses of an agreement's final report pages, for notices (a notice is read outside the page it is about).</summary>
public sealed class ReportLinks(IPlatformDirectory directory)
{
    public async Task<string> CouncilAsync(Guid councilId, Guid agreementId, CancellationToken ct = default)
    {
        var council = (await directory.ListCouncilsAsync(ct)).FirstOrDefault(c => c.Id == councilId);
        return $"/rad/{council?.Slug}/avtaler/{agreementId}/sluttrapport";
    }

    public async Task<string> CountyAsync(Guid countyId, Guid agreementId, CancellationToken ct = default)
    {
        var county = (await directory.ListCountiesAsync(ct)).FirstOrDefault(c => c.Id == countyId);
        return $"/fylke/{county?.Slug}/avtaler/{agreementId}/sluttrapport";
    }
}
