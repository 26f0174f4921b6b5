using BioSirk.Portal.Agreements.Contracts;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Reporting.Contracts;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Reporting.Features;

/// <summary>
/// The secretary delivers the final report. One submission holds the report frozen with the agreement's figures and
/// indicators as of today (the final invoice basis and the timesheet are in it, the vouchers listed), the timesheet
/// export as a file, and a PDF queued for printing; the agreement moves to "Final report submitted", and the county's
/// officers are told.
/// </summary>
public sealed class SubmitFinalReport(
    FinalReportStore store, ReportContents contents, IAgreementReports agreements, IFileStore files, IReportJobQueue queue,
    IReportProgress progress, INotifier notifier, ReportLinks links, TimeProvider clock)
{
    /// <summary>Said when a PDF ordered at the same moment took the number the delivery's PDF was to have: nothing is delivered.</summary>
    public const string DeliveredAtTheSameMoment = "Noen andre bestilte en PDF av sluttrapporten i samme øyeblikk, så rapporten ble ikke levert. Lever den igjen.";

    public async Task<Result<int>?> HandleAsync(Guid agreementId, string? concurrencyStamp, ReportActor by, CancellationToken ct = default)
    {
        var basis = await agreements.GetBasisAsync(agreementId, ct);
        if (basis is null)
        {
            return null;
        }

        var report = await store.FindAsync(agreementId, ct);
        if (report is null)
        {
            return Result<int>.Fail("", "Skriv sluttrapporten før du leverer den.");
        }

        if (report.IsEditable && basis.Stage != AgreementReportStage.InForce)
        {
            return Result<int>.Fail("", "Sluttrapporten kan leveres når avtalen er signert av begge parter og i kraft.");
        }

        if (report.IsEditable && contents.Today < basis.PeriodStart)
        {
            return Result<int>.Fail("", $"Avtaleperioden har ikke begynt ennå: sluttrapporten kan leveres fra {Norwegian.Date(basis.PeriodStart)}.");
        }

        store.ExpectStamp(report, concurrencyStamp ?? report.ConcurrencyStamp);
        var version = report.SubmittedVersions + 1;
        var content = await contents.BuildAsync(basis, report.Sections, report.Attachments, contents.SubmittedLabel(version), ct);
        var submitted = report.Submit();
        if (!submitted.Succeeded)
        {
            return submitted;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var json = content.ToJson();
        var submission = new ReportSubmission(report, version, json, by.UserId, by.Name, now);
        if (await agreements.ExportTimesheetAsync(agreementId, ct) is { } timesheet)
        {
            await using var stream = new MemoryStream(timesheet.Content);
            var stored = await files.SaveAsync(stream, timesheet.FileName, timesheet.ContentType, ct);
            submission.AttachTimesheet(new SubmittedFile(stored.FileId, stored.FileName, stored.ContentType, stored.Size, stored.Sha256));
        }

        var pdf = new ReportPdf(report, await RequestReportPdf.NextNumberAsync(store.Db, report.Id, ct), submission.Id, json, by.UserId, by.Name, now);
        store.Db.Submissions.Add(submission);
        store.Db.Pdfs.Add(pdf);
        var saved = await store.SaveNewAsync(Result.Fail("", DeliveredAtTheSameMoment), ct);
        if (!saved.Succeeded)
        {
            return Result<int>.Fail(saved.Errors);
        }

        var moved = await agreements.MarkSubmittedAsync(agreementId, version, basis.AgreementStamp, new AgreementActor(by.UserId, by.Name), ct);
        if (moved is not { Succeeded: true })
        {
            // The agreement changed between the check above and now (rescinded, or submitted from another tab): the
            // submission is withdrawn, visibly, rather than left with the county for an agreement that cannot take it.
            submission.Withdraw(by.Name, clock.GetUtcNow().UtcDateTime);
            pdf.AttemptFailed("Leveringen ble avbrutt.", lastAttempt: true, clock.GetUtcNow().UtcDateTime);
            report.Returned();
            await store.SaveAsync(CancellationToken.None);
            return Result<int>.Fail(moved?.Errors ?? [new FieldError("", "Avtalen kunne ikke ta imot sluttrapporten.")]);
        }

        queue.EnqueuePdf(pdf.Id);
        await progress.PublishAsync(PdfMessages.Progress(pdf), ct);
        await notifier.NotifyCountyAsync(report.FunderCountyId, new NoticeMessage(
            $"Sluttrapport levert: {basis.Title}",
            Phrase.Of("{0} har levert sluttrapporten (versjon {1}) for «{2}». Den venter på deres vurdering.", basis.CouncilName, version, basis.Title),
            await links.CountyAsync(report.FunderCountyId, agreementId, ct)), ct);
        return Result<int>.Ok(version);
    }
}
