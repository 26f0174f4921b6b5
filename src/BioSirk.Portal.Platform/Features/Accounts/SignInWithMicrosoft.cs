using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Invitations;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Features.Accounts;

/// <summary>What Microsoft Entra ID says about the person who just signed in there.</summary>
public sealed record EntraIdentity(Guid TenantId, Guid ObjectId, string? Email, string? Name)
{
    public const string LoginProvider = "Microsoft";

    /// <summary>The object id is unique only inside its Entra tenant.</summary>
    public string LoginKey => $"{TenantId}/{ObjectId}";
}

/// <summary>Where a Microsoft sign-in ends.</summary>
public abstract record MicrosoftSignInOutcome
{
    /// <summary>The account to sign in, and the council (or county) the Entra tenant picked.</summary>
    public sealed record Accepted(PortalUser User, EntraOwner Owner) : MicrosoftSignInOutcome;

    /// <summary>The person is known now, but the council's admin (or the host admin for a county) must approve her first.</summary>
    public sealed record AwaitingApproval(string Organisation) : MicrosoftSignInOutcome;

    /// <summary>
    /// A portal account with a password has the address: the person must give that password once before her
    /// Microsoft account is linked to it (the Entra tenant vouches for the address, not for the portal account).
    /// </summary>
    /// <param name="WrongPassword">The password she gave was not the account's.</param>
    public sealed record PasswordRequired(string Email, bool WrongPassword) : MicrosoftSignInOutcome;

    public sealed record Refused(string Message) : MicrosoftSignInOutcome;
}

