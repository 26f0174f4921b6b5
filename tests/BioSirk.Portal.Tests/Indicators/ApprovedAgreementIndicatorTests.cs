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
        Assert.Contains("Sluttrapporten for avtalen er godkjent", page.QuerySelector("[data-testid=plan-closed]")!.TextContent);
        Assert.Null(page.GetElementById("error-summary")); // nothing on the page can be corrected
        Assert.Null(page.QuerySelector("main form[method=post]"));
        var unsent = page.QuerySelector("[data-testid=unsent]")!.TextContent;
        Assert.Contains("Tonn biokull produsert", unsent); // what she typed, to copy
        Assert.Contains("tonn", unsent);
        var agreementPage = await kari.GetPageAsync(AgreementSteps.CouncilUrl(id));
        Assert.Null(agreementPage.QuerySelector("[data-testid=agreement-indicators]"));
        Assert.Equal("Avtalen har ingen resultatindikatorer.", agreementPage.QuerySelector("#indicators p")!.TextContent.Trim()); // not «ennå»: none will come

        await kari.ChooseEnglishAsync();
        var english = await kari.GetAsync(add);
        Assert.Equal(HttpStatusCode.Conflict, english.StatusCode);
        Assert.Contains("The agreement's final report has been approved", (await PortalClient.ReadAsync(english)).QuerySelector("[data-testid=plan-closed]")!.TextContent);
    }

    private static AngleSharp.Dom.IElement? AddButton(AngleSharp.Html.Dom.IHtmlDocument agreementPage) =>
        agreementPage.QuerySelector("#indicators a[href*='/indikatorer/ny']");
}
