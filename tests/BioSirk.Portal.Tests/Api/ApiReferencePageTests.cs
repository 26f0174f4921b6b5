using BioSirk.Portal.Tests.Infrastructure;

namespace BioSirk.Portal.Tests.Api;

public sealed class ApiReferencePageTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task TheReferencePage_IsOpenToAll_AndListsEveryMappedApiRoute_WithItsParametersBodyAndResponses()
    {
        using var anonymous = Portal.CreatePortalClient();

        var page = await anonymous.GetPageAsync("/api");

        var listed = page.QuerySelectorAll("[data-testid=operation-route]").Select(e => e.TextContent.Trim()).ToList();
        var mapped = ApiDocumentTests.MappedApiRoutes(Portal);
        Assert.True(mapped.Count >= 8, string.Join(", ", mapped));
        Assert.Equal(mapped.Order(), listed.Order());
        var draft = page.GetElementById("DraftAgreement")!.TextContent;
        Assert.Contains("Nytt utkast til avtale", draft);
        Assert.Contains("frameAmount", draft);
        Assert.Contains("milestones", draft);
        Assert.Contains("201", draft);
        var status = page.GetElementById("GetAgreementStatus")!.TextContent;
        Assert.Contains("agreementId", status);
        Assert.Contains("AgreementStatusResponse", status);
        Assert.Contains("nextStep", page.GetElementById("type-AgreementStatusResponse")!.TextContent);
        var rules = page.GetElementById("rules")!.TextContent;
        foreach (var term in new[] { "errorsEnglish", "Idempotency-Key", "If-Match", "ETag", "Link", "429", "Retry-After" })
        {
            Assert.Contains(term, rules);
        }

        Assert.Contains("api.access", page.GetElementById("token")!.TextContent);
        Assert.NotNull(page.QuerySelector("footer a[href='/api']"));
    }
}
