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

    /// <summary>
    /// A second council (or county, or partnership) with the same name or organisation number is a mistake, not a new
    /// one: refused when one is made, and when one is renamed or given another's number.
    /// </summary>
    /// <param name="nameTaken">Whether another has the name (given trimmed and in lower case).</param>
    /// <param name="numberHolder">The name of another that has the number (given as stored), or null.</param>
    public static async Task RefuseTakenAsync(this Errors errors, string? name, string? organisationNumber, string what,
        Func<string, Task<bool>> nameTaken, Func<string, Task<string?>> numberHolder)
    {
        if (!string.IsNullOrWhiteSpace(name) && await nameTaken(name.Trim().ToLower(SharedKernel.Formatting.Norwegian.Culture)))
        {
            errors.Add("Name", $"{what} med navnet «{name.Trim()}» finnes allerede i portalen.");
        }

        if (StoredNumber(organisationNumber) is { } number && await numberHolder(number) is { } holder)
        {
            errors.Add("OrganisationNumber", $"Organisasjonsnummeret er allerede registrert på {holder}.");
        }
    }

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