/// <summary>
/// Turns a Microsoft sign-in into a portal account. The Entra tenant (<c>tid</c>) picks the council or county that
/// connected it; the address must be in one of its approved domains. Then: an account already linked to this
/// Microsoft identity, or an account with the same address (linked now, once its password is given), or an
/// invitation to that address (accepted now), or a new account that waits for approval. A host admin's account and
/// an account linked to another Microsoft identity are never linked by address: an Entra tenant must not be able
/// to take over an account it does not own.
/// </summary>
public sealed class SignInWithMicrosoft(
    PlatformDbContext db, UserManager<PortalUser> users, IEntraDirectory entra, AcceptInvitation invitations,
    INotifier notifier, ICurrentTenant currentTenant, TimeProvider clock)
{
    public const string LockedOutMessage = "Kontoen er låst etter for mange feil passord. Prøv igjen om et kvarter, eller be administratoren om hjelp.";

    /// <param name="password">The portal password she typed to link an existing account; null on the way back from Microsoft.</param>
    public async Task<MicrosoftSignInOutcome> HandleAsync(EntraIdentity identity, string? password = null, CancellationToken ct = default)
    {
        var owner = await entra.FindAsync(identity.TenantId, ct);
        if (owner is null)
        {
            return new MicrosoftSignInOutcome.Refused(
                "Microsoft-kontoen din tilhører en organisasjon som ikke er koblet til BioSirk-portalen. Be administratoren i " +
                "regionrådet (eller fylkeskommunen) koble organisasjonens Entra ID til portalen, eller logg inn med e-post og passord.");
        }

        var email = identity.Email?.Trim();
        if (string.IsNullOrEmpty(email) || !email.Contains('@'))
        {
            return new MicrosoftSignInOutcome.Refused(
                "Microsoft sendte ingen e-postadresse for kontoen din, så portalen kan ikke vite hvem du er. Logg inn med e-post og passord.");
        }

        if (!owner.Allows(email))
        {
            return new MicrosoftSignInOutcome.Refused(
                $"{email} er ikke i noen av e-postdomenene {owner.Name} har koblet til portalen ({string.Join(", ", owner.AllowedDomains)}). " +
                "Logg inn med en adresse i ett av dem, eller be administratoren legge til domenet.");
        }

        var (user, otherwise) = await FindOrCreateAccountAsync(identity, email, password);
        if (user is null)
        {
            return otherwise!;
        }

        using (currentTenant.Use(owner.IsCounty ? TenantScope.ForCounty(owner.Id) : TenantScope.ForTenant(owner.Id)))
        {
            return await JoinAsync(owner, user, ct);
        }
    }

    private async Task<(PortalUser? User, MicrosoftSignInOutcome? Otherwise)> FindOrCreateAccountAsync(
        EntraIdentity identity, string email, string? password)
    {
        if (await users.FindByLoginAsync(EntraIdentity.LoginProvider, identity.LoginKey) is { } linked)
        {
            return (linked, null);
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return await CreateAccountAsync(identity, email);
        }

        if (await MayNotLinkAsync(user, email) is { } refused)
        {
            return (null, refused);
        }

        if (await users.HasPasswordAsync(user) && await CheckPasswordAsync(user, email, password) is { } notYet)
        {
            return (null, notYet);
        }

        await users.AddLoginAsync(user, new UserLoginInfo(EntraIdentity.LoginProvider, identity.LoginKey, "Microsoft"));
        return (user, null);
    }

    private async Task<(PortalUser? User, MicrosoftSignInOutcome? Otherwise)> CreateAccountAsync(EntraIdentity identity, string email)
    {
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true, // the connected Entra tenant vouches for the address in its own domain
            FullName = string.IsNullOrWhiteSpace(identity.Name) ? email : identity.Name.Trim(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        if (!(await users.CreateAsync(user)).Succeeded
            || !(await users.AddLoginAsync(user, new UserLoginInfo(EntraIdentity.LoginProvider, identity.LoginKey, "Microsoft"))).Succeeded)
        {
            return (null, new MicrosoftSignInOutcome.Refused("Kontoen kunne ikke opprettes. Prøv igjen, eller kontakt administratoren."));
        }

        return (user, null);
    }

    private async Task<MicrosoftSignInOutcome?> MayNotLinkAsync(PortalUser user, string email)
    {
        if (user.IsHostAdmin)
        {
            return new MicrosoftSignInOutcome.Refused(
                $"Kontoen for {email} er en vertsadministrators konto, og den logger bare inn med e-post og passord.");
        }

        var logins = await users.GetLoginsAsync(user);
        return logins.Any(l => l.LoginProvider == EntraIdentity.LoginProvider)
            ? new MicrosoftSignInOutcome.Refused(
                $"Kontoen for {email} er allerede koblet til en annen Microsoft-konto. Logg inn med den, eller med e-post og passord.")
            : null;
    }

    /// <returns>null when the password is the account's; otherwise what to tell her.</returns>
    private async Task<MicrosoftSignInOutcome?> CheckPasswordAsync(PortalUser user, string email, string? password)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return new MicrosoftSignInOutcome.Refused(LockedOutMessage);
        }

        if (string.IsNullOrEmpty(password))
        {
            return new MicrosoftSignInOutcome.PasswordRequired(email, WrongPassword: false);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user)
                ? new MicrosoftSignInOutcome.Refused(LockedOutMessage)
                : new MicrosoftSignInOutcome.PasswordRequired(email, WrongPassword: true);
        }

        await users.ResetAccessFailedCountAsync(user);
        return null;
    }

    private async Task<MicrosoftSignInOutcome> JoinAsync(EntraOwner owner, PortalUser user, CancellationToken ct)
    {
        var state = await MembershipStateAsync(owner, user.Id, ct);
        if (state == Membership.None && await invitations.AcceptForVerifiedAddressAsync(owner.Id, owner.IsCounty, user, ct))
        {
            state = Membership.Active;
        }

        switch (state)
        {
            case Membership.Active:
                return new MicrosoftSignInOutcome.Accepted(user, owner);
            case Membership.Deactivated:
                return new MicrosoftSignInOutcome.Refused(
                    $"Kontoen din er deaktivert i {owner.Name}. Kontakt administratoren der om du skal ha tilgang igjen.");
            case Membership.None:
                await AskForApprovalAsync(owner, user, ct);
                break;
        }

        return new MicrosoftSignInOutcome.AwaitingApproval(owner.Name);
    }

    private enum Membership
    {
        None,
        Active,
        AwaitingApproval,
        Deactivated,
    }

    private async Task<Membership> MembershipStateAsync(EntraOwner owner, Guid userId, CancellationToken ct)
    {
        var row = owner.IsCounty
            ? await db.CountyMemberships.Where(m => m.CountyId == owner.Id && m.UserId == userId)
                .Select(m => new { m.IsActive, m.AwaitsApproval }).FirstOrDefaultAsync(ct)
            : await db.TenantMemberships.IgnoreQueryFilters().Where(m => m.TenantId == owner.Id && m.UserId == userId)
                .Select(m => new { m.IsActive, m.AwaitsApproval }).FirstOrDefaultAsync(ct);
        return row switch
        {
            null => Membership.None,
            { IsActive: true } => Membership.Active,
            { AwaitsApproval: true } => Membership.AwaitingApproval,
            _ => Membership.Deactivated,
        };
    }

    private async Task AskForApprovalAsync(EntraOwner owner, PortalUser user, CancellationToken ct)
    {
        var subject = $"{user.FullName} venter på godkjenning";
        var text = Phrase.Of("{0} ({1}) har logget inn med Microsoft og ber om tilgang til {2} i BioSirk-portalen.", user.FullName, user.Email, owner.Name);
        if (owner.IsCounty)
        {
            db.CountyMemberships.Add(CountyMembership.AwaitingApproval(owner.Id, user.Id));
            await db.SaveChangesAsync(ct);
            return; // counties have no admin of their own: the host admin approves on the host page
        }

        db.TenantMemberships.Add(TenantMembership.AwaitingApproval(owner.Id, user.Id));
        await db.SaveChangesAsync(ct);
        await notifier.NotifyCouncilAsync(owner.Id, CouncilRoles.TenantAdmin,
            new NoticeMessage(subject, text, $"/rad/{owner.Slug}/admin/medlemmer"), ct);
    }
}
