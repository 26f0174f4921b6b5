using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Email;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BioSirk.Portal.Platform.Features.Invitations;

public sealed record InviteCountyOfficerCommand(Guid CountyId, string? Email, string? FullName, Guid InvitedBy, string PortalBaseUrl);

/// <summary>
/// The host admin invites an officer to a county (counties have no admin of their own): the county invitation that
/// <see cref="Host.HostAdministration.CreateCountyAsync"/> sends to the first officer, for a county that exists.
/// County invitations belong to no council, so the tenant filter never shows them: they are looked up by county.
/// </summary>
public sealed class InviteCountyOfficer(
    PlatformDbContext db, EmailOutbox outbox, IOptions<EmailOptions> emailOptions, TimeProvider clock)
{
    public async Task<Result<InvitationSent>> HandleAsync(InviteCountyOfficerCommand command, CancellationToken ct = default)
    {
        var errors = Invitee.Check(new Errors(), command.FullName, command.Email);
        if (errors.Any)
        {
            return Result<InvitationSent>.Fail(errors.All);
        }

        var email = EmailAddress.Normalize(command.Email!);
        var county = await db.Counties.SingleAsync(c => c.Id == command.CountyId, ct);
        var alreadyOfficer = await (
                from u in db.Users
                join m in db.CountyMemberships on u.Id equals m.UserId
                where u.NormalizedEmail == email.ToUpperInvariant() && m.CountyId == command.CountyId && m.IsActive
                select m.Id)
            .AnyAsync(ct);
        if (alreadyOfficer)
        {
            return Result<InvitationSent>.Fail("Email", $"{email} er allerede fylkesrådgiver i {county.Name}.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await db.Invitations.IgnoreQueryFilters().AnyAsync(
            i => i.CountyId == command.CountyId && i.Email == email && i.State == InvitationState.Pending && i.ExpiresAtUtc > now, ct);
        if (pending)
        {
            return Result<InvitationSent>.Fail("Email",
                $"{email} har allerede en invitasjon som ikke er besvart. Trekk den tilbake først, eller vent til den utløper.");
        }

        var token = Invitation.NewToken();
        var invitation = Invitation.ForCounty(command.CountyId, email, command.FullName!.Trim(), command.InvitedBy, now, token);
        db.Invitations.Add(invitation);
        var link = InvitationLink.For(command.PortalBaseUrl, token);
        var mail = outbox.Add(email, InvitationLink.Subject(county.Name), InvitationLink.Body(county.Name, invitation, link));
        await db.SaveChangesAsync(ct);
        return Result<InvitationSent>.Ok(
            await InvitationSent.MailAsync(outbox, emailOptions.Value.IsSmtpConfigured, invitation.Id, email, link, mail, ct));
    }
}
