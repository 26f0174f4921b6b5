using System.Globalization;
using BioSirk.Portal.SharedKernel.Time;

namespace BioSirk.Portal.SharedKernel.Formatting;

/// <summary>nb-NO formats used in pages, e-mails and documents: "kr 150 000,00", "15.01.2026", "15.01.2026 kl. 09:30".</summary>
public static class Norwegian
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("nb-NO");

    public static string Kroner(decimal amount) => "kr " + Amount(amount);

    /// <summary>An amount as a person types it into a field: "-40 249,00".</summary>
    public static string Amount(decimal amount) =>
        amount.ToString("#,##0.00", Culture).Replace('\u00A0', ' ').Replace('−', '-');

    /// <summary>A measured value as written in Norway: «1 234,5», up to four decimals, none when whole.</summary>
    public static string Number(decimal value) => value.ToString("#,##0.####", Culture).Replace('\u00A0', ' ').Replace('\u2212', '-');

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string DateTimeFromUtc(DateTime utc) =>
        Oslo.ToOslo(utc).ToString("dd.MM.yyyy 'kl.' HH:mm", CultureInfo.InvariantCulture);

    /// <summary>An organisation number as Enhetsregisteret writes it, "975 576 469"; anything but nine digits as it is.</summary>
    public static string OrganisationNumber(string? number) =>
        number is { Length: 9 } digits && digits.All(char.IsAsciiDigit) ? $"{digits[..3]} {digits[3..6]} {digits[6..]}" : number ?? string.Empty;

    /// <summary>How far away a day is, for a future day: "i dag", "i morgen", "om 5 dager".</summary>
    public static string InDays(int days) => InDaysPhrase(days).ToString();

    public static Phrase InDaysPhrase(int days) => days switch
    {
        0 => Phrase.Of("i dag"),
        1 => Phrase.Of("i morgen"),
        _ => Phrase.Of("om {0} dager", days),
    };

    /// <summary>A file size as people read it: "840 byte", "12,4 kB", "2,1 MB".</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} byte",
        < 1024 * 1024 => (bytes / 1024m).ToString("0.#", Culture) + " kB",
        _ => (bytes / (1024m * 1024m)).ToString("0.#", Culture) + " MB",
    };
}
