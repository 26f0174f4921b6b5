using BioSirk.Portal.SharedKernel.Formatting;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Localization;

/// <summary>
/// The texts as written in the code: Norwegian, since the keys of the portal's texts are the Norwegian texts. For what
/// always speaks Norwegian (the API's answers) through code that otherwise takes the reader's localizer.
/// </summary>
public sealed class NorwegianTexts : IStringLocalizer
{
    public static readonly NorwegianTexts Instance = new();

    public LocalizedString this[string name] => new(name, name, resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments] =>
        new(name, string.Format(Norwegian.Culture, name, arguments), resourceNotFound: true);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
