using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.Reporting.Features;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using BioSirk.Portal.SharedKernel.Pdf;

namespace BioSirk.Portal.Web.Pages.Shared.Reports;

/// <summary>
/// What the council's and the county's final report pages share: loading the report through the tenant filter (another
/// council's or county's agreement answers 404), the live PDF status, and the downloads (PDF versions, attachments,
/// the timesheet of a submission), each checked against the agreement in the URL.
/// </summary>
public abstract class FinalReportPageModel(PortalContext portal, FinalReportQueries queries, IFileStore files) : PageModel
{
    public FinalReportView View { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public PortalContext Portal => portal;

    protected FinalReportQueries Queries => queries;

    public string AgreementUrl => $"{portal.Prefix}/avtaler/{View.Agreement.AgreementId}";

    public string SelfUrl => $"{AgreementUrl}/sluttrapport";

    /// <summary>Where the report's vouchers are read: the agreement page's voucher download (same tenant check).</summary>
    public Func<Guid, string> VoucherUrl => costId => $"{AgreementUrl}?handler=Voucher&costId={costId}";

    public Func<Guid, string> AttachmentUrl => fileId => $"{SelfUrl}?handler=Attachment&attachmentId={fileId}";

    /// <summary>"rad/hallingdal" or "fylke/buskerud": the place the live connection asks to watch the report in.</summary>
    public string LivePlace => portal.Prefix.TrimStart('/');

    public async Task<IActionResult> OnGetPdfAsync(Guid agreementId, Guid pdfId)
    {
        var pdf = await queries.ReadyPdfAsync(agreementId, pdfId);
        var stream = pdf is null ? null : await files.OpenAsync(pdf.Value.FileId);
        return stream is null ? NotFound() : File(stream, "application/pdf", pdf!.Value.FileName);
    }

    public async Task<IActionResult> OnGetAttachmentAsync(Guid agreementId, Guid attachmentId)
    {
        var attachment = await queries.AttachmentAsync(agreementId, attachmentId);
        var stream = attachment is null ? null : await files.OpenAsync(attachment.FileId);
        return stream is null ? NotFound() : File(stream, attachment!.ContentType, attachment.FileName);
    }

    public async Task<IActionResult> OnGetTimesheetAsync(Guid agreementId, Guid submissionId)
    {
        var timesheet = await queries.TimesheetAsync(agreementId, submissionId);
        var stream = timesheet is null ? null : await files.OpenAsync(timesheet.FileId);
        return stream is null ? NotFound() : File(stream, timesheet!.ContentType, timesheet.FileName);
    }

    /// <summary>The state of one PDF as JSON, for a page that lost its live connection and asks again.</summary>
    public async Task<IActionResult> OnGetPdfStateAsync(Guid agreementId, Guid pdfId)
    {
        var pdf = await queries.PdfAsync(agreementId, pdfId);
        return pdf is null ? NotFound() : new JsonResult(new
        {
            pdfId = pdf.Id, number = pdf.Number, state = pdf.State.ToString(), attempts = pdf.Attempts, message = pdf.Message,
            size = pdf.Size is { } bytes ? Norwegian.FileSize(bytes) : null, sha256 = pdf.Sha256,
        });
    }

    protected ReportActor Actor => new(CurrentUser.IdOf(User)!.Value, User.FindFirst(CurrentUser.FullNameClaim)?.Value ?? User.Identity!.Name!);

    protected async Task<bool> LoadAsync(Guid agreementId)
    {
        var view = await queries.GetAsync(agreementId);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }

    /// <summary>Puts a refused result's messages beside their fields (<paramref name="prefix"/>.Field), or at the top.</summary>
    protected void Show(Result result, string prefix)
    {
        result.Errors.AddTo(ModelState, prefix);
    }
}
