using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Email;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BioSirk.Portal.Platform.Features.Invitations;

/// <param name="CountyId">Set for a county officer's invitation (the host's); otherwise the invitation is the current council's.</param>
public sealed record RenewInvitationCommand(Guid InvitationId, string PortalBaseUrl, Guid? CountyId = null);

/// <summary>
/// Sends an invitation that was not answered again, with a new link valid for 7 days; the old link stops working
/// (only the new token's hash is kept). The same invitation row, so its history is one line in the audit log.
/// </summary>
public sealed class RenewInvitation(
    PlatformDbContext db, EmailOutbox outbox, IOptions<EmailOptions> emailOptions, TimeProvider clock)
{
    /// <returns>null when the invitation is not the current council's (or the given county's): the page answers 404.</returns>
    public async Task<Result<InvitationSent>?> HandleAsync(RenewInvitationCommand command, CancellationToken ct = default)
    {
        var invitation = command.CountyId is { } countyId
            // County invitations belong to no council, so no tenant filter shows them: the host finds them by county.
            ? await db.Invitations.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.Id == command.InvitationId && i.CountyId == countyId, ct)
            : await db.Invitations.FirstOrDefaultAsync(i => i.Id == command.InvitationId && i.CountyId == null, ct);
        if (invitation is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var token = Invitation.NewToken();
        if (!invitation.Renew(token, now))
        {
            return Result<InvitationSent>.Fail("", "Invitasjonen er allerede godtatt eller trukket tilbake, og kan ikke sendes på nytt.");
        }

        var organisation = invitation.CountyId is { } county
            ? await db.Counties.Where(c => c.Id == county).Select(c => c.Name).SingleAsync(ct)
            : await db.Tenants.Where(t => t.Id == invitation.TenantId).Select(t => t.Name).SingleAsync(ct);
        var link = InvitationLink.For(command.PortalBaseUrl, token);
        var mail = outbox.Add(invitation.Email, InvitationLink.Subject(organisation), InvitationLink.Body(organisation, invitation, link));
        var existingUser = await db.Users.Where(u => u.NormalizedEmail == invitation.Email.ToUpperInvariant()).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (invitation.CountyId is null && existingUser is { } userId)
        {
            // As when invited: the notice leads to the new link (the one in the earlier notice no longer works).
            db.Notifications.Add(new Notification(userId, InvitationLink.Subject(organisation),
                Phrase.Of("Du er invitert til {0}. Åpne invitasjonen for å takke ja; da kan du bytte til rådet øverst på siden.", organisation),
                $"/invitasjon/{token}", now));
        }

        await db.SaveChangesAsync(ct);
        return Result<InvitationSent>.Ok(
            await InvitationSent.MailAsync(outbox, emailOptions.Value.IsSmtpConfigured, invitation.Id, invitation.Email, link, mail, ct));
    }
}
