using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Email;
using BioSirk.Portal.SharedKernel.Formatting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BioSirk.Portal.Platform.Features.Notifications;

/// <summary>Writes a notice for each active person with the role, and an e-mail (through the <see cref="EmailOutbox"/>) to each who wants them.</summary>
internal sealed class Notifier(PlatformDbContext db, EmailOutbox outbox, IOptions<EmailOptions> emailOptions, TimeProvider clock, ILogger<Notifier> log) : INotifier
{
    public async Task NotifyCouncilAsync(Guid councilId, CouncilRoles role, NoticeMessage message, CancellationToken cancellationToken = default)
    {
        var wanted = (TenantRoles)(int)role;
        // Jobs notify councils other than the one in scope (or none): the recipients are looked up across tenants.
        var recipients = await (
                from m in db.TenantMemberships.IgnoreQueryFilters()
                join u in db.Users on m.UserId equals u.Id
                where m.TenantId == councilId && m.IsActive && (m.Roles & wanted) == wanted
                select new { u.Id, Email = u.EmailsNotices ? u.Email ?? string.Empty : string.Empty })
            .ToListAsync(cancellationToken);
        await SendAsync(recipients.Select(r => (r.Id, r.Email)), message, cancellationToken);
    }

    public async Task NotifyCountyAsync(Guid countyId, NoticeMessage message, CancellationToken cancellationToken = default)
    {
        var recipients = await (
                from m in db.CountyMemberships
                join u in db.Users on m.UserId equals u.Id
                where m.CountyId == countyId && m.IsActive
                select new { u.Id, Email = u.EmailsNotices ? u.Email ?? string.Empty : string.Empty })
            .ToListAsync(cancellationToken);
        await SendAsync(recipients.Select(r => (r.Id, r.Email)), message, cancellationToken);
    }

    public async Task NotifyPersonAsync(Guid userId, NoticeMessage message, CancellationToken cancellationToken = default)
    {
        var recipients = await db.Users.Where(u => u.Id == userId)
            .Select(u => new { u.Id, Email = u.EmailsNotices ? u.Email ?? string.Empty : string.Empty })
            .ToListAsync(cancellationToken);
        await SendAsync(recipients.Select(r => (r.Id, r.Email)), message, cancellationToken);
    }

    // An empty address: no e-mail (the person has none, or reads her notices under Varsler only).
    private async Task SendAsync(IEnumerable<(Guid Id, string Email)> recipients, NoticeMessage message, CancellationToken ct)
    {
        var list = recipients.ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        db.Notifications.AddRange(list.Select(r => new Notification(r.Id, message.Subject, message.Text, message.Url, now)));
        var body = message.Text.ToString() + (message.Url is null ? "" : $"\n\nÅpne i BioSirk-portalen: {emailOptions.Value.AbsoluteLink(message.Url)}");
        var emails = list.Select(r => r.Email).Where(e => e.Length > 0).Select(e => outbox.Add(e, message.Subject, body)).ToList();
        await db.SaveChangesAsync(ct);
        try
        {
            // Stored: the notices are there and the e-mails in the outbox, whose delivery job sends what is not sent now.
            // So nothing after this throws, and a caller that records having notified (a reminder job) may rely on it.
            await outbox.SendNowAsync(emails, CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "The e-mails of a stored notice were left to the delivery job.");
        }
    }
}

/// <param name="TextPhrase">The text as a stored <see cref="Phrase"/>, for the reader's language.</param>
public sealed record NotificationRow(Guid Id, string Subject, string Text, string? TextPhrase, string? Url, DateTime CreatedAtUtc, bool IsRead);

/// <summary>A person's own notices; never another person's, whatever the id.</summary>
public sealed class MyNotifications(PlatformDbContext db, TimeProvider clock)
{
    public Task<int> UnreadCountAsync(Guid userId, CancellationToken ct = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null, ct);

    public Task<List<NotificationRow>> ListAsync(Guid userId, CancellationToken ct = default) =>
        db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.CreatedAtUtc).Take(100)
            .Select(n => new NotificationRow(n.Id, n.Subject, n.Text, n.TextPhrase, n.Url, n.CreatedAtUtc, n.ReadAtUtc != null))
            .ToListAsync(ct);

    /// <summary>Marks one of her notices read as she opens it; its address, or null when it is not hers.</summary>
    public async Task<string?> OpenAsync(Guid userId, Guid notificationId, CancellationToken ct = default)
    {
        var notice = await db.Notifications.FirstOrDefaultAsync(n => n.Id == notificationId && n.UserId == userId, ct);
        if (notice is null)
        {
            return null;
        }

        if (notice.ReadAtUtc is null)
        {
            notice.MarkRead(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }

        return notice.Url ?? "/varsler";
    }

    public async Task MarkAllReadAsync(Guid userId, CancellationToken ct = default)
    {
        var unread = await db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        unread.ForEach(n => n.MarkRead(now));
        await db.SaveChangesAsync(ct);
    }
}
