using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Validation;

namespace BioSirk.Portal.Platform.Features;

/// <summary>What makes a council's or a county's name and organisation number acceptable, wherever they are typed.</summary>
internal static class OrganisationRules
{
    public const int MaxNameLength = 200;

    public const string BadOrganisationNumber =
        "Organisasjonsnummeret må ha 9 siffer og gyldig kontrollsiffer, for eksempel 975 576 469 (sjekk det i Enhetsregisteret).";

    /// <param name="missingName">What to say when the name is empty, with an example of a name of that kind.</param>
    public static Errors NameAndNumber(this Errors errors, string? name, string? organisationNumber, string missingName) => errors
        .When(string.IsNullOrWhiteSpace(name), "Name", missingName)
        .When(name?.Trim().Length > MaxNameLength, "Name", $"Navnet kan ha høyst {MaxNameLength} tegn.")
        .When(!string.IsNullOrWhiteSpace(organisationNumber) && !OrganisationNumber.IsValid(organisationNumber), "OrganisationNumber", BadOrganisationNumber);

    /// <summary>The contact person for agreements: both parts may be left empty; an address given must be one.</summary>
    public static Errors Contact(this Errors errors, string? contactName, string? contactEmail) => errors
        .When(contactName?.Trim().Length > MaxNameLength, "ContactName", $"Navnet kan ha høyst {MaxNameLength} tegn.")
        .When(!string.IsNullOrWhiteSpace(contactEmail) && !EmailAddress.IsValid(contactEmail), "ContactEmail",
            "E-postadressen er ikke gyldig. Skriv den slik: navn@kommune.no.");

    public static string? StoredContactName(string? contactName) =>
        string.IsNullOrWhiteSpace(contactName) ? null : contactName.Trim();

    public static string? StoredContactEmail(string? contactEmail) =>
        string.IsNullOrWhiteSpace(contactEmail) ? null : EmailAddress.Normalize(contactEmail);

    /// <summary>The number as stored: digits only, or null when none was given.</summary>
    public static string? StoredNumber(string? organisationNumber) =>
        OrganisationNumber.Normalize(organisationNumber) is { Length: > 0 } digits ? digits : null;
}
