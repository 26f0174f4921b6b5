using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Email;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BioSirk.Portal.Platform.Features.Accounts;

public sealed record NewPassword(string? Password, string? ConfirmPassword);

/// <summary>
/// "Glemt passordet?": a link by e-mail that sets a new password, and a signed-in person's own change of password.
/// Either change signs the person out everywhere else (the security stamp changes).
/// </summary>
public sealed class Passwords(
    UserManager<PortalUser> users, PlatformDbContext db, EmailOutbox outbox, IOptions<EmailOptions> emailOptions, TimeProvider clock)
{
    public const string ResetSubject = "Nytt passord i BioSirk-portalen";

    /// <summary>How often one address can be sent a link: someone else typing it cannot fill her inbox.</summary>
    public static readonly TimeSpan OneLinkPer = TimeSpan.FromMinutes(5);

    /// <summary>
    /// E-mails a link to set a new password, when the address has an account. The caller says the same whatever the
    /// address, so that the page does not tell who has an account. The link starts with Email:PortalUrl, never with the
    /// request's Host header, which whoever asks can forge to send the code to a site of theirs.
    /// </summary>
    public async Task RequestResetAsync(string? email, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(email) || await users.FindByEmailAsync(email.Trim()) is not { } user || user.Email is null)
        {
            return;
        }

        var since = clock.GetUtcNow().UtcDateTime - OneLinkPer;
        if (await db.OutgoingEmails.AnyAsync(e => e.To == user.Email && e.Subject == ResetSubject && e.CreatedAtUtc > since, ct))
        {
            return;
        }

        var body = user.PasswordHash is null
            ? $"""
              Hei {user.FullName},

              noen (forhåpentlig du) ba om et nytt passord til BioSirk-portalen for denne adressen. Kontoen din har ikke
              passord: du logger inn med «Logg inn med Microsoft» på {emailOptions.Value.AbsoluteLink("/logg-inn")}.
              """
            : $"""
              Hei {user.FullName},

              noen (forhåpentlig du) ba om et nytt passord til BioSirk-portalen for denne adressen. Velg et nytt her
              (lenken virker i {ResetLinkHours} timer og kan brukes én gang):

              {emailOptions.Value.AbsoluteLink($"/nytt-passord?bruker={user.Id}&kode={Uri.EscapeDataString(await users.GeneratePasswordResetTokenAsync(user))}")}

              Ba du ikke om dette, kan du se bort fra e-posten: passordet ditt er det samme som før.
              """;
        var mail = outbox.Add(user.Email, ResetSubject, body);
        await db.SaveChangesAsync(ct);
        await outbox.SendNowAsync([mail], ct);
    }

    /// <summary>The lifetime of a reset link (Identity's token lifespan, set in PlatformModule).</summary>
    public const int ResetLinkHours = 2;

    /// <summary>
    /// Whether a reset link can still be used, so that the page says so before the person chooses a password: a link
    /// already used (the account's security stamp has changed since), past its 2 hours, cut off or for no account is not.
    /// </summary>
    public async Task<bool> IsResetLinkUsableAsync(string? userId, string? code)
    {
        var user = Guid.TryParse(userId, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        return user is not null && !string.IsNullOrEmpty(code)
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<PortalUser>.ResetPasswordTokenPurpose, code);
    }

    /// <summary>Sets the new password from the link; a locked account is opened again, since she proved she owns the address.</summary>
    public async Task<Result> ResetAsync(string? userId, string? code, NewPassword input)
    {
        var user = Guid.TryParse(userId, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null || string.IsNullOrEmpty(code))
        {
            return LinkUnusable;
        }

        var errors = await ValidateAsync(user, input);
        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        var reset = await users.ResetPasswordAsync(user, code, input.Password!);
        if (!reset.Succeeded)
        {
            return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? LinkUnusable
                : Result.Fail([.. reset.Errors.Select(e => new FieldError("Password", e.Description))]);
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return Result.Ok();
    }

    public async Task<Result> ChangeAsync(PortalUser user, string? currentPassword, NewPassword input)
    {
        var errors = (await ValidateAsync(user, input)).When(string.IsNullOrEmpty(currentPassword), "CurrentPassword", "Skriv inn passordet du har nå.")
            .When(!string.IsNullOrEmpty(input.Password) && input.Password == currentPassword, "Password", "Velg et annet passord enn det du har nå.");
        // Said with the new password's mistakes, not in a round of its own.
        errors.When(errors.Any && !string.IsNullOrEmpty(currentPassword) && !await users.CheckPasswordAsync(user, currentPassword),
            "CurrentPassword", CurrentPasswordWrong);
        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        var changed = await users.ChangePasswordAsync(user, currentPassword!, input.Password!);
        return changed.Succeeded
            ? Result.Ok()
            : Result.Fail([.. changed.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                ? new FieldError("CurrentPassword", CurrentPasswordWrong)
                : new FieldError("Password", e.Description))]);
    }

    private const string CurrentPasswordWrong = "Passordet du har nå, stemmer ikke. Prøv igjen.";

    private static Result LinkUnusable =>
        Result.Fail("", "Lenken er brukt, utløpt eller ikke hel. Be om en ny lenke under «Glemt passordet?».");

    /// <summary>Every problem at once: the password rules and a confirmation that differs, not one per try.</summary>
    private Task<Errors> ValidateAsync(PortalUser user, NewPassword input) =>
        CheckNewAsync(users, user, input, new Errors(), "Velg et nytt passord.");

    /// <summary>
    /// The checks of a chosen password, added to <paramref name="errors"/> so that they are said with the form's other
    /// mistakes: empty, the repeat differs, and each of Identity's password rules it breaks.
    /// </summary>
    public static async Task<Errors> CheckNewAsync(UserManager<PortalUser> users, PortalUser user, NewPassword input, Errors errors, string whenEmpty)
    {
        errors.When(string.IsNullOrEmpty(input.Password), "Password", whenEmpty)
            .When(!string.IsNullOrEmpty(input.Password) && input.Password != input.ConfirmPassword, "ConfirmPassword",
                "Passordene er ikke like. Skriv det samme passordet to ganger.");
        if (!string.IsNullOrEmpty(input.Password))
        {
            foreach (var validator in users.PasswordValidators)
            {
                foreach (var error in (await validator.ValidateAsync(users, user, input.Password)).Errors)
                {
                    errors.Add("Password", error.Description);
                }
            }
        }

        return errors;
    }
}
