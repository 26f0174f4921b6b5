using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Accounts;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Features.Invitations;

public sealed record InvitationView(
    Guid Id, string OrganisationName, string Email, string FullName, TenantRoles Roles, bool IsForCounty,
    bool IsUsable, bool AccountExists, DateTime ExpiresAtUtc)
{
    /// <summary>Already accepted: the person (or her second tab) has the account, and signs in.</summary>
    public bool IsAccepted { get; init; }

    /// <summary>The council has been closed by the host since: no one joins it until it is opened again.</summary>
    public bool CouncilIsClosed { get; init; }
}

public sealed record NewAccount(string? FullName, string? Password, string? ConfirmPassword);

/// <summary>
/// Opens an invitation by its token and turns it into a membership: for a new person by creating the account, for a
/// person who already has one by linking it when she is signed in with the invited address.
/// </summary>
public sealed class AcceptInvitation(PlatformDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    public async Task<InvitationView?> FindAsync(string token, CancellationToken ct = default)
    {
        var invitation = await Load(token, ct);
        if (invitation is null)
        {
            return null;
        }

        var organisation = invitation.CountyId is { } countyId
            ? await db.Counties.Where(c => c.Id == countyId).Select(c => c.Name).SingleAsync(ct)
            : await db.Tenants.Where(t => t.Id == invitation.TenantId).Select(t => t.Name).SingleAsync(ct);
        var accountExists = await users.FindByEmailAsync(invitation.Email) is not null;
        var closed = await CouncilIsClosedAsync(invitation, ct);
        return new InvitationView(invitation.Id, organisation, invitation.Email, invitation.FullName, invitation.Roles,
            invitation.CountyId is not null, invitation.CanBeAccepted(clock.GetUtcNow().UtcDateTime) && !closed, accountExists, invitation.ExpiresAtUtc)
        {
            IsAccepted = invitation.State == InvitationState.Accepted,
            CouncilIsClosed = closed,
        };
    }

    /// <summary>A new person: creates the account with the chosen password and joins.</summary>
    public async Task<Result<PortalUser>> CreateAccountAsync(string token, NewAccount account, CancellationToken ct = default)
    {
        var invitation = await Load(token, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (invitation is { State: InvitationState.Accepted })
        {
            return AlreadyUsed(invitation);
        }

        if (invitation is null || !invitation.CanBeAccepted(now))
        {
            return Result<PortalUser>.Fail("", "Invitasjonen er utløpt eller allerede brukt. Be den som inviterte deg, om en ny.");
        }

        if (await CouncilIsClosedAsync(invitation, ct))
        {
            return Result<PortalUser>.Fail("", ClosedCouncil);
        }

        var user = new PortalUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            FullName = account.FullName?.Trim() ?? "",
            CreatedAtUtc = now,
        };
        var errors = new Errors()
            .When(string.IsNullOrWhiteSpace(account.FullName), "FullName", "Skriv inn navnet ditt.")
            .WhenLongerThan(account.FullName, 200, "FullName", "Navnet");
        await Passwords.CheckNewAsync(users, user, new NewPassword(account.Password, account.ConfirmPassword), errors, "Velg et passord.");
        if (errors.Any)
        {
            return Result<PortalUser>.Fail(errors.All);
        }

        if (await users.FindByEmailAsync(invitation.Email) is not null)
        {
            return Result<PortalUser>.Fail("", "Det finnes allerede en konto med denne e-postadressen. Logg inn først, og åpne lenken igjen.");
        }

        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, account.Password!);
        }
        catch (DbUpdateException)
        {
            // The same form sent twice at once (a double click, two tabs): both passed the check above, the
            // database's unique user name let only the first through.
            if (await AccountWasJustMadeAsync(invitation.Email))
            {
                return AlreadyUsed(invitation);
            }

            throw;
        }

        if (!created.Succeeded)
        {
            // Identity refuses the second of two simultaneous posts by the user name the first has just taken.
            return created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail))
                ? AlreadyUsed(invitation)
                : Result<PortalUser>.Fail(created.Errors.Select(e => new FieldError("Password", e.Description)).ToList());
        }

        await JoinAsync(invitation, user.Id, now, ct);
        await db.SaveChangesAsync(ct);
        return Result<PortalUser>.Ok(user);
    }

    /// <summary>A person with an account, signed in: joins when the invitation was sent to her address.</summary>
    public async Task<Result> AcceptAsSignedInAsync(string token, Guid userId, CancellationToken ct = default)
    {
        var invitation = await Load(token, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (invitation is null || !invitation.CanBeAccepted(now))
        {
            return Result.Fail("", "Invitasjonen er utløpt eller allerede brukt. Be den som inviterte deg, om en ny.");
        }

        if (await CouncilIsClosedAsync(invitation, ct))
        {
            return Result.Fail("", ClosedCouncil);
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || !string.Equals(user.Email, invitation.Email, StringComparison.OrdinalIgnoreCase))
        {
            return Result.Fail("", $"Invitasjonen er sendt til {invitation.Email}. Logg ut og logg inn med den adressen.");
        }

        await JoinAsync(invitation, user.Id, now, ct);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>
    /// A person whose address her organisation's Entra ID vouches for (a connected tenant, an allowed domain): joins by
    /// the newest usable invitation of the council or county to that address, without the link.
    /// </summary>
    /// <returns>false when no usable invitation is waiting for her there.</returns>
    public async Task<bool> AcceptForVerifiedAddressAsync(Guid ownerId, bool isCounty, PortalUser user, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var email = user.Email!.ToLowerInvariant();
        var invitation = await db.Invitations.IgnoreQueryFilters()
            .Where(i => i.Email.ToLower() == email && i.State == InvitationState.Pending && i.ExpiresAtUtc > now)
            .Where(i => isCounty ? i.CountyId == ownerId : i.TenantId == ownerId && i.CountyId == null && db.Tenants.Any(t => t.Id == ownerId && t.IsActive))
            .OrderByDescending(i => i.CreatedAtUtc)
            .FirstOrDefaultAsync(ct);
        if (invitation is null)
        {
            return false;
        }

        await JoinAsync(invitation, user.Id, now, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task JoinAsync(Invitation invitation, Guid userId, DateTime now, CancellationToken ct)
    {
        invitation.Accept(now);
        if (invitation.CountyId is { } countyId)
        {
            var officer = await db.CountyMemberships.FirstOrDefaultAsync(m => m.CountyId == countyId && m.UserId == userId, ct);
            if (officer is null)
            {
                db.CountyMemberships.Add(new CountyMembership(countyId, userId));
            }
            else
            {
                officer.Approve();
            }

            return;
        }

        // The person joins a council that is not in scope yet (she is not a member): look across tenants.
        var existing = await db.TenantMemberships.IgnoreQueryFilters()
            .FirstOrDefaultAsync(m => m.TenantId == invitation.TenantId && m.UserId == userId, ct);
        if (existing is null)
        {
            db.TenantMemberships.Add(new TenantMembership(invitation.TenantId, userId, invitation.Roles));
        }
        else
        {
            existing.Roles |= invitation.Roles;
            existing.Approve();
        }
    }

    private const string ClosedCouncil = "Rådet er stengt i portalen, så invitasjonen kan ikke brukes nå. Ta kontakt med den som inviterte deg.";

    /// <summary>A council the host has closed is closed to newcomers too: its invitations wait until it is opened again.</summary>
    private async Task<bool> CouncilIsClosedAsync(Invitation invitation, CancellationToken ct) =>
        invitation.CountyId is null && !await db.Tenants.AnyAsync(t => t.Id == invitation.TenantId && t.IsActive, ct);

    private static Result<PortalUser> AlreadyUsed(Invitation invitation) =>
        Result<PortalUser>.Fail("", $"Invitasjonen er allerede brukt, og kontoen for {invitation.Email} er laget. Logg inn med e-postadressen og passordet du valgte.");

    private async Task<bool> AccountWasJustMadeAsync(string email)
    {
        // The failed user is still tracked as added: forget it, or a later save would try it again.
        foreach (var entry in db.ChangeTracker.Entries<PortalUser>().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }

        return await db.Users.AsNoTracking().AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
    }

    // The token is the credential, and the person opening it has no council in scope yet: look across tenants.
    private Task<Invitation?> Load(string token, CancellationToken ct) =>
        db.Invitations.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.TokenHash == Invitation.Hash(token), ct);
}
