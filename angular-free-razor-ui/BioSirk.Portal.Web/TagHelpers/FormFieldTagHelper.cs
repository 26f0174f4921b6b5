using System.Globalization;
using System.Text.Encodings.Web;
using BioSirk.Portal.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.TagHelpers;

/// <summary>
/// One labelled form field with its hint and its error message, the same everywhere:
/// <c>&lt;form-field for="Input.Email" label="E-post" type="email" autocomplete="email" /&gt;</c>; with type="select" the
/// element's content is the options.
/// What the user typed is shown again after an error; the error is tied to the input with aria-describedby, and so are
/// the hint and any described-by ids.
/// </summary>
[HtmlTargetElement("form-field")]
public sealed class FormFieldTagHelper(IStringLocalizer<SharedResource> texts) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = string.Empty;

    public string? Hint { get; set; }

    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    public bool Required { get; set; }

    public int Rows { get; set; } = 4;

    public string? Inputmode { get; set; }

    /// <summary>Ids of other elements that describe the field (e.g. a reviewer's comment shown above it), read after its error.</summary>
    public string? DescribedBy { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>Type "select" renders a select whose options are the element's content.</summary>
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var options = Type == "select" ? (await output.GetChildContentAsync()).GetContent() : "";
        var name = For.Name;
        RenderedFieldOrder.Record(ViewContext.HttpContext, name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ModelState.TryGetValue(name, out var entry) ? entry.Errors : null;
        var hasError = errors is { Count: > 0 };
        var value = Type == "password" ? null : CurrentValue(entry);
        var enc = HtmlEncoder.Default;

        var describedBy = new List<string>();
        if (hasError)
        {
            describedBy.Add(id + "-error");
        }

        if (!string.IsNullOrWhiteSpace(DescribedBy))
        {
            describedBy.Add(DescribedBy.Trim());
        }

        if (Hint is not null)
        {
            describedBy.Add(id + "-hint");
        }

        // A date or time is sent as a text field, which posts what was typed: a native date field filled in only in part
        // («15.03») posts an empty value, so without JavaScript a required date came back empty with "fill in", and an
        // optional one was dropped without a word. site.js makes it the browser's date or time field (with its guard
        // against a half date) when it runs and the value is one the picker can show.
        var pickerType = Type is "date" or "time" ? Type : null;
        if (pickerType is not null)
        {
            describedBy.Add(id + "-format");
        }

        var attributes =
            $" id=\"{id}\" name=\"{enc.Encode(name)}\" class=\"{(Type == "select" ? "form-select" : "form-control")}{(hasError ? " is-invalid" : "")}\"" +
            (Autocomplete is null ? "" : $" autocomplete=\"{enc.Encode(Autocomplete)}\"") +
            (Inputmode is null ? "" : $" inputmode=\"{enc.Encode(Inputmode)}\"") +
            (pickerType is null ? "" : $" data-picker=\"{pickerType}\" spellcheck=\"false\"") +
            (Required ? " required aria-required=\"true\"" : "") +
            (hasError ? " aria-invalid=\"true\"" : "") +
            (describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "");

        var html = new System.Text.StringBuilder();
        html.Append($"<label class=\"form-label\" for=\"{id}\">{enc.Encode(Label)}{(Required ? $" <span class=\"text-body-secondary\">({enc.Encode(texts["må fylles ut"])})</span>" : "")}</label>");
        if (Hint is not null)
        {
            html.Append($"<div class=\"form-text mt-0 mb-1\" id=\"{id}-hint\">{enc.Encode(Hint)}</div>");
        }

        if (pickerType is not null)
        {
            var format = pickerType == "date" ? texts["Skriv datoen som dd.mm.åååå."] : texts["Skriv klokkeslettet som tt:mm."];
            html.Append($"<div class=\"form-text mt-0 mb-1\" id=\"{id}-format\" data-picker-format>{enc.Encode(format)}</div>");
        }

        html.Append(Type switch
        {
            "textarea" => $"<textarea{attributes} rows=\"{Rows}\">{enc.Encode(value ?? "")}</textarea>",
            "select" => $"<select{attributes}>{options}</select>",
            _ => $"<input type=\"{enc.Encode(pickerType is null ? Type : "text")}\"{attributes} value=\"{enc.Encode(value ?? "")}\">",
        });
        if (hasError)
        {
            html.Append($"<div class=\"invalid-feedback\" id=\"{id}-error\">{enc.Encode(string.Join(" ", errors!.Select(e => texts[e.ErrorMessage].Value)))}</div>");
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "mb-3");
        output.Content.SetHtmlContent(html.ToString());
    }

    private string? CurrentValue(ModelStateEntry? entry)
    {
        // A date typed by hand («1.3.26») that was read goes back as dd.mm.åååå (site.js shows it in the browser's date
        // field); one that could not be read goes back as typed, beside the message that quotes it.
        var readDateOrTime = For.Model is DateOnly or TimeOnly or DateTime && Type is "date" or "time" or "datetime-local";
        if (entry?.AttemptedValue is { } attempted && !readDateOrTime)
        {
            return attempted;
        }

        return For.Model switch
        {
            null => null,
            TimeOnly time => time.ToString("HH:mm", CultureInfo.InvariantCulture),
            DateOnly date when Type == "date" => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime dateTime => dateTime.ToString(Type == "datetime-local" ? "yyyy-MM-ddTHH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal number => number.ToString(CultureInfo.GetCultureInfo("nb-NO")),
            IFormattable formattable => formattable.ToString(null, CultureInfo.CurrentCulture),
            var other => other.ToString(),
        };
    }
}
