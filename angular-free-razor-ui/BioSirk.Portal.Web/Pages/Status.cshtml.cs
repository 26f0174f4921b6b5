using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Pages;

/// <summary>The page behind every error status (re-executed by UseStatusCodePagesWithReExecute).</summary>
// Re-executed for failed POSTs too, which must not fail again on the antiforgery check.
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<Localization.SharedResource> t, IPlatformDirectory directory, ICurrentUser currentUser) : PageModel
{
    /// <summary>Set (in HttpContext.Items) by a page that found the meeting but not the agenda item asked for.</summary>
    public const string MissingAgendaItem = "biosirk:missing-agenda-item";

    public string Heading { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    public Task OnPostAsync(int code) => OnGetAsync(code);

    public async Task OnGetAsync(int code)
    {
        // A page of a council whose admin has deactivated her (a link in an old notice or e-mail): say so, not "not found".
        if (code == 404 && CouncilSlugOfPath() is { } slug && currentUser.UserId is { } userId
            && await directory.DeactivatedCouncilNameAsync(userId, slug, HttpContext.RequestAborted) is { } council)
        {
            Heading = t["Tilgangen din er slått av"];
            Explanation = t["Administratoren i {0} har deaktivert deg som medlem. Ingenting du har skrevet, er slettet. Spør administratoren om du skal ha tilgang igjen.", council];
            return;
        }

        (Heading, Explanation) = code switch
        {
            403 => (t["Du har ikke tilgang til denne siden"], ForbiddenExplanation()),
            404 when HttpContext.Items.ContainsKey(MissingAgendaItem) => (t["Vi finner ikke saken"],
                t["Lenken kan være feil, eller saken er tatt av sakslisten. Åpne møtet og se sakslisten slik den er nå."]),
            404 when IsMeetingPath() => (t["Vi finner ikke møtet"],
                t["Lenken kan være feil, eller møtet finnes ikke lenger. Et møte vises bare for deltakerne sekretariatet har invitert: skal du være med, be sekretariatet legge deg til."]),
            404 => (t["Vi finner ikke siden"],
                t["Lenken kan være feil, eller siden finnes ikke lenger. Det kan også være at den hører til et råd du ikke er medlem av."]),
            429 when IsSignInPath() => (t["For mange innloggingsforsøk"],
                t["Det er gjort mange forsøk på å logge inn fra nettverket ditt det siste minuttet. Vent ett minutt, og prøv igjen."]),
            429 => (t["For mange forespørsler"], t["Vent litt og prøv igjen."]),
            _ => (t["Noe gikk galt"], t["Prøv igjen om litt. Hvis feilen varer, kontakt brukerstøtte."]),
        };
    }

    /// <summary>
    /// A meeting's page (/rad/{council}/moter/{id}…) that is not found: perhaps it is there, and she is not invited. The
    /// answer stays 404, so as not to tell whether a meeting she may not see exists.
    /// </summary>
    private bool IsSignInPath() =>
        HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { } path
        && (path.StartsWith("/logg-inn", StringComparison.OrdinalIgnoreCase) || path.Equals("/glemt-passord", StringComparison.OrdinalIgnoreCase));

    private string? CouncilSlugOfPath() =>
        (HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? string.Empty).Split('/') is ["", "rad", { Length: > 0 } slug, ..] ? slug : null;

    private bool IsMeetingPath() =>
        (HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? string.Empty).Split('/') is ["", "rad", _, "moter", { Length: > 0 } id, ..]
        && Guid.TryParse(id, out _);

    /// <summary>Whose page it was: the host's (the portal's operators) or a council's (another role in the council).</summary>
    private string ForbiddenExplanation()
    {
        var path = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? string.Empty;
        return path.StartsWith("/vert", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/jobs", StringComparison.OrdinalIgnoreCase)
            ? t["Siden er for dem som drifter portalen (vertens administratorer)."]
            : t["Siden er for personer med en annen rolle i rådet. Spør administratoren i rådet hvis du trenger tilgang."];
    }
}
