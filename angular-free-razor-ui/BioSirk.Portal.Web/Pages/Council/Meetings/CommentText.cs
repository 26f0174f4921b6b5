using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace BioSirk.Portal.Web.Pages.Council.Meetings;

/// <summary>
/// A comment as HTML: everything encoded, web addresses (http/https) made links, nothing else.
/// wwwroot/js/meeting-live.js does the same for comments that arrive live.
/// </summary>
public static partial class CommentText
{
    public static IHtmlContent Render(string text)
    {
        var html = new HtmlContentBuilder();
        var at = 0;
        foreach (Match match in WebAddress().Matches(text))
        {
            // A full stop or bracket right after an address ends the sentence, not the address.
            var address = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']');
            html.Append(text[at..match.Index]);
            if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = address;
                link.Attributes["rel"] = "noopener noreferrer nofollow";
                link.InnerHtml.Append(address);
                html.AppendHtml(link);
            }
            else
            {
                html.Append(address);
            }

            at = match.Index + address.Length;
        }

        html.Append(text[at..]);
        return html;
    }

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WebAddress();
}

/// <summary>One comment on the meeting page, with what the person may do with it.</summary>
public sealed record CommentRow(
    BioSirk.Portal.Meetings.Features.CommentView Comment, string BasePath, bool CanChange, bool CanHide, string? EditText, string? Error);
