using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BioSirk.Portal.Platform.Email;

/// <summary>
/// The portal's e-mails go through here: <see cref="Add"/> stores one with the caller's change, <see cref="SendNowAsync"/>
/// tries it once the change is saved, and <see cref="DeliverDueAsync"/> (the delivery job) tries again what failed.
/// A failure is recorded on the e-mail, never thrown at the person whose action caused it.
/// </summary>
public sealed class EmailOutbox(PlatformDbContext db, IEmailSender transport, MailServerWatch watch, TimeProvider clock, ILogger<EmailOutbox> log)
{
    /// <summary>How long the delivery job leaves an e-mail to the one sending it (the request that made it, or another run).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public OutgoingEmail Add(string to, string subject, string body)
    {
        var email = new OutgoingEmail(to, subject, body, Now, Lease);
        db.OutgoingEmails.Add(email);
        return email;
    }

    /// <summary>
    /// Sends the saved e-mails now, in order, unless the mail server failed in the last minute. At the first failure the
    /// rest are left to the delivery job, so a mail server that is down costs a person at most one attempt. True when
    /// every one was sent.
    /// </summary>
    public async Task<bool> SendNowAsync(IReadOnlyList<OutgoingEmail> emails, CancellationToken ct = default)
    {
        if (emails.Count == 0)
        {
            return true;
        }

        if (watch.RecentlyFailed)
        {
            return false;
        }

        var allSent = true;
        foreach (var email in emails)
        {
            if (!await TrySendAsync(email, ct))
            {
                allSent = false;
                break;
            }
        }

        await db.SaveChangesAsync(ct);
        return allSent;
    }

    /// <summary>
    /// Sends the e-mails whose next attempt is due, each claimed first so that two nodes never send the same one, and
    /// deletes those sent or given up more than <see cref="OutgoingEmail.KeptFor"/> ago. Returns how many were sent.
    /// </summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct = default)
    {
        var now = Now;
        var due = await db.OutgoingEmails
            .Where(e => e.SentAtUtc == null && e.NextAttemptAtUtc != null && e.NextAttemptAtUtc <= now)
            .OrderBy(e => e.NextAttemptAtUtc)
            .Take(200)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var email in due)
        {
            if (await ClaimAsync(email, now, ct) && await TrySendAsync(email, ct))
            {
                sent++;
            }

            await db.SaveChangesAsync(ct);
        }

        var forgotten = now - OutgoingEmail.KeptFor;
        await db.OutgoingEmails
            .Where(e => e.SentAtUtc != null ? e.SentAtUtc < forgotten : e.NextAttemptAtUtc == null && e.CreatedAtUtc < forgotten)
            .ExecuteDeleteAsync(ct);
        return sent;
    }

    /// <summary>What the mail server has not taken yet, the oldest first: for the host admin.</summary>
    public Task<List<UnsentEmailRow>> ListUnsentAsync(CancellationToken ct = default) =>
        db.OutgoingEmails.AsNoTracking()
            .Where(e => e.SentAtUtc == null && e.Attempts > 0)
            .OrderBy(e => e.CreatedAtUtc)
            .Take(200)
            .Select(e => new UnsentEmailRow(e.Id, e.To, e.Subject, e.CreatedAtUtc, e.Attempts, e.NextAttemptAtUtc, e.LastError))
            .ToListAsync(ct);

    /// <summary>The host admin's "try now": one attempt at once, and the count of attempts starts over. Null: no such unsent e-mail.</summary>
    public async Task<bool?> RetryNowAsync(Guid emailId, CancellationToken ct = default)
    {
        var email = await db.OutgoingEmails.SingleOrDefaultAsync(e => e.Id == emailId && e.SentAtUtc == null, ct);
        if (email is null)
        {
            return null;
        }

        email.RetryNow(Now);
        var sent = await TrySendAsync(email, ct);
        await db.SaveChangesAsync(ct);
        return sent;
    }

    private async Task<bool> ClaimAsync(OutgoingEmail email, DateTime now, CancellationToken ct)
    {
        var seen = email.NextAttemptAtUtc;
        var leaseEnd = now + Lease;
        return await db.OutgoingEmails
            .Where(e => e.Id == email.Id && e.SentAtUtc == null && e.NextAttemptAtUtc == seen)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAtUtc, leaseEnd), ct) == 1;
    }

    private async Task<bool> TrySendAsync(OutgoingEmail email, CancellationToken ct)
    {
        try
        {
            await transport.SendAsync(email.To, email.Subject, email.Body, ct);
            email.MarkSent(Now);
            watch.Succeeded();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            email.MarkFailed(Now, ex.Message);
            watch.Failed();
            log.LogWarning(ex, "E-mail {EmailId} could not be sent (attempt {Attempt}); {Next}.", email.Id, email.Attempts,
                email.IsGivenUp ? "no more attempts" : $"next attempt at {email.NextAttemptAtUtc:u}");
            return false;
        }
    }
}

/// <summary>
/// Remembers the mail server's last failure on this node, so that for a minute after it the e-mails people's actions
/// make are left to the delivery job instead of each of those people waiting for a server that is down.
/// </summary>
public sealed class MailServerWatch(TimeProvider clock)
{
    public static readonly TimeSpan Pause = TimeSpan.FromMinutes(1);

    private long lastFailureTicks;

    public bool RecentlyFailed
    {
        get
        {
            var last = Interlocked.Read(ref lastFailureTicks);
            return last != 0 && clock.GetUtcNow().UtcTicks - last < Pause.Ticks;
        }
    }

    public void Failed() => Interlocked.Exchange(ref lastFailureTicks, clock.GetUtcNow().UtcTicks);

    public void Succeeded() => Interlocked.Exchange(ref lastFailureTicks, 0);
}

public sealed record UnsentEmailRow(
    Guid Id, string To, string Subject, DateTime CreatedAtUtc, int Attempts, DateTime? NextAttemptAtUtc, string? LastError)
{
    public bool IsGivenUp => NextAttemptAtUtc is null;
}

/// <summary>Every five minutes: the e-mails that failed, or that no one sent, are sent again.</summary>
public sealed class DeliverQueuedEmails(EmailOutbox outbox)
{
    public const string JobId = "platform:deliver-queued-emails";

    public Task<int> RunAsync(CancellationToken ct = default) => outbox.DeliverDueAsync(ct);
}
