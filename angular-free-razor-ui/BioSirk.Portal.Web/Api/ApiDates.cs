using System.Globalization;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Web.Api;

/// <summary>Dates in query strings of the API: ISO (yyyy-MM-dd), and the <c>from</c>/<c>to</c> period filter of lists.</summary>
public static class ApiDates
{
    public static DateOnly? Parse(string? text, string field, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, "Skriv datoen som åååå-mm-dd, for eksempel 2026-01-15.");
        return null;
    }
}

/// <summary>Rows dated from <see cref="From"/> to <see cref="To"/>, both included; either may be open.</summary>
public sealed record DateRange(DateOnly? From, DateOnly? To)
{
    public bool Contains(DateOnly date) => (From is null || date >= From) && (To is null || date <= To);

    /// <returns>null, with the field errors in <paramref name="errors"/>, when a date cannot be read.</returns>
    public static DateRange? Parse(string? from, string? to, Errors errors)
    {
        var before = errors.All.Count;
        var range = new DateRange(ApiDates.Parse(from, "From", errors), ApiDates.Parse(to, "To", errors));
        return errors.All.Count > before ? null : range;
    }
}
