using System.Net;
using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Tests.Reporting;

namespace BioSirk.Portal.Tests.Indicators;

/// <summary>Once the county has approved an agreement's final report, the indicators it reported are final: none is added to the agreement.</summary>
public sealed class ApprovedAgreementIndicatorTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task AfterTheFinalReportIsApproved_NoIndicatorIsOffered_AndAFormLeftOpenIsRefusedWithTheReason()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var add = $"/rad/hallingdal/indikatorer/ny?plan=Agreement&planId={id}";
        Assert.NotNull(AddButton(await kari.GetPageAsync(AgreementSteps.CouncilUrl(id))));
        var leftOpen = await kari.FormValuesAsync(add, "main form"); // a tab opened before the county decided
        foreach (var (field, value) in IndicatorSteps.Biochar())
        {
            leftOpen[field] = value;
        }

        await FinalReportSteps.ExpectRedirectAsync(await FinalReportSteps.SubmitReportAsync(kari, id));
        await FinalReportSteps.ExpectRedirectAsync(await FinalReportSteps.DecideAsync(sigrid, id, 1, "Approve"));

        Assert.Null(AddButton(await kari.GetPageAsync(AgreementSteps.CouncilUrl(id))));
        var refused = await kari.PostFormAsync(add, leftOpen);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await PortalClient.ReadAsync(refused);
        Assert.Contains("Sluttrapporten for avtalen er godkjent", page.GetElementById("error-summary")!.TextContent);
        Assert.Null(page.QuerySelector("main form[method=post]"));
        Assert.Null((await kari.GetPageAsync(AgreementSteps.CouncilUrl(id))).QuerySelector("[data-testid=agreement-indicators]"));

        await kari.ChooseEnglishAsync();
        var english = await kari.GetAsync(add);
        Assert.Equal(HttpStatusCode.Conflict, english.StatusCode);
        Assert.Contains("The agreement's final report has been approved", (await PortalClient.ReadAsync(english)).GetElementById("error-summary")!.TextContent);
    }

    private static AngleSharp.Dom.IElement? AddButton(AngleSharp.Html.Dom.IHtmlDocument agreementPage) =>
        agreementPage.QuerySelector("#indicators a[href*='/indikatorer/ny']");
}
