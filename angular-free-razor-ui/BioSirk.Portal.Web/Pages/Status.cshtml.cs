using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Pages;

/// <summary>The page behind every error status (re-executed by UseStatusCodePagesWithReExecute).</summary>
// Re-executed for failed POSTs too, which must not fail again on the antiforgery check.
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<Localization.SharedResource> t) : PageModel
{
    public string Heading { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    public void OnPost(int code) => OnGet(code);

    public void OnGet(int code)
    {
        (Heading, Explanation) = code switch
        {
            403 => (t["Du har ikke tilgang til denne siden"], ForbiddenExplanation()),
            404 => (t["Vi finner ikke siden"],
                t["Lenken kan være feil, eller siden finnes ikke lenger. Det kan også være at den hører til et råd du ikke er medlem av."]),
            429 => (t["For mange forespørsler"], t["Vent litt og prøv igjen."]),
            _ => (t["Noe gikk galt"], t["Prøv igjen om litt. Hvis feilen varer, kontakt brukerstøtte."]),
        };
    }

    /// <summary>Whose page it was: the host's (the portal's operators) or a council's (another role in the council).</summary>
    private string ForbiddenExplanation()
    {
        var path = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? string.Empty;
        return path.StartsWith("/vert", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/jobs", StringComparison.OrdinalIgnoreCase)
            ? t["Siden er for dem som drifter portalen (vertens administratorer)."]
            : t["Siden er for personer med en annen rolle i rådet. Spør administratoren i rådet hvis du trenger tilgang."];
    }
}
