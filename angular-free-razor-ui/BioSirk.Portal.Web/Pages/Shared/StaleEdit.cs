using BioSirk.Portal.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Shared;

/// <summary>
/// A form saved after someone else saved the same thing. The writer keeps her input and is told; the page puts the
/// row's current stamp in the form, so saving again stores her version over theirs. Reloading would lose her text.
/// </summary>
public static class StaleEdit
{
    /// <param name="what">What was changed, localized and in the definite form: «avtalen», «rådets opplysninger».</param>
    public static void OfferOverwrite(this PageModel page, string what, string field = "") =>
        page.ModelState.AddModelError(field, page.Localized(
            "Noen andre har lagret endringer i {0} mens du arbeidet. Det du skrev står fortsatt i skjemaet. Lagre igjen for å lagre din versjon over deres, eller åpne siden i en ny fane for å se hva de endret først.",
            what));
}
