using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using BioSirk.Portal.Web.Localization;

namespace BioSirk.Portal.Web.TagHelpers;

/// <summary>
/// The list of a form's errors at its top, each linking to its field, in the order the fields appear on the page;
/// focused on load so that a screen reader hears it first (the focus is set by site.js, the page works without it).
/// A message with an English text is shown in English to those who chose English.
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(IStringLocalizer<SharedResource> texts) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ModelState;
        if (state.IsValid)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "alert alert-danger error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("id", "error-summary");
        output.Content.SetHtmlContent("<h2 class=\"h5\">");
        output.Content.Append(texts["Noe må rettes før du kan gå videre"]);
        output.Content.AppendHtml("</h2>");
        output.Content.AppendHtml(new ErrorList(state, ViewContext.HttpContext, texts));
    }

    /// <summary>
    /// Written when the page is written out, after the form below the summary has rendered its fields, so that the
    /// errors can follow the fields' order rather than the order the model binder met them.
    /// </summary>
    private sealed class ErrorList(ModelStateDictionary state, HttpContext http, IStringLocalizer texts) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            writer.Write("<ul class=\"mb-0\">");
            foreach (var (key, norwegian) in ErrorsInFieldOrder())
            {
                var message = texts[norwegian].Value;
                writer.Write(key.Length == 0
                    ? $"<li>{encoder.Encode(message)}</li>"
                    : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(key, "_")}\">{encoder.Encode(message)}</a></li>");
            }

            writer.Write("</ul>");
        }

        /// <summary>Errors about the whole form first, then the rendered fields top to bottom, then any other field.</summary>
        private IEnumerable<(string Key, string Message)> ErrorsInFieldOrder() => state
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .Select((entry, bindingOrder) => (entry, bindingOrder))
            .OrderBy(e => e.entry.Key.Length == 0 ? -1 : RenderedFieldOrder.PositionOf(http, e.entry.Key))
            .ThenBy(e => e.bindingOrder)
            .SelectMany(e => e.entry.Value!.Errors.Select(error => (e.entry.Key, error.ErrorMessage)));
    }
}

/// <summary>The order in which a request's page rendered its form fields.</summary>
internal static class RenderedFieldOrder
{
    private static readonly object ItemsKey = new();

    public static void Record(HttpContext http, string fieldName)
    {
        if (http.Items[ItemsKey] is not List<string> fields)
        {
            http.Items[ItemsKey] = fields = [];
        }

        fields.Add(fieldName);
    }

    /// <summary>The field's position on the page; fields not rendered through form-field come after all of them.</summary>
    public static int PositionOf(HttpContext http, string fieldName)
    {
        var position = (http.Items[ItemsKey] as List<string>)?.FindIndex(name => string.Equals(name, fieldName, StringComparison.OrdinalIgnoreCase)) ?? -1;
        return position < 0 ? int.MaxValue : position;
    }
}
