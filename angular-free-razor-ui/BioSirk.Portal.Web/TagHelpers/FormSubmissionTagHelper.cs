using BioSirk.Portal.Web.Hosting;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace BioSirk.Portal.Web.TagHelpers;

/// <summary>
/// Gives every POST form a new submission id each time the page is written, so that the server can tell the same
/// form sent twice from a new one (<see cref="FormSentOnceFilter"/>). A page that comes back with the form's errors
/// writes a new id: the corrected form is a new sending.
/// </summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class FormSubmissionTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes["method"]?.Value?.ToString() is { } method && method.Equals("post", StringComparison.OrdinalIgnoreCase))
        {
            output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{FormSentOnceFilter.Field}\" value=\"{Guid.NewGuid():N}\">");
        }
    }
}
