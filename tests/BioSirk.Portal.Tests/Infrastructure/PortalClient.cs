using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace BioSirk.Portal.Tests.Infrastructure;

/// <summary>
/// A browser-like HTTP client: keeps cookies, reads pages as HTML documents, and posts forms the way a browser does,
/// with the antiforgery token taken from the form on the page.
/// </summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public async Task SignInAsync(string email, string password)
    {
        var response = await SubmitAsync("/logg-inn", "main form", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }
    }

    public async Task<HttpResponseMessage> GetAsync(string url) => await Http.GetAsync(url);

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}, expected 200.");
        }

        return await ReadAsync(response);
    }

    /// <summary>The page a form's answer shows: the page it redirects to (post, redirect, get), or the answer itself.</summary>
    public async Task<IHtmlDocument> PageAfterAsync(HttpResponseMessage response) =>
        response.StatusCode == System.Net.HttpStatusCode.Redirect ? await GetPageAsync(response.Headers.Location!.OriginalString) : await ReadAsync(response);

    public static async Task<IHtmlDocument> ReadAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Opens <paramref name="url"/> and submits the form found by <paramref name="formSelector"/> with its hidden fields
    /// (antiforgery token, concurrency stamp) and <paramref name="fields"/> only: a visible field not given is not sent.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, string formSelector, Dictionary<string, string> fields) =>
        await SubmitAsync(await GetPageAsync(url), url, formSelector, fields);

    /// <summary>As the other overload, on a page read earlier: what a browser tab left open sends.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, string url, string formSelector, Dictionary<string, string> fields)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
                   ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}.");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
        {
            if (!fields.ContainsKey(input.Name!))
            {
                values.Add(new(input.Name!, input.Value));
            }
        }

        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Key.Split('#')[0], f.Value)));
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        return await Http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Sends a form with files as a browser does: the <paramref name="fields"/> typed, then the files in
    /// <paramref name="fileField"/>, then the form's hidden fields, the antiforgery token last (a server that gives up at
    /// the files loses it). <paramref name="action"/> is a button's formaction, when it is not the form's own.
    /// </summary>
    public async Task<HttpResponseMessage> SendWithFilesAsync(IHtmlDocument page, string formSelector, Dictionary<string, string> fields,
        string fileField, IEnumerable<(string Name, byte[] Content)> files, string? action = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
                   ?? throw new InvalidOperationException($"No form '{formSelector}' on the page.");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Path.GetExtension(name) switch
            {
                ".pdf" => "application/pdf",
                ".csv" => "text/csv",
                _ => "application/octet-stream",
            });
            content.Add(file, fileField, name);
        }

        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().Where(h => !fields.ContainsKey(h.Name!)))
        {
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        return await Http.PostAsync(action ?? form.GetAttribute("action"), content);
    }

    /// <summary>Every value a browser would send for the form as it stands: inputs (checked boxes only), textareas, selects.</summary>
    public async Task<List<KeyValuePair<string, string>>> FormListAsync(string url, string formSelector) =>
        FormList(await GetPageAsync(url), formSelector);

    /// <summary>The values of a form on a page already read (e.g. the page shown again after a refused post).</summary>
    public static Dictionary<string, string> FormValues(IHtmlDocument page, string formSelector) =>
        FormList(page, formSelector).GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    private static List<KeyValuePair<string, string>> FormList(IHtmlDocument page, string formSelector)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
                   ?? throw new InvalidOperationException($"No form '{formSelector}' on the page.");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                case IHtmlInputElement { Type: "submit" or "file" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    values.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values.Add(new(select.Name, select.Value ?? ""));
                    break;
            }
        }

        return values;
    }

    /// <summary>The form's values by name (the last one wins for repeated names).</summary>
    public async Task<Dictionary<string, string>> FormValuesAsync(string url, string formSelector) =>
        (await FormListAsync(url, formSelector)).GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    public Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> values) =>
        Http.PostAsync(url, new FormUrlEncodedContent(values));

    /// <summary>The person's notices under «Varsler», newest first.</summary>
    public async Task<List<AngleSharp.Dom.IElement>> NoticesAsync() =>
        [.. (await GetPageAsync("/varsler")).QuerySelectorAll("[data-testid=notifications] li")];

    /// <summary>Where a notice's link leads: it goes through /varsler/{id}, which marks the notice read and redirects.</summary>
    public async Task<string> NoticeTargetAsync(AngleSharp.Dom.IElement notice)
    {
        var response = await Http.GetAsync(notice.QuerySelector("a")!.GetAttribute("href")!);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"A notice's link answered {(int)response.StatusCode}, expected a redirect.");
        }

        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Chooses English as the header's language switch does; the choice lasts for this client.</summary>
    public Task<HttpResponseMessage> ChooseEnglishAsync() =>
        PostWithTokenAsync("/sprak", new() { ["culture"] = "en-GB", ["returnUrl"] = "/" });

    public Task<HttpResponseMessage> ChooseNorwegianAsync() =>
        PostWithTokenAsync("/sprak", new() { ["culture"] = "nb-NO", ["returnUrl"] = "/" });

    /// <summary>Posts to a URL with a token from any page of this client (tokens belong to the user, not the page).</summary>
    public async Task<HttpResponseMessage> PostWithTokenAsync(string url, Dictionary<string, string>? fields = null, string tokenPage = "/logg-ut")
    {
        var token = await TokenAsync(tokenPage);
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        values.AddRange((fields ?? []).Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        return await Http.PostAsync(url, new FormUrlEncodedContent(values));
    }

    public async Task<string> TokenAsync(string page = "/logg-ut")
    {
        var document = await GetPageAsync(page);
        return (document.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
               ?? throw new InvalidOperationException($"No antiforgery token on {page}.");
    }

    public void Dispose() => Http.Dispose();
}

public static class HtmlAssertions
{
    /// <summary>The error message shown beside a field (the form-field tag helper's "-error" element).</summary>
    public static string? FieldError(this IHtmlDocument page, string field) =>
        page.GetElementById(field.Replace('.', '_') + "-error")?.TextContent.Trim();

    public static string? FieldValue(this IHtmlDocument page, string field) => page.GetElementById(field.Replace('.', '_')) switch
    {
        IHtmlInputElement input => input.Value,
        IHtmlTextAreaElement area => area.Value,
        _ => null,
    };
}
