using AngleSharp.Html.Dom;
using System.Net;
using BioSirk.Portal.Tests.Infrastructure;

namespace BioSirk.Portal.Tests.Agreements;

/// <summary>What the secretary and the county officer do in the browser, as form posts.</summary>
public static class AgreementSteps
{
    public const string CouncilList = "/rad/hallingdal/avtaler";

    /// <summary>Drafts from the template as it is; returns the agreement's id.</summary>
    public static async Task<Guid> DraftFromTemplateAsync(PortalClient secretary, Dictionary<string, string>? changes = null)
    {
        var form = await secretary.FormValuesAsync("/rad/hallingdal/avtaler/ny", "#draft-form");
        foreach (var change in changes ?? [])
        {
            form[change.Key] = change.Value;
        }

        var response = await secretary.PostFormAsync("/rad/hallingdal/avtaler/ny", form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await PortalClient.ReadAsync(response);
            throw new InvalidOperationException("Draft refused: " + page.GetElementById("error-summary")?.TextContent);
        }

        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    /// <summary>The template agreement, drafted and signed by Kari (Hallingdal) and Sigrid (Buskerud) on 20.01.2026.</summary>
    public static async Task<(PortalClient Kari, PortalClient Sigrid, Guid Id)> SignedAgreementAsync(PortalFactory portal)
    {
        portal.Clock.Set(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        var kari = await portal.SignedInAsync(Demo.HallingdalSecretary);
        var sigrid = await portal.SignedInAsync(Demo.BuskerudOfficer);
        var id = await DraftFromTemplateAsync(kari);
        await ExpectRedirectAsync(await SignAsync(kari, CouncilUrl(id)));
        await ExpectRedirectAsync(await SignAsync(sigrid, CountyUrl(id)));
        return (kari, sigrid, id);
    }

    /// <summary>A day after the hours and costs the tests register (February to early May 2026): work is registered once it is done.</summary>
    public static readonly DateTimeOffset AfterTheWork = new(2026, 5, 15, 9, 0, 0, TimeSpan.Zero);

    public static string CouncilUrl(Guid id) => $"/rad/hallingdal/avtaler/{id}";

    public static string CountyUrl(Guid id) => $"/fylke/buskerud/avtaler/{id}";

    public static async Task<HttpResponseMessage> SignAsync(PortalClient client, string url) =>
        await client.SubmitAsync(url, "form[action*=Sign]", []);

    public static async Task ExpectRedirectAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await PortalClient.ReadAsync(response);
            throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}: " + page.GetElementById("error-summary")?.TextContent);
        }
    }

    /// <summary>The county officer approves the payment request that waits for her (the «Godkjenn» button).</summary>
    public static async Task ApproveRequestAsync(PortalClient officer, Guid id) =>
        await ExpectRedirectAsync(await officer.SubmitAsync(CountyUrl(id), "form[action*=Decide]", new() { ["Decision.Approve"] = "true" }));

    /// <summary>The council's payment request form, sent with files as the browser sends them.</summary>
    public static async Task<HttpResponseMessage> SendRequestAsync(PortalClient client, Guid id, string status, params (string Name, byte[] Content)[] files)
    {
        var page = await client.GetPageAsync(CouncilUrl(id));
        var form = (IHtmlFormElement)page.QuerySelector("form[action*=Request]")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value), "__RequestVerificationToken" },
            { new StringContent(status), "RequestForm.StatusText" },
        };
        foreach (var (name, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), "attachments", name);
        }

        return await client.Http.PostAsync(form.GetAttribute("action"), content);
    }
}
