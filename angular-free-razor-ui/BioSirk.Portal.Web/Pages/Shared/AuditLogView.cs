using System.Text.Json;
using BioSirk.Portal.Platform.Features.Audit;

namespace BioSirk.Portal.Web.Pages;

public sealed record AuditChange(string Field, string Old, string New);

/// <summary>What the audit log partial shows: a page of entries, the filter that made it, and council names for the host.</summary>
public sealed record AuditLogView(AuditPage Page, AuditFilter Filter, bool ShowTenant, IReadOnlyDictionary<Guid, string> TenantNames)
{
    public static IEnumerable<AuditChange> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            yield return new AuditChange(property.Name, Text(property.Value, "old"), Text(property.Value, "new"));
        }
    }

    private static string Text(JsonElement change, string name) =>
        change.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()
            : "–";
}
