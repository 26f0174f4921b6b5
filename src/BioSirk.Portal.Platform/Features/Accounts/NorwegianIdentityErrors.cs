using Microsoft.AspNetCore.Identity;

namespace BioSirk.Portal.Platform.Features.Accounts;

/// <summary>Identity's messages in bokmål; they are shown beside the password and e-mail fields.</summary>
internal sealed class NorwegianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Passordet må ha minst {length} tegn." };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = "Passordet må ha minst ett siffer (0–9)." };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = "Passordet må ha minst én liten bokstav." };

    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = "Passordet må ha minst én stor bokstav (A–Z)." };

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "Passordet må ha minst ett tegn som ikke er bokstav eller siffer." };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = $"Det finnes allerede en konto med e-postadressen {email}." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"Det finnes allerede en konto med brukernavnet {userName}." };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = $"E-postadressen «{email}» er ikke gyldig." };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "Passordet er feil." };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "Noen andre har endret kontoen samtidig. Prøv igjen." };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = "Noe gikk galt. Prøv igjen." };
}
