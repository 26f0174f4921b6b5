using System.Text.Json;
using BioSirk.Portal.Platform.Features.Audit;
using BioSirk.Portal.SharedKernel.Formatting;

namespace BioSirk.Portal.Web.Pages;

public sealed record AuditChange(string Field, string Old, string New);

/// <summary>What the audit log partial shows: a page of entries, the filter that made it, and council names for the host.</summary>
public sealed record AuditLogView(AuditPage Page, AuditFilter Filter, bool ShowTenant, IReadOnlyDictionary<Guid, string> TenantNames)
{
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
