using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace BioSirk.Portal.Web.TagHelpers;

/// <summary>
/// Keeps every amount written into a sentence inside the element whole: <c>&lt;ol keep-amounts-whole&gt;</c> puts
/// each «kr 150 000,00» in a <c>text-nowrap</c> span (the text stays as it was, spaces and all), so that a narrow column
/// (a phone) breaks the line between words and never inside an amount («kr 150 / 000,00»). An amount the page writes
/// itself has its span already; this is for texts made elsewhere (a version's changes, the history, «planlagt kr …»).
/// </summary>
[HtmlTargetElement(Attributes = AttributeName)]
public sealed partial class KeepAmountsWholeTagHelper : TagHelper
{
    private const string AttributeName = "keep-amounts-whole";
    private const string Open = "<span class=\"text-nowrap\">";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll(AttributeName);
        output.Content.SetHtmlContent(Wrap((await output.GetChildContentAsync()).GetContent()));
    }

    /// <summary>Wraps the amounts in the text between the tags (never in a tag's attributes, nor in a span that already keeps one whole).</summary>
    public static string Wrap(string html)
    {
        var result = new StringBuilder(html.Length);
        var previousTag = "";
        foreach (var part in Tag().Split(html))
        {
            if (part.StartsWith('<'))
            {
                previousTag = part;
                result.Append(part);
            }
            else
            {
                result.Append(previousTag == Open ? part : Amount().Replace(part, m => Open + m.Value + "</span>"));
            }
        }

        return result.ToString();
    }

    [GeneratedRegex("(<[^>]*>)", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    // «kr 1 234,56», «kr -500,00», «kr 150 000»: kr and the digits in groups of three, as Norwegian.Kroner writes them
    // (in the page's HTML only plain spaces, digits, commas and a minus, none of which the encoder changes).
    [GeneratedRegex(@"\bkr -?\d{1,3}(?: \d{3})*(?:,\d{2})?", RegexOptions.CultureInvariant)]
    private static partial Regex Amount();
}
