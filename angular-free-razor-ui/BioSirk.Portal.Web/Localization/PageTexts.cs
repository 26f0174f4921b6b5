using System.Globalization;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Time;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Localization;

/// <summary>
/// Texts with values in them, put in the reader's language by the page model that writes them (a receipt, a message).
/// A page looks a receipt up again when it shows it, but a sentence with its values filled in is no key: it has to
/// be translated before the values go in.
/// </summary>
public static class PageTexts
{
    /// <summary>The portal's texts in the language of this request (also for the API's English messages).</summary>
    public static IStringLocalizer<SharedResource> Of(HttpContext http) => http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>"Partnerskapet {0} er opprettet." with its values, in the reader's language.</summary>
    public static string Localized(this PageModel page, string norwegian, params object[] values) => Of(page.HttpContext)[norwegian, values].Value;

    /// <summary>An instant in Oslo time, as the reader says it: «15.01.2026 kl. 09:30», in English «15.01.2026 at 09:30».</summary>
    public static string DateTime(this IStringLocalizer texts, DateTime utc)
    {
        var oslo = Oslo.ToOslo(utc);
        return texts["{0} kl. {1}", oslo.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), oslo.ToString("HH:mm", CultureInfo.InvariantCulture)].Value;
    }

    /// <summary>A stored <see cref="Phrase"/> (a notice, an event of the history) in the reader's language; the bokmål text when none was stored.</summary>
    public static string Phrase(this IStringLocalizer texts, string? phraseJson, string bokmal) =>
        SharedKernel.Formatting.Phrase.FromJson(phraseJson)?.Render(format => texts[format].Value) ?? bokmal;
}
