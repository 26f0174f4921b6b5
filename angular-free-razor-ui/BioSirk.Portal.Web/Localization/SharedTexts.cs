using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Localization;

/// <summary>
/// The portal's texts (the resource file, keyed by the bokmål text), and one thing more: a message the modules wrote
/// with its values in it («Datoen er fram i tid. … I dag er 20.01.2026.») finds the English of its pattern, a key
/// where «{0}» stands for any value. The modules keep writing plain bokmål; the translation knows their sentences.
/// </summary>
public sealed partial class SharedTexts(IStringLocalizerFactory factory) : IStringLocalizer<SharedResource>
{
    /// <summary>A pattern needs this many letters of its own, so that «{0}» or «{0}: {1}» never stands for everything.</summary>
    private const int MinimumFixedText = 12;

    private static readonly ConcurrentDictionary<string, IReadOnlyList<(Regex Pattern, string Translation)>> PatternsByCulture = new();

    private readonly IStringLocalizer resources = factory.Create(typeof(SharedResource));

    public LocalizedString this[string name]
    {
        get
        {
            var found = resources[name];
            return found.ResourceNotFound && ByPattern(name) is { } translated ? new LocalizedString(name, translated) : found;
        }
    }

    /// <summary>
    /// Without values (<c>this.Localized(message)</c> for a message a module wrote) the text is looked up as above, so that
    /// the module's sentence finds its pattern too.
    /// </summary>
    public LocalizedString this[string name, params object[] arguments] => arguments.Length == 0 ? this[name] : resources[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => resources.GetAllStrings(includeParentCultures);

    private string? ByPattern(string message)
    {
        var culture = CultureInfo.CurrentUICulture;
        if (culture.TwoLetterISOLanguageName != "en" || message.Length < MinimumFixedText)
        {
            return null; // bokmål is the text itself
        }

        foreach (var (pattern, translation) in PatternsByCulture.GetOrAdd(culture.Name, _ => Patterns()))
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                // A value that is itself one of the texts («Beskrivelsen» in «{0} kan være på høyst …»), or a message of
                // its own («Verdien 120 % er over 100 prosent …» in «{0} Kryss av hvis målingen er riktig.»), is translated too.
                var values = Enumerable.Range(0, 10).TakeWhile(i => match.Groups[$"v{i}"].Success)
                    .Select(object (i) => Value(match.Groups[$"v{i}"].Value))
                    .ToArray();
                return string.Format(culture, translation, values);
            }
        }

        return null;
    }

    /// <summary>A value at the start of a sentence («Vedtaket kan være …») may be known only in lower case («vedtaket»).</summary>
    private string Value(string value)
    {
        var translated = this[value];
        if (!translated.ResourceNotFound || value.Length < 2 || !char.IsUpper(value[0]) || !char.IsLower(value[1]))
        {
            return translated.Value;
        }

        var lower = resources[char.ToLowerInvariant(value[0]) + value[1..]];
        return lower.ResourceNotFound ? value : char.ToUpper(lower.Value[0], CultureInfo.CurrentUICulture) + lower.Value[1..];
    }

    private List<(Regex, string)> Patterns() =>
    [
        .. resources.GetAllStrings(includeParentCultures: false)
            .Where(text => Placeholder().IsMatch(text.Name) && Placeholder().Replace(text.Name, "").Length >= MinimumFixedText)
            .OrderByDescending(text => text.Name.Length) // the most specific sentence first
            .Select(text => (new Regex("^" + EscapedPlaceholder().Replace(Regex.Escape(text.Name), m => $"(?<v{m.Groups[1].Value}>.+?)") + "$",
                RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)), text.Value)),
    ];

    [GeneratedRegex(@"\{(\d)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\\\{(\d)\}")]
    private static partial Regex EscapedPlaceholder();
}
