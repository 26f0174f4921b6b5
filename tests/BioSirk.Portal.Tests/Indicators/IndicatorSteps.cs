using AngleSharp.Html.Dom;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;

namespace BioSirk.Portal.Tests.Indicators;

/// <summary>What a secretary does on the indicator pages, as form posts.</summary>
public static class IndicatorSteps
{
    public const string List = "/rad/hallingdal/indikatorer";

    public static string Url(Guid id) => $"/rad/hallingdal/indikatorer/{id}";

    /// <summary>From 100 (01.01.2026) to 200 tonn (11.04.2026): 100 days, so the expected line rises 1 tonn a day.</summary>
    public static Dictionary<string, string> Biochar(Dictionary<string, string>? changes = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Tonn biokull produsert",
            ["Input.Unit"] = "tonn",
            ["Input.Direction"] = "HigherIsBetter",
            ["Input.BaselineValue"] = "100",
            ["Input.BaselineDate"] = "2026-01-01",
            ["Input.TargetValue"] = "200",
            ["Input.TargetDate"] = "2026-04-11",
            ["Input.Frequency"] = "Quarterly",
        };
        foreach (var change in changes ?? [])
        {
            fields[change.Key] = change.Value;
        }

        return fields;
    }

    public static Task<HttpResponseMessage> PostNewAsync(PortalClient secretary, Dictionary<string, string> fields, string url = List + "/ny") =>
        secretary.SubmitAsync(url, "main form", fields);

    public static async Task<Guid> CreateAsync(PortalClient secretary, Dictionary<string, string>? changes = null, string url = List + "/ny")
    {
        var response = await PostNewAsync(secretary, Biochar(changes), url);
        await ExpectRedirectAsync(response);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    public static Task<HttpResponseMessage> MeasureAsync(PortalClient client, string url, string date, string value, string source = "", string comment = "") =>
        client.SubmitAsync(url, "form#register-measurement", new()
        {
            ["Measurement.Date"] = date,
            ["Measurement.Value"] = value,
            ["Measurement.Source"] = source,
            ["Measurement.Comment"] = comment,
        });

    public static async Task<HttpResponseMessage> ImportAsync(PortalClient client, string url, byte[] file, string fileName)
    {
        var page = await client.GetPageAsync(url);
        var form = (IHtmlFormElement)page.QuerySelector("form[action*=Import]")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "measurementsFile", fileName },
        };
        return await client.Http.PostAsync(form.GetAttribute("action"), content);
    }
}
