using BioSirk.Portal.Agreements.Contracts;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Reporting.Features;

/// <param name="ConcurrencyStamp">
/// The stamp of the report the form was filled from; <see cref="NoReportYet"/> when there was none yet; null to skip the
/// check (the API checks its If-Match itself).
/// </param>
/// <param name="Original">The sections as the form was read: with them, a save after someone else's keeps the sections
/// only the other person changed (<see cref="ReportMerge"/>) instead of being refused whole.</param>
public sealed record WriteReportCommand(Guid AgreementId, ReportSections Sections, string? ConcurrencyStamp, ReportActor By, ReportSections? Original = null)
{
    public const string NoReportYet = "ingen";
}

/// <summary>A file chosen in the attachment form.</summary>
public sealed record ReportUpload(Stream Content, string FileName, long Length);

/// <summary>
/// The council writes its final report: the sections, and the documents attached to it. The report is made the first
/// time someone writes in it, once the agreement is in force. Every method answers null when the agreement is not
/// visible to the current council (404).
/// </summary>
public sealed class ReportDrafts(FinalReportStore store, IAgreementReports agreements, IFileStore files, TimeProvider clock)
{
    /// <summary>Said of an attachment over <see cref="FileTypes.MaxVoucherBytes"/>, here and by the page that never received it.</summary>
    public const string UploadTooLarge = "Filen er større enn 10 MB. Del den opp eller komprimer den, og prøv igjen.";

    public async Task<Result?> WriteAsync(WriteReportCommand c, CancellationToken ct = default)
    {
        var (report, refused) = await OpenAsync(c.AgreementId, ct);
        if (report is null)
        {
            return refused;
        }

        // Before the merge: a form left open while the report was delivered is told that it is locked, not asked to
        // merge into fields it no longer has.
        if (report.CheckEditable() is { Succeeded: false } locked)
        {
            return locked;
        }

        // A form filled before any report existed conflicts with one that someone else has created meanwhile.
        var isNew = store.Db.Entry(report).State == EntityState.Added;
        store.ExpectStamp(report, c.ConcurrencyStamp switch
        {
            null => report.ConcurrencyStamp,
            WriteReportCommand.NoReportYet => isNew ? report.ConcurrencyStamp : "",
            var stamp => stamp,
        });
        var sections = c.Sections;
        if (!isNew && c.Original is { } original && c.ConcurrencyStamp is { } read && read != report.ConcurrencyStamp)
        {
            var (merged, conflicts) = ReportMerge.Merge(original, c.Sections, report.Sections);
            if (conflicts.Count > 0)
            {
                return Result.Fail([.. conflicts.Select(section => new FieldError(section.ToString(),
                    $"{report.LastEditedBy ?? "Noen andre"} har også endret «{ReportRules.Title(section)}» mens du skrev. Teksten din står i feltet, den lagrede under det: "
                    + "slå dem sammen og lagre igjen."))]);
            }

            sections = merged;
            store.ExpectStamp(report, report.ConcurrencyStamp); // what the other person saved is part of what is saved now
        }

        var written = report.Write(sections, c.By.Name, clock.GetUtcNow().UtcDateTime);
        if (!written.Succeeded)
        {
            return written;
        }

        // Two writers of a report nobody had saved both make it: the second is told as if her form were stale.
        return isNew ? await store.SaveNewAsync(Result.Stale("", FinalReportStore.ConflictMessage), ct) : await store.SaveAsync(ct);
    }

    public async Task<Result?> AttachAsync(Guid agreementId, ReportUpload? upload, ReportActor by, CancellationToken ct = default)
    {
        var (report, refused) = await OpenAsync(agreementId, ct);
        if (report is null)
        {
            return refused;
        }

        if (upload is null || upload.Length == 0)
        {
            return Result.Fail("Upload", "Velg en fil å legge ved (PDF, JPEG eller PNG).");
        }

        if (upload.Length > FileTypes.MaxVoucherBytes)
        {
            return Result.Fail("Upload", UploadTooLarge);
        }

        using var buffer = new MemoryStream();
        await upload.Content.CopyToAsync(buffer, ct);
        var type = FileTypes.DetectVoucherType(buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, 16)));
        if (type is null)
        {
            return Result.Fail("Upload", "Filen er ikke en PDF, JPEG eller PNG (innholdet er sjekket, ikke bare navnet). Lagre den som PDF og prøv igjen.");
        }

        buffer.Position = 0;
        var stored = await files.SaveAsync(buffer, upload.FileName, type, ct);
        var attached = report.Attach(new ReportAttachment(stored.FileId, stored.FileName, stored.ContentType, stored.Size, stored.Sha256, by.Name,
            clock.GetUtcNow().UtcDateTime));
        var saved = attached.Succeeded ? await store.SaveAsync(ct) : attached;
        if (!saved.Succeeded)
        {
            await files.DeleteAsync(stored.FileId, ct); // refused (the report delivered meanwhile) or a conflict: no row points to it
        }

        return saved;
    }

    public async Task<Result?> RemoveAttachmentAsync(Guid agreementId, Guid fileId, CancellationToken ct = default)
    {
        var report = await store.FindAsync(agreementId, ct);
        if (report is null)
        {
            return null;
        }

        // One removed already (in another tab, or by someone else) is what was asked for: nothing to remove, no error page.
        var removed = report.RemoveAttachment(fileId);
        return removed.Succeeded ? await store.SaveAsync(ct) : removed;
    }

    /// <summary>The agreement's report, made now if this is the first time; null with no result when the agreement is not visible.</summary>
    internal async Task<(FinalReport? Report, Result? Refused)> OpenAsync(Guid agreementId, CancellationToken ct)
    {
        var basis = await agreements.GetBasisAsync(agreementId, ct);
        if (basis is null)
        {
            return (null, null);
        }

        if (basis.Stage == AgreementReportStage.NotInForce)
        {
            return (null, Result.Fail("", "Sluttrapporten kan skrives når avtalen er signert av begge parter."));
        }

        if (basis.Stage == AgreementReportStage.Rescinded)
        {
            // A tab left open while the agreement was rescinded is refused, not saved into the report.
            return (null, Result.Fail("", "Avtalen er hevet, så sluttrapporten kan ikke endres lenger."));
        }

        var report = await store.FindAsync(agreementId, ct);
        if (report is not null)
        {
            return (report, null);
        }

        report = new FinalReport(basis.AgreementId, basis.CouncilId, basis.CountyId, basis.Title, basis.CouncilName);
        store.Db.Reports.Add(report);
        return (report, null);
    }
}
