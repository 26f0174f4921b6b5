using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Pages.Shared.Agreements;

/// <summary>
/// A changed term's old or new value in the reader's language. The change log stores the values as the bokmål text of
/// the day (<see cref="TermsDiff"/>); the payments' triggers in it are the portal's
/// words, not the parties', so they are said again in the reader's language: «Ved signering 75 % ved signering» /
/// «Ved signering 75 % at signing». The rest of a value is what the parties wrote.
/// </summary>
public static class TermChangeTexts
{
    private const string PaymentsField = "Utbetalinger";
    private static readonly string[] Triggers = [.. Enum.GetValues<MilestoneTrigger>().Select(trigger => TermsDiff.TriggerWords(trigger))];

    public static string Value(string field, string value, IStringLocalizer texts) =>
        field != PaymentsField || value.Length == 0
            ? value
            : string.Join("; ", value.Split("; ").Select(milestone => Milestone(milestone, texts)));

    private static string Milestone(string milestone, IStringLocalizer texts)
    {
        foreach (var trigger in Triggers)
        {
            var suffix = " % " + trigger;
            if (milestone.EndsWith(suffix, StringComparison.Ordinal))
            {
                return milestone[..^trigger.Length] + LowerFirst(texts[char.ToUpperInvariant(trigger[0]) + trigger[1..]]); // as the form's choice reads
            }
        }

        return milestone; // «… 25 % 01.12.2026»: a date reads the same
    }

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
