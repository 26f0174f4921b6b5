using System.Text.Json;
using System.Text.Json.Nodes;

namespace BioSirk.Portal.SharedKernel.Formatting;

/// <summary>
/// A sentence in bokmål kept as its format and its values, so that what is stored today (a notice) can be shown
/// later in the reader's language: the page translates the format (and the formats of nested phrases) and puts the
/// values back in. The values are data (names, titles, dates and amounts already written the Norwegian way) or
/// phrases of their own.
/// </summary>
public sealed class Phrase
{
    private Phrase(string format, IReadOnlyList<object> values)
    {
        Format = format;
        Values = values;
    }

    public string Format { get; }

    /// <summary>Each a <see cref="string"/> or a <see cref="Phrase"/>.</summary>
    public IReadOnlyList<object> Values { get; }

    public static Phrase Of(string format, params object?[] values) =>
        new(format, [.. values.Select(v => v as Phrase ?? (object)Convert.ToString(v, Norwegian.Culture)!)]);

    /// <summary>Phrases one after another, with <paramref name="separator"/> between.</summary>
    public static Phrase Join(IEnumerable<Phrase> phrases, string separator = " ")
    {
        var list = phrases.ToList();
        return new(string.Join(separator, list.Select((_, i) => $"{{{i}}}")), list);
    }

    /// <param name="translate">The reader's text for a format; a format without one is shown as it is.</param>
    /// <remarks>A phrase without values is not a format: a sentence with braces in it is shown as it is.</remarks>
    public string Render(Func<string, string> translate) => Values.Count == 0
        ? translate(Format)
        : string.Format(Norwegian.Culture, translate(Format), [.. Values.Select(v => v is Phrase p ? p.Render(translate) : v)]);

    /// <summary>The sentence in bokmål.</summary>
    public override string ToString() => Render(static format => format);

    public string ToJson() => ToNode().ToJsonString();

    /// <summary>The phrase stored by <see cref="ToJson"/>; null for null or for text that is not one.</summary>
    public static Phrase? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return FromNode(JsonNode.Parse(json));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private JsonObject ToNode() => new()
    {
        ["f"] = Format,
        ["v"] = new JsonArray([.. Values.Select(v => v is Phrase p ? (JsonNode)p.ToNode() : JsonValue.Create((string)v))]),
    };

    private static Phrase? FromNode(JsonNode? node) => node is JsonObject o && o["f"]?.GetValue<string>() is { } format
        ? new Phrase(format, [.. (o["v"] as JsonArray ?? []).Select(v => v is JsonObject ? FromNode(v)! : (object)(v?.GetValue<string>() ?? ""))])
        : null;
}
