using BioSirk.Portal.Platform.Domain;
using Microsoft.AspNetCore.Identity;

namespace BioSirk.Portal.Platform.Features.Accounts;

/// <summary>
/// The password rules Identity's own options cannot say: a small letter may be any small letter (æ, ø and å too, not
/// only a–z), and a password has an upper length, so that a pasted novel is refused with a message.
/// </summary>
public sealed class NorwegianPasswordRules(IdentityErrorDescriber describe) : IPasswordValidator<PortalUser>
{
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        var errors = new List<IdentityError>();
        if (password is null || !password.Any(char.IsLower))
        {
            errors.Add(describe.PasswordRequiresLower());
        }

        if (password?.Length > MaxLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"Passordet kan ha høyst {MaxLength} tegn." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
