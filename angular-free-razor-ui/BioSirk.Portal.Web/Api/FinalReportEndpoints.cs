using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.Reporting.Features;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Pages.Shared.Reports;
using BioSirk.Portal.SharedKernel.Pdf;

namespace BioSirk.Portal.Web.Api;

/// <summary>The PDF printed of a delivered version: its number, state and, once ready, its SHA-256 and size.</summary>
public sealed record ReportPdfResponse(int Number, string State, string? Sha256, long? Size, DateTime? CompletedAtUtc);

/// <summary>A delivered version and the county's decision on it (Pending, Returned, Approved or Withdrawn).</summary>
public sealed record ReportVersionResponse(
    int Version, DateTime SubmittedAtUtc, string SubmittedBy, string Decision, DateTime? DecidedAtUtc, string? DecidedBy, string? DecisionComment,
    ReportPdfResponse? Pdf);

/// <summary>
/// Where the final report is (Draft, Submitted, Returned or Approved, with the page's words), and its delivered
/// versions, newest first. <c>ApprovedPdfUrl</c> is set when the approved version's PDF is ready.
/// </summary>
public sealed record FinalReportResponse(
    Guid AgreementId, string Status, string StatusText, DateTime? LastEditedAtUtc, IReadOnlyList<ReportVersionResponse> Versions, string? ApprovedPdfUrl);

/// <summary>The final report of an agreement, through the same queries and file store as the final report pages.</summary>
public static class FinalReportEndpoints
{
    public const string NoApprovedPdf = "Sluttrapporten har ingen godkjent PDF ennå.";

    public static RouteGroupBuilder MapFinalReportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/agreements/{agreementId:guid}/final-report", GetAsync).WithName("GetFinalReport")
            .WithSummary("Sluttrapportens status, leverte versjoner, vedtak og PDF-er (SHA-256)")
            .Produces<FinalReportResponse>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/agreements/{agreementId:guid}/final-report/pdf", DownloadApprovedPdfAsync).WithName("DownloadApprovedFinalReport")
            .WithSummary("Last ned PDF-en av den godkjente sluttrapporten")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> GetAsync(HttpContext http, ApiCallerAccessor callers, FinalReportQueries queries, Guid agreementId)
    {
        if (!callers.Caller!.CanRead)
        {
            return ApiProblems.CannotRead();
        }

        var view = await queries.GetAsync(agreementId, http.RequestAborted);
        if (view is null)
        {
            return ApiProblems.NotFound();
        }

        var versions = view.Submissions.Select(s => new ReportVersionResponse(s.Version, s.SubmittedAtUtc, s.SubmittedBy, s.Decision.ToString(),
            s.DecidedAtUtc, s.DecidedBy, s.DecisionComment,
            view.PdfOf(s) is { } p ? new ReportPdfResponse(p.Number, p.State.ToString(), p.Sha256, p.Size, p.CompletedAtUtc) : null)).ToList();
        return Results.Ok(new FinalReportResponse(agreementId, Status(view), ReportStageText.For(view, NorwegianTexts.Instance), view.Report?.LastEditedAtUtc, versions,
            ApprovedPdf(view) is null ? null : $"/api/v1/agreements/{agreementId}/final-report/pdf"));
    }

    private static async Task<IResult> DownloadApprovedPdfAsync(
        HttpContext http, ApiCallerAccessor callers, FinalReportQueries queries, IFileStore files, Guid agreementId)
    {
        if (!callers.Caller!.CanRead)
        {
            return ApiProblems.CannotRead();
        }

        var view = await queries.GetAsync(agreementId, http.RequestAborted);
        if (view is null)
        {
            return ApiProblems.NotFound();
        }

        var approved = ApprovedPdf(view);
        var pdf = approved is null ? null : await queries.ReadyPdfAsync(agreementId, approved.Id, http.RequestAborted);
        var stream = pdf is null ? null : await files.OpenAsync(pdf.Value.FileId, http.RequestAborted);
        return stream is null
            ? ApiProblems.NotFound(NoApprovedPdf)
            : Results.File(stream, "application/pdf", pdf!.Value.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{approved!.Sha256}\""));
    }

    private static PdfRow? ApprovedPdf(FinalReportView view) =>
        view.Submissions.FirstOrDefault(s => s.Decision == ReportDecision.Approved) is { } approved && view.PdfOf(approved) is { State: PdfState.Ready } pdf
            ? pdf
            : null;

    private static string Status(FinalReportView view) => view.Stage switch
    {
        ReportStage.Submitted => "Submitted",
        ReportStage.Approved => "Approved",
        _ when view.Returned is not null => "Returned",
        _ => "Draft",
    };
}
