using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Validation;

namespace BioSirk.Portal.Platform.Features.Invitations;

/// <summary>Who is invited: a name and an address that can take mail. One rule for every invitation form.</summary>
public static class Invitee
{
    public static Errors Check(Errors errors, string? fullName, string? email, string nameField = "FullName", string emailField = "Email") => errors
        .When(string.IsNullOrWhiteSpace(fullName), nameField, "Skriv inn navnet til personen.")
        .WhenLongerThan(fullName, 200, nameField, "Navnet")
        .When(string.IsNullOrWhiteSpace(email), emailField, "Skriv inn e-postadressen.")
        .When(!string.IsNullOrWhiteSpace(email) && !EmailAddress.IsValid(email), emailField, "E-postadressen er ikke gyldig. Skriv den slik: navn@kommune.no.");
}
