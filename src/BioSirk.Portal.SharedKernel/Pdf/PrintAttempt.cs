using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BioSirk.Portal.SharedKernel.Pdf;

/// <summary>The stored file of a printed version.</summary>
public sealed record PrintedFile(Guid FileId, string Sha256, long Size);

/// <summary>What a module adds to one attempt of its print job.</summary>
public interface IPrintSteps<in TVersion>
    where TVersion : PrintedVersion
{
    /// <summary>Prints the frozen content and stores the file (the module's template and file store).</summary>
    Task<PrintedFile> PrintAndStoreAsync(TVersion version, CancellationToken ct);

    /// <summary>The version moved to another state: a page that follows it live may be told.</summary>
    Task ChangedAsync(TVersion version, CancellationToken ct);

    /// <summary>The last attempt failed: the person who asked is told.</summary>
    Task FailedForGoodAsync(TVersion version, CancellationToken ct);
}

/// <summary>
/// One attempt of a background print job on a version row the request made. A version already finished is left alone,
/// so a repeated or retried job makes no second version. A failed attempt is recorded and thrown again, so that the
/// job is retried; after the last one the version is failed for good and stays failed in /jobs.
/// </summary>
public sealed class PrintAttempt(TimeProvider clock, ILogger<PrintAttempt> log)
{
    public async Task RunAsync<TVersion>(DbContext db, TVersion version, bool lastAttempt, IPrintSteps<TVersion> steps, CancellationToken ct)
        where TVersion : PrintedVersion
    {
        if (version.IsDone)
        {
            return;
        }

        version.StartAttempt();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return; // another run of the same job took it at the same moment; that one finishes it
        }

        await steps.ChangedAsync(version, ct);
        try
        {
            var file = await steps.PrintAndStoreAsync(version, ct);
            version.Complete(file.FileId, file.Sha256, file.Size, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run took the version over meanwhile (this one looked stalled to it) and finished it: that file is
            // the version, the one printed here is never referenced.
            log.LogInformation("{Version} {VersionId}: another run of the job finished it.", typeof(TVersion).Name, version.Id);
            return;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            log.LogError(ex, "{Version} {VersionId}: attempt {Attempt} failed.", typeof(TVersion).Name, version.Id, version.Attempts);
            await RecordFailureAsync(db, version, ex, lastAttempt, steps);
            throw;
        }

        await steps.ChangedAsync(version, CancellationToken.None);
    }

    private async Task RecordFailureAsync<TVersion>(DbContext db, TVersion version, Exception ex, bool lastAttempt, IPrintSteps<TVersion> steps)
        where TVersion : PrintedVersion
    {
        await db.Entry(version).ReloadAsync(CancellationToken.None);
        if (version.IsDone)
        {
            return;
        }

        version.AttemptFailed(ex.GetType().Name + ": " + ex.Message, lastAttempt, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(CancellationToken.None);
        await steps.ChangedAsync(version, CancellationToken.None);
        if (lastAttempt)
        {
            await steps.FailedForGoodAsync(version, CancellationToken.None);
        }
    }
}
