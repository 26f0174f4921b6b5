using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Idempotency;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.Web.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BioSirk.Portal.Web.Api;

/// <summary>
/// <c>Idempotency-Key</c> on every POST of the API (optional, honoured when sent): the first request with a key runs
/// and its answer (status, body) is kept for a day; a retry from the same client with the same key and the same
/// request gets that answer again (header <c>Idempotent-Replayed: true</c>) and registers nothing; the same key with
/// another request is 422. Two identical requests at once: one runs, the other waits for its answer (409 if it takes
/// too long). Answers of 500 and more are not kept, so a retry runs again.
/// </summary>
public sealed class IdempotencyFilter : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    private static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(15);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(Header, out var values))
        {
            return await next(context);
        }

        var key = values.ToString().Trim();
        if (values.Count != 1 || key.Length is 0 or > IdempotencyKeys.MaxKeyLength || key.Any(char.IsControl))
        {
            return ApiProblems.Validation([new FieldError("IdempotencyKey",
                "Idempotency-Key må være én verdi på 1 til 200 tegn, for eksempel en GUID som klienten lager for hver ny forespørsel.")], http);
        }

        // The keys have a DbContext of their own: what the endpoint leaves unsaved in the request's is not saved with them.
        await using var own = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var keys = own.ServiceProvider.GetRequiredService<IdempotencyKeys>();
        var client = http.RequestServices.GetRequiredService<ApiCallerAccessor>().Caller!.Client;
        var hash = await RequestFingerprint.OfAsync(http.Request);
        var giveUp = DateTime.UtcNow + WaitForFirst; // real time, not the portal's clock (which stands still in tests)
        while (true)
        {
            var (row, taken) = await keys.TakeAsync(client, key, hash, http.RequestAborted);
            if (taken)
            {
                return await RunAndKeepAsync(context, next, keys, row!);
            }

            if (row?.RequestHash == hash)
            {
                row = await keys.WaitForAnswerAsync(row, giveUp, http.RequestAborted);
            }

            switch (row)
            {
                case null when DateTime.UtcNow < giveUp:
                    continue; // the first request failed and let the key go: this one runs
                case { } other when other.RequestHash != hash:
                    return Results.Problem(
                        "Denne Idempotency-Key er alt brukt til en annen forespørsel (en annen adresse eller et annet innhold). Bruk en ny nøkkel for en ny forespørsel.",
                        statusCode: StatusCodes.Status422UnprocessableEntity, title: "Nøkkelen er brukt før");
                case { IsAnswered: true } answered:
                    return new StoredAnswer(answered);
                default:
                    http.Response.Headers.RetryAfter = "1";
                    return ApiProblems.Conflict("En forespørsel med samme Idempotency-Key behandles fortsatt. Prøv igjen om litt med samme nøkkel.");
            }
        }
    }

    /// <summary>
    /// Lets the filter read the body again after the endpoint has bound it (the request's fingerprint). Before
    /// routing, for the POSTs of /api.
    /// </summary>
    public static Task KeepBodyReadable(HttpContext http, RequestDelegate next)
    {
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.Headers.ContainsKey(Header))
        {
            http.Request.EnableBuffering();
        }

        return next(http);
    }

    /// <summary>The header in the OpenAPI document of every POST, with the answers it adds.</summary>
    public static void Document(OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (!HttpMethods.IsPost(context.Description.HttpMethod ?? ""))
            {
                return Task.CompletedTask;
            }

            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Valgfri, men anbefalt: en ny verdi (for eksempel en GUID) for hver ny forespørsel, og den samme når forespørselen " +
                              "sendes på nytt. Da får klienten det første svaret igjen (med Idempotent-Replayed: true), og ingenting registreres to ganger. " +
                              "Nøkkelen gjelder for klienten (Entra-leietaker og app eller person) i 24 timer.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKeys.MaxKeyLength },
            });
            operation.Responses ??= [];
            operation.Responses.TryAdd("409", new OpenApiResponse { Description = "En forespørsel med samme Idempotency-Key behandles fortsatt." });
            operation.Responses.TryAdd("422", new OpenApiResponse { Description = "Idempotency-Key er brukt til en annen forespørsel." });
            return Task.CompletedTask;
        });

    private static async Task<object?> RunAndKeepAsync(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next, IdempotencyKeys keys, IdempotencyKey row)
    {
        var http = context.HttpContext;
        var original = http.Response.Body;
        using var answer = new MemoryStream();
        try
        {
            var value = await next(context);
            http.Response.Body = answer;
            var result = value switch
            {
                IResult r => r,
                null => Results.Empty,
                string text => Results.Text(text),
                _ => Results.Json(value),
            };
            await result.ExecuteAsync(http);
        }
        catch
        {
            http.Response.Body = original;
            await keys.ReleaseAsync(row);
            throw;
        }

        http.Response.Body = original;
        var response = http.Response;
        if (response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            await keys.ReleaseAsync(row);
        }
        else
        {
            await keys.AnswerAsync(row, response.StatusCode, response.ContentType, response.Headers.Location.ToString() is { Length: > 0 } l ? l : null, answer.ToArray());
        }

        answer.Position = 0;
        await answer.CopyToAsync(original, http.RequestAborted);
        return Results.Empty;
    }

    /// <summary>The answer a request with this key got first, given again.</summary>
    private sealed class StoredAnswer(IdempotencyKey row) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = row.StatusCode!.Value;
            http.Response.Headers[ReplayedHeader] = "true";
            if (row.ContentType is { } contentType)
            {
                http.Response.ContentType = contentType;
            }

            if (row.Location is { } location)
            {
                http.Response.Headers.Location = location;
            }

            await http.Response.Body.WriteAsync(row.Body, http.RequestAborted);
        }
    }
}
