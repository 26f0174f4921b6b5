using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace BioSirk.Portal.Web.Hosting;

/// <summary>
/// A form with files is read here, before the antiforgery check and the model binding: its fields always, its files only
/// while together they stay within <paramref name="maxFileBytes"/>. Beyond that no file is kept and <see cref="Exceeded"/> tells
/// the handler, which says so beside the file field with what was typed kept. Left to Kestrel (about 30 MB a request) and
/// the form reader, a form over the limit fails as a whole, antiforgery token and text with it, and the person gets a 400
/// page instead of a message. A page with several upload forms has one attribute per form, each with its own limit.
/// </summary>
/// <param name="handler">The page handler whose form this is (the page's other forms are left to the framework).</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class UploadsWithinLimitAttribute(string handler, long maxFileBytes) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>
    /// What a request may weigh at all. Up to this the body is read to its end, the files beyond the limit dropped as
    /// they come, so that the fields after them (the antiforgery token is last) still arrive; only a signed-in person
    /// gets this far. Past it Kestrel ends the request.
    /// </summary>
    public const long MaxRequestBytes = 1024L * 1024 * 1024;

    private const string ExceededKey = "BioSirk.UploadsExceeded";

    /// <summary>The framework's own limits for a form's fields (FormOptions' defaults).</summary>
    private const int MaxSections = 1024;

    private const int MaxFieldChars = 4 * 1024 * 1024;

    /// <summary>Before the antiforgery filter (order 1000), which would read the form the framework's way.</summary>
    public int Order => 0;

    /// <summary>Were files left out of this request's form because together they were over the limit?</summary>
    public static bool Exceeded(HttpContext http) => http.Items.ContainsKey(ExceededKey);

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var requested = context.RouteData.Values["handler"]?.ToString() ?? request.Query["handler"].ToString();
        if (!HttpMethods.IsPost(request.Method) || !string.Equals(requested, handler, StringComparison.OrdinalIgnoreCase)
            || !MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary
            || http.Features.Get<IFormFeature>()?.Form is not null)
        {
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxRequestBytes;
        }

        var ct = http.RequestAborted;
        var fields = new KeyValueAccumulator();
        var files = new FormFileCollection();
        var kept = 0L;
        var exceeded = false;
        var sections = 0;
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (++sections > MaxSections
                || !ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                await section.Body.DrainAsync(ct);
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
            if (disposition.IsFileDisposition())
            {
                var content = new MemoryStream();
                var length = await CopyUpToAsync(section.Body, exceeded ? null : content, maxFileBytes - kept, ct);
                if (exceeded || length > maxFileBytes - kept)
                {
                    exceeded = true;
                    continue;
                }

                kept += length;
                content.Position = 0;
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
                files.Add(new FormFile(content, 0, length, name, fileName) { Headers = new HeaderDictionary(section.Headers) });
            }
            else if (disposition.IsFormDisposition())
            {
                fields.Append(name, await ReadTextAsync(section.Body, ct));
            }
            else
            {
                await section.Body.DrainAsync(ct);
            }
        }

        if (exceeded)
        {
            files.Clear(); // all or none: the person chooses them again anyway, and a request must not go with some left out
            http.Items[ExceededKey] = true;
        }

        http.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields.GetResults(), files)));
    }

    /// <summary>Copies at most <paramref name="room"/> + 1 bytes (enough to tell it is too much) and reads the rest to its end; the full length.</summary>
    private static async Task<long> CopyUpToAsync(Stream source, Stream? target, long room, CancellationToken ct)
    {
        var buffer = new byte[81920];
        var length = 0L;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            if (target is not null && length <= room)
            {
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            length += read;
        }

        return length;
    }

    /// <summary>A field's text, cut at the framework's limit for one value (the page's own rules say what is too long).</summary>
    private static async Task<string> ReadTextAsync(Stream body, CancellationToken ct)
    {
        using var text = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var value = new StringBuilder();
        var chunk = new char[4096];
        int read;
        while ((read = await text.ReadAsync(chunk, ct)) > 0)
        {
            if (value.Length < MaxFieldChars)
            {
                value.Append(chunk, 0, Math.Min(read, MaxFieldChars - value.Length));
            }
        }

        return value.ToString();
    }
}
