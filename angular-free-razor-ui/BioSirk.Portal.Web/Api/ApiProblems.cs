using System.Globalization;
using System.Text.Json;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Spreadsheets;
using BioSirk.Portal.Web.Localization;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Api;

/// <summary>Errors of the API as problem details (RFC 9457), in Norwegian, with the field errors also in English.</summary>
public static class ApiProblems
{
    private static readonly CultureInfo English = new("en-GB");

    /// <summary>403 for a client without the app role Agreements.Read (a person always has it).</summary>
    public static IResult CannotRead() => Forbidden("Klienten har ikke app-rollen Agreements.Read.");

    public static IResult Forbidden(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Ingen tilgang");

    public static IResult NotFound(string detail = "Finnes ikke, eller ikke for denne klienten.") =>
        Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Ikke funnet");

    public static IResult Conflict(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Kan ikke gjøres nå");

    public const string StaleMessage =
        "Avtalen er endret siden du hentet den (If-Match stemmer ikke med avtalens ETag). Ingenting er lagret: hent avtalen på nytt og prøv igjen.";

    /// <summary>412 for a write whose If-Match is stale; the detail also in English (<c>detailEnglish</c>).</summary>
    public static IResult PreconditionFailed(IStringLocalizer<SharedResource> texts) =>
        Results.Problem(StaleMessage, statusCode: StatusCodes.Status412PreconditionFailed, title: "Avtalen er endret",
            extensions: new Dictionary<string, object?> { ["detailEnglish"] = InEnglish(texts, StaleMessage) });

    /// <summary>
    /// Field errors under <c>errors</c> (Norwegian, as the form shows them) and <c>errorsEnglish</c>; the field names
    /// are those of the request body (camelCase).
    /// </summary>
    public static IResult Validation(IEnumerable<FieldError> errors, IStringLocalizer<SharedResource> texts)
    {
        var list = errors.ToList();
        var english = ByField(list, e => InEnglish(texts, e.Message));
        return Results.ValidationProblem(ByField(list, e => e.Message), title: "Noen felt må rettes",
            extensions: new Dictionary<string, object?> { ["errorsEnglish"] = english });
    }

    public static IResult Validation(IEnumerable<FieldError> errors, HttpContext http) => Validation(errors, PageTexts.Of(http));

    /// <summary>
    /// The outcome of a use case that the pages call too: null when it succeeded; 404 when it found nothing in the
    /// caller's scope; 409 for a refusal of the whole command (no field, e.g. the agreement is closed); 400 otherwise.
    /// </summary>
    public static IResult? Refusal(Result? result, HttpContext http) => result switch
    {
        null => NotFound(),
        { Succeeded: true } => null,
        _ when result.Errors.FirstOrDefault(e => e.Field.Length == 0) is { } refusal => Conflict(refusal.Message),
        _ => Validation(result.Errors, http),
    };

    /// <summary>
    /// An all-or-nothing import with wrong rows: <c>rows</c> lists each of them (its number as the client counts, 1 for
    /// the first) with its messages in Norwegian (<c>errors</c>) and English (<c>errorsEnglish</c>).
    /// </summary>
    public static IResult Rows(IEnumerable<ImportRowReport> wrong, int total, string detail, HttpContext http)
    {
        var texts = PageTexts.Of(http);
        var rows = wrong.Where(r => r.Errors.Count > 0).Select(r => new
        {
            row = r.Row,
            summary = r.Summary,
            errors = r.Errors,
            errorsEnglish = r.Errors.Select(e => InEnglish(texts, e)).ToList(),
        }).ToList();
        return Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: $"{rows.Count} av {total} rader må rettes",
            extensions: new Dictionary<string, object?> { ["rows"] = rows });
    }

    public const string UnreadableField =
        "Verdien kan ikke leses. Sjekk at den har riktig type: tall med punktum som desimaltegn, tekst i anførselstegn, dato som åååå-mm-dd, id som GUID.";

    public const string UnreadableRequest =
        "Forespørselen kan ikke leses. Send innholdet som JSON (Content-Type: application/json) med feltene som API-referansen på /api viser.";

    /// <summary>
    /// A request body the endpoint could not bind (<see cref="BadHttpRequestException"/>, thrown since
    /// <c>RouteHandlerOptions.ThrowOnBadRequest</c> is on): a value of the wrong type, or JSON that breaks off, names
    /// its field (the JSON path: <c>hours</c>, <c>[1].hours</c> in an import); anything else (no body, not JSON) says
    /// what to send.
    /// </summary>
    public static IResult Unreadable(BadHttpRequestException e, HttpContext http)
    {
        var field = e.InnerException is JsonException { Path: { } path } ? path.TrimStart('$').TrimStart('.') : "";
        return field.Length > 0
            ? Validation([new FieldError(field, UnreadableField)], http)
            : Results.Problem(UnreadableRequest, statusCode: e.StatusCode, title: "Forespørselen kan ikke leses",
                extensions: new Dictionary<string, object?> { ["detailEnglish"] = InEnglish(PageTexts.Of(http), UnreadableRequest) });
    }

    private static string InEnglish(IStringLocalizer<SharedResource> texts, string norwegian)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = English;
        try
        {
            return texts[norwegian].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>
    /// A use case's refusal: a message for the whole request (the agreement's state, someone else's change) is 409,
    /// messages for fields are 400 with the fields.
    /// </summary>
    public static IResult Refused(Result result, HttpContext http) =>
        Refusal(result, http) ?? throw new ArgumentException("A refusal needs a result that failed.", nameof(result));

    private static Dictionary<string, string[]> ByField(List<FieldError> errors, Func<FieldError, string> text) =>
        errors.GroupBy(e => CamelCase(e.Field)).ToDictionary(g => g.Key, g => g.Select(text).ToArray());

    /// <summary>"Milestones[0].SharePercent" → "milestones[0].sharePercent", as the body's fields are named.</summary>
    private static string CamelCase(string field) =>
        string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}

/// <summary>
/// /api answers with problem details, never with the HTML status pages or a redirect to the sign-in page: the status
/// code pages are turned off for it, and a 401/403/404 without a body (a failed token, a missing route) gets one.
/// </summary>
public sealed class ApiProblemMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, IProblemDetailsService problems)
    {
        http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            await ApiProblems.Unreadable(e, http).ExecuteAsync(http);
            return;
        }

        if (http.Response.HasStarted || http.Response.ContentLength > 0 || http.Response.StatusCode < 400)
        {
            return;
        }

        var (title, detail) = http.Response.StatusCode switch
        {
            StatusCodes.Status401Unauthorized => ("Ikke autentisert",
                "Send et gyldig Entra-tilgangstoken for portalens API i Authorization-hodet (Bearer)."),
            StatusCodes.Status403Forbidden => ("Ingen tilgang", "Tokenet gir ikke tilgang til dette."),
            StatusCodes.Status404NotFound => ("Ikke funnet", "Finnes ikke, eller ikke for denne klienten."),
            StatusCodes.Status429TooManyRequests => ("For mange forespørsler", "Vent litt før du prøver igjen."),
            _ => ("Feil", null),
        };
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = http.Response.StatusCode, Title = title, Detail = detail },
        });
    }
}
