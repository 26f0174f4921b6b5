using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Reporting.Documents;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.Reporting.Features;
using BioSirk.Portal.Web.Pages.Shared.Reports;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Reports;

/// <summary>
/// The report as its PDF will read: the same template, with the figures and indicators as of today (the draft), or
/// a submitted version exactly as it was delivered (?versjon=2); a report that is locked is shown as last delivered.
/// </summary>
public sealed class CouncilReportPreviewModel(PortalContext portal, FinalReportQueries queries, IFileStore files, ReportContents contents)
    : FinalReportPageModel(portal, queries, files)
{
    public ReportContent Document { get; private set; } = null!;

    public int? Version { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid agreementId, int? versjon)
    {
        if (!await LoadAsync(agreementId))
        {
            return NotFound();
        }

        Version = versjon;
        if (versjon is { } version)
        {
            var submitted = await Queries.SubmittedContentAsync(agreementId, version);
            if (submitted is null)
            {
                return NotFound();
            }

            Document = submitted;
            return Page();
        }

        var report = View.Report;
        if (report is { IsEditable: false } && View.Submissions.Count > 0)
        {
            // A delivered report is read as delivered: today's figures may have moved since the county got it.
            return Redirect($"{SelfUrl}/forhandsvisning?versjon={View.Submissions[0].Version}");
        }

        Document = await contents.BuildAsync(View.Agreement, report?.Sections ?? ReportSections.Empty, report?.Attachments ?? [], contents.DraftLabel);
        return Page();
    }
}
