using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using BioSirk.Portal.Platform.Email;

namespace BioSirk.Portal.Platform.Features.Invitations;

public sealed record InviteMemberCommand(
    Guid TenantId, string? Email, string? FullName, TenantRoles Roles, Guid InvitedBy, string PortalBaseUrl);

/// <summary>
/// The link is returned so that the admin can pass it on when the portal has no SMTP server, or when the server did not
/// take the e-mail (<see cref="MailWaiting"/>: the portal tries again, see <see cref="EmailOutbox"/>).
/// </summary>
public sealed record InvitationSent(Guid InvitationId, string Email, string Link, bool SentBySmtp, bool MailWaiting = false)
{
    public static async Task<InvitationSent> MailAsync(
        EmailOutbox outbox, bool smtpConfigured, Guid invitationId, string email, string link, OutgoingEmail mail, CancellationToken ct)
    {
        var delivered = await outbox.SendNowAsync([mail], ct);
        return new InvitationSent(invitationId, email, link, smtpConfigured && delivered, MailWaiting: !delivered);
    }
}

public sealed class InviteMember(
    PlatformDbContext db, EmailOutbox outbox, IOptions<EmailOptions> emailOptions, TimeProvider clock)
{
    public async Task<Result<InvitationSent>> HandleAsync(InviteMemberCommand command, CancellationToken ct = default)
    {
        var errors = Invitee.Check(new Errors(), command.FullName, command.Email)
            .When(command.Roles == TenantRoles.None, "Roles", "Velg minst én rolle.");
        if (errors.Any)
        {
            return Result<InvitationSent>.Fail(errors.All);
        }

        var email = EmailAddress.Normalize(command.Email!);
        var council = await db.Tenants.SingleAsync(t => t.Id == command.TenantId, ct);

        var alreadyMember = await (
                from u in db.Users
                join m in db.TenantMemberships on u.Id equals m.UserId
                where u.NormalizedEmail == email.ToUpperInvariant() && m.TenantId == command.TenantId
                select m.Id)
            .AnyAsync(ct);
        if (alreadyMember)
        {
            return Result<InvitationSent>.Fail("Email", $"{email} er allerede medlem av {council.Name}. Endre rollene i listen under i stedet.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await db.Invitations.AnyAsync(
            i => i.TenantId == command.TenantId && i.Email == email && i.State == InvitationState.Pending && i.ExpiresAtUtc > now, ct);
        if (pending)
        {
            return Result<InvitationSent>.Fail("Email",
                $"{email} har allerede en invitasjon som ikke er besvart. Trekk den tilbake først, eller vent til den utløper.");
        }

        var token = Invitation.NewToken();
        var invitation = new Invitation(command.TenantId, email, command.FullName!.Trim(), command.Roles, command.InvitedBy, now, token);
        db.Invitations.Add(invitation);
        var link = InvitationLink.For(command.PortalBaseUrl, token);
        var mail = outbox.Add(email, InvitationLink.Subject(council.Name), InvitationLink.Body(council.Name, invitation, link));
        if (await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct) is { } existingUser)
        {
            // Someone who already has an account finds the invitation in the portal too, not only in her e-mail.
            db.Notifications.Add(new Notification(existingUser, InvitationLink.Subject(council.Name),
                Phrase.Of("Du er invitert til {0}. Åpne invitasjonen for å takke ja; da kan du bytte til rådet øverst på siden.", council.Name),
                $"/invitasjon/{token}", now));
        }

        await db.SaveChangesAsync(ct);

        return Result<InvitationSent>.Ok(
            await InvitationSent.MailAsync(outbox, emailOptions.Value.IsSmtpConfigured, invitation.Id, email, link, mail, ct));
    }
}

public static class InvitationLink
{
    public static string For(string portalBaseUrl, string token) => $"{portalBaseUrl.TrimEnd('/')}/invitasjon/{token}";

    public static string Subject(string organisation) => $"Invitasjon til {organisation} i BioSirk-portalen";

    public static string Body(string organisation, Invitation invitation, string link) =>
        $"""
        Hei {invitation.FullName},

        Du er invitert til {organisation} i BioSirk-portalen.

        Godta invitasjonen her (lenken virker i 7 dager, til {SharedKernel.Formatting.Norwegian.DateTimeFromUtc(invitation.ExpiresAtUtc)}):
        {link}

        Hvis du ikke venter denne invitasjonen, kan du se bort fra e-posten.
        """;
}
