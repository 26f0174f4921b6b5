using System.Text.Json;
using BioSirk.Portal.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BioSirk.Portal.Web.Pages;

public sealed record ApiParameterView(string Name, string In, string Type, bool Required, string? Description);

public sealed record ApiFieldView(string Name, string Type, bool Required);

public sealed record ApiResponseView(string Status, string Description, string? Type);

public sealed record ApiOperationView(
    string Id, string Method, string Path, string? Summary, IReadOnlyList<ApiParameterView> Parameters, string? BodyType,
    IReadOnlyList<ApiFieldView> BodyFields, IReadOnlyList<ApiResponseView> Responses);

public sealed record ApiSchemaView(string Name, IReadOnlyList<ApiFieldView> Fields);

/// <summary>
/// The API reference, read from the very OpenAPI document that /openapi/v1.json serves (so the page cannot say
/// something the API does not do): every operation with its parameters, body fields and responses, and the data types.
/// </summary>
[AllowAnonymous]
public sealed class ApiReferenceModel(IServiceProvider services) : PageModel
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public string Title { get; private set; } = "";

    public IReadOnlyList<ApiOperationView> Operations { get; private set; } = [];

    public IReadOnlyList<ApiSchemaView> Schemas { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var document = await services.GetRequiredKeyedService<IOpenApiDocumentProvider>(ApiDocument.Name).GetOpenApiDocumentAsync(HttpContext.RequestAborted);
        var json = JsonDocument.Parse(await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, HttpContext.RequestAborted)).RootElement;
        var reader = new SchemaReader(json);
        Title = json.GetProperty("info").GetProperty("title").GetString() ?? "";
        Operations = json.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(op => Methods.Contains(op.Name))
                .Select(op => Operation(path.Name, op.Name, op.Value, reader)))
            .OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => Array.IndexOf(Methods, o.Method.ToLowerInvariant()))
            .ToList();
        Schemas = json.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var schemas)
            ? schemas.EnumerateObject().Where(s => s.Value.TryGetProperty("properties", out _))
                .Select(s => new ApiSchemaView(s.Name, reader.Fields(s.Value))).OrderBy(s => s.Name, StringComparer.Ordinal).ToList()
            : [];
    }

    private static ApiOperationView Operation(string path, string method, JsonElement op, SchemaReader reader)
    {
        var parameters = op.TryGetProperty("parameters", out var list)
            ? list.EnumerateArray().Select(p => new ApiParameterView(
                p.GetProperty("name").GetString()!,
                p.GetProperty("in").GetString() switch { "path" => "sti", "query" => "spørring", "header" => "hode", var other => other ?? "" },
                p.TryGetProperty("schema", out var schema) ? reader.TypeOf(schema) : "",
                p.TryGetProperty("required", out var required) && required.GetBoolean(),
                p.TryGetProperty("description", out var description) ? description.GetString() : null)).ToList()
            : [];
        JsonElement? body = op.TryGetProperty("requestBody", out var requestBody) ? reader.JsonSchemaOf(requestBody) : null;
        var responses = op.TryGetProperty("responses", out var answers)
            ? answers.EnumerateObject().Select(r => new ApiResponseView(r.Name,
                Meaning(r.Name) ?? (r.Value.TryGetProperty("description", out var d) ? d.GetString() ?? "" : ""),
                reader.JsonSchemaOf(r.Value) is { } s ? reader.TypeOf(s) : null)).ToList()
            : [];
        var id = op.TryGetProperty("operationId", out var operationId) ? operationId.GetString()! : $"{method}-{path}";
        return new ApiOperationView(id, method.ToUpperInvariant(), path, op.TryGetProperty("summary", out var summary) ? summary.GetString() : null,
            parameters, body is { } b ? reader.TypeOf(b) : null, body is { } bodySchema ? reader.Fields(bodySchema) : [], responses);
    }

    private static string? Meaning(string status) => status switch
    {
        "200" => "OK",
        "201" => "Opprettet (hodet Location peker til den nye ressursen)",
        "304" => "Ikke endret (If-None-Match)",
        "400" => "Noen felt må rettes (errors og errorsEnglish)",
        "403" => "Ingen tilgang for dette tokenet",
        "404" => "Finnes ikke, eller ikke for dere",
        "409" => "Kan ikke gjøres nå (avtalens tilstand)",
        "412" => "Endret siden dere hentet den (If-Match)",
        _ => null,
    };

    /// <summary>Reads the JSON schemas of the document as people name types: "tekst", "dato", "liste av HoursResponse".</summary>
    private sealed class SchemaReader(JsonElement document)
    {
        public JsonElement? JsonSchemaOf(JsonElement bodyOrResponse) =>
            bodyOrResponse.TryGetProperty("content", out var content)
                ? content.EnumerateObject().Select(c => c.Value.TryGetProperty("schema", out var s) ? s : (JsonElement?)null).FirstOrDefault(s => s is not null)
                : null;

        public IReadOnlyList<ApiFieldView> Fields(JsonElement schema)
        {
            var resolved = Resolve(schema);
            if (!resolved.TryGetProperty("properties", out var properties))
            {
                return [];
            }

            var required = resolved.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
            return properties.EnumerateObject().Select(p => new ApiFieldView(p.Name, TypeOf(p.Value), required.Contains(p.Name))).ToList();
        }

        public string TypeOf(JsonElement schema)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                return Name(reference.GetString()!);
            }

            foreach (var choice in new[] { "oneOf", "anyOf", "allOf" })
            {
                if (schema.TryGetProperty(choice, out var options))
                {
                    return string.Join(" eller ", options.EnumerateArray().Where(o => !IsNull(o)).Select(TypeOf));
                }
            }

            var types = schema.TryGetProperty("type", out var type)
                ? type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!]
                : [];
            var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
            var main = types.FirstOrDefault(t => t != "null");
            var text = main switch
            {
                "array" => "liste av " + (schema.TryGetProperty("items", out var items) ? TypeOf(items) : "verdier"),
                "string" => format switch { "date" => "dato (åååå-mm-dd)", "date-time" => "tidspunkt", "uuid" => "uuid", _ => "tekst" },
                "integer" => "heltall",
                "number" => "tall",
                "boolean" => "sann/usann",
                "object" => "objekt",
                _ => types.Count == 0 && schema.TryGetProperty("pattern", out _) ? "tall" : "verdi",
            };
            return types.Contains("null") ? text + " (kan være null)" : text;
        }

        private static bool IsNull(JsonElement schema) => schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null";

        private JsonElement Resolve(JsonElement schema) =>
            schema.TryGetProperty("$ref", out var reference)
            && document.GetProperty("components").GetProperty("schemas").TryGetProperty(Name(reference.GetString()!), out var target)
                ? target
                : schema;

        private static string Name(string reference) => reference[(reference.LastIndexOf('/') + 1)..];
    }
}
