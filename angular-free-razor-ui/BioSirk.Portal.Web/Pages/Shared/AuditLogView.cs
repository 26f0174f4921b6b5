using System.Text.Json;
using BioSirk.Portal.Platform.Features.Audit;
using BioSirk.Portal.SharedKernel.Formatting;

namespace BioSirk.Portal.Web.Pages;

public sealed record AuditChange(string Field, string Old, string New);

/// <summary>What the audit log partial shows: a page of entries, the filter that made it, and council names for the host.</summary>
public sealed record AuditLogView(AuditPage Page, AuditFilter Filter, bool ShowTenant, IReadOnlyDictionary<Guid, string> TenantNames)
{
    /// <summary>The link to one page of the list with the same filter, every value URL-encoded («Kari & Ola» stays one name).</summary>
    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["type"] = Filter.EntityType,
        ["user"] = Filter.UserText,
        ["from"] = Filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = Filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["side"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    /// <summary>The changed fields a reader can make sense of, by their Norwegian names and with Norwegian formats.</summary>
    public static IEnumerable<AuditChange> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject().Where(p => AuditTexts.IsShown(p.Name)))
        {
            yield return new AuditChange(AuditTexts.Field(property.Name), Text(property, "old"), Text(property, "new"));
        }
    }

    /// <summary>The filter's dates the wrong way round: said beside «Til dato» instead of an empty list that does not say why.</summary>
    public bool DatesReversed => Filter.From is { } from && Filter.To is { } to && to < from;

    private static string Text(JsonProperty change, string name) =>
        change.Value.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
                ? AuditTexts.Number(change.Name, number) // 112500.0 from SQLite and 112500 from PostgreSQL alike
                : AuditTexts.Value(change.Name, value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText())
            : "–";
}
