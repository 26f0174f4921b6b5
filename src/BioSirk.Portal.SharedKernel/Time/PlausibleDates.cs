using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.SharedKernel.Time;

/// <summary>
/// The years a date in the portal may have. A year such as 9999 or 0001 is a typing error, and date arithmetic on it
/// (the next reporting date, a reminder 30 days ahead) would throw past year 9999.
/// </summary>
public static class PlausibleDates
{
    public const int FirstYear = 1900;
    public const int LastYear = 2099;

    public static bool Contains(DateOnly date) => date.Year is >= FirstYear and <= LastYear;

    public static string Refusal(DateOnly date) => $"Årstallet i {Norwegian.Date(date)} kan ikke stemme. Skriv en dato mellom {FirstYear} og {LastYear}.";

    /// <summary>Adds the refusal to <paramref name="field"/> when the date is outside the years.</summary>
    public static Errors Check(this Errors errors, string field, DateOnly? date) =>
        date is { } d && !Contains(d) ? errors.Add(field, Refusal(d)) : errors;
}
