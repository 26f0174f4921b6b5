using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BioSirk.Portal.SharedKernel.Formatting;

/// <summary>
/// Reads numbers the way people type them in Norway: "150 000", "150000,50", "7,5", also "7.5", "kr 900", "900 kr",
/// "NOK 900", "150 000,-" and "45,5 %".
/// </summary>
public static partial class NorwegianNumber
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var cleaned = Cleaned(text);
        if (cleaned.Count(c => c is ',' or '.') > 1)
        {
            return false;
        }

        return decimal.TryParse(cleaned.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// An amount in kroner. "1.234" is read as 1 234, as a Norwegian writes thousands: an amount has no third decimal.
    /// </summary>
    public static bool TryParseAmount(string? text, out decimal value)
    {
        if (AmountAmbiguity(text) is not null)
        {
            value = 0;
            return false;
        }

        return TryParseWithThousandDots(text, out value);
    }

    /// <summary>
    /// Why «150,000» or «1,500» is not read as an amount: a comma before exactly three digits is how English writes
    /// thousands, and no amount has a third decimal, so reading it as 150 kroner would take a thousandth of what was meant.
    /// Null for any other text.
    /// </summary>
    public static string? AmountAmbiguity(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !ThousandsWithCommas().IsMatch(Cleaned(text)))
        {
            return null;
        }

        var whole = Cleaned(text).Replace(",", "", StringComparison.Ordinal);
        var thousands = WithThousandSpaces(whole);
        return $"«{text.Trim()}» kan ikke leses som et beløp: komma står foran øre, og et beløp har høyst to desimaler. Mener du {thousands} kroner, skriv {whole}.";
    }

    /// <summary>«150000» as «150 000», with plain spaces, for a message.</summary>
    private static string WithThousandSpaces(string digits) =>
        decimal.Parse(digits, CultureInfo.InvariantCulture).ToString("#,##0", Norwegian.Culture).Replace('\u00A0', ' ').Replace('\u2212', '-');

    private static bool TryParseWithThousandDots(string? text, out decimal value) =>
        TryParse(text is not null && ThousandsWithDots().IsMatch(text.Trim()) ? text.Replace(".", "", StringComparison.Ordinal) : text, out value);

    /// <summary>
    /// A measured or planned value as typed, or why it cannot be read. «1.234» is 1 234 to a Norwegian and 1,234 to a
    /// spreadsheet, so it is asked about instead of guessed; «1.234.567» and «1.234,5» are thousands, «250.5» a decimal.
    /// A reader whose language writes thousands with commas (the English pages) is asked about «12,345» as well, and
    /// her «1,234,567» is thousands.
    /// </summary>
    public static bool TryParseValue(string? text, out decimal value, out string? error, string example = "1 234,5")
    {
        error = null;
        if (ReaderWritesThousandsWithCommas && !string.IsNullOrWhiteSpace(text) && ThousandsWithCommas().IsMatch(Cleaned(text)))
        {
            var typed = Cleaned(text);
            var whole = typed.Replace(",", "", StringComparison.Ordinal);
            if (typed.Count(c => c == ',') > 1)
            {
                return TryParse(whole, out value);
            }

            value = 0;
            error = $"«{text.Trim()}» kan bety både {WithThousandSpaces(whole)} og {typed} (med komma foran desimalene). Skriv {whole} hvis du mener {WithThousandSpaces(whole)}, eller {typed}0 hvis du mener desimalene.";
            return false;
        }

        if (IsAmbiguous(text))
        {
            value = 0;
            var typed = Cleaned(text);
            var whole = typed.Replace(".", "", StringComparison.Ordinal);
            var thousands = WithThousandSpaces(whole);
            var decimals = typed.Replace('.', ',');
            error = $"«{text.Trim()}» kan bety både {thousands} og {decimals}. Skriv {whole} hvis du mener {thousands}, eller {decimals} med komma hvis du mener desimaler.";
            return false;
        }

        if (TryParseWithThousandDots(text, out value))
        {
            return true;
        }

        error = IsTooLarge(text) ? "Tallet er for stort." : $"Skriv verdien som et tall, for eksempel {example}.";
        return false;
    }

    private static bool ReaderWritesThousandsWithCommas => CultureInfo.CurrentCulture.NumberFormat.NumberGroupSeparator == ",";

    /// <summary>«1.234», «-12.500»: a dot before exactly three digits, which may be thousands or decimals.</summary>
    public static bool IsAmbiguous([NotNullWhen(true)] string? text) => !string.IsNullOrWhiteSpace(text) && SingleDotBeforeThreeDigits().IsMatch(Cleaned(text));

    /// <summary>A number written right that no amount or measurement holds (more than 28 digits): «too large», not «not a number».</summary>
    public static bool IsTooLarge(string? text) =>
        !string.IsNullOrWhiteSpace(text) && !TryParse(text, out _) && Cleaned(text) is var cleaned
        && cleaned.TrimStart('-').All(c => char.IsAsciiDigit(c) || c is ',' or '.') && cleaned.Count(c => c is ',' or '.') <= 1
        && cleaned.Any(char.IsAsciiDigit);

    [GeneratedRegex(@"^-?\d{1,3}(\.\d{3})+(,\d*)?(,-)?$")]
    private static partial Regex ThousandsWithDots();

    [GeneratedRegex(@"^-?[1-9]\d{0,2}(,\d{3})+$")]
    private static partial Regex ThousandsWithCommas();

    [GeneratedRegex(@"^-?\d{1,3}\.\d{3}$")]
    private static partial Regex SingleDotBeforeThreeDigits();

    /// <remarks>
    /// «,-» after whole kroner goes, a minus alone at the end stays (and the number is refused): «17 500-» is how some
    /// ledgers write a negative amount, and read as 17 500 it would turn a repayment into a payment.
    /// </remarks>
    private static string Cleaned(string text)
    {
        var cleaned = new string(WithoutCurrency(text.Trim()).Where(c => !char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F').ToArray())
            .Replace('\u2212', '-')
            .TrimEnd('%');
        return (cleaned.EndsWith(",-", StringComparison.Ordinal) ? cleaned[..^2] : cleaned).TrimEnd(',');
    }

    private static string WithoutCurrency(string text)
    {
        foreach (var currency in (string[])["kr.", "kr", "NOK"])
        {
            if (text.StartsWith(currency, StringComparison.OrdinalIgnoreCase))
            {
                return text[currency.Length..];
            }

            if (text.EndsWith(currency, StringComparison.OrdinalIgnoreCase))
            {
                return text[..^currency.Length];
            }
        }

        return text;
    }

    /// <summary>For form fields: the value as a Norwegian would write it back, "150000,00" → "150 000,00" is not needed to re-parse.</summary>
    public static string Format(decimal value) => value.ToString("0.##", Norwegian.Culture);
}
