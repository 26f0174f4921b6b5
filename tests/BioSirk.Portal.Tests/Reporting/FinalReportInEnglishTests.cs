using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Reporting.FinalReportSteps;

namespace BioSirk.Portal.Tests.Reporting;

/// <summary>The messages of the final report's rules, read by a secretary and a county officer who chose English.</summary>
public sealed class FinalReportInEnglishTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task ASectionTooLong_IsExplainedInEnglish_AndTheTextIsKept_WithItsNumbersWrittenAsEverywhereElse()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await kari.ChooseEnglishAsync();
        var tooLong = new string('a', 20_001);

        var page = await PortalClient.ReadAsync(await PostReportFormAsync(kari, id, "Save", new() { ["Input.Activities"] = tooLong }));

        Assert.Equal("“Activities carried out” is too long (20 001 characters). It can have at most 20 000 characters; attach long documents instead.",
            page.FieldError("Input.Activities"));
        Assert.Equal(tooLong, page.FieldValue("Input.Activities"));
    }

    [Fact]
    public async Task ARemarkTooLong_IsExplainedInEnglish_NamingTheSectionInEnglish()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await SubmitReportAsync(kari, id));
        await sigrid.ChooseEnglishAsync();

        var page = await PortalClient.ReadAsync(await DecideAsync(sigrid, id, 1, "Return", new()
        {
            ["Decision.Comment"] = new string('b', 4_001),
            ["Decision.SectionDeviations"] = new string('c', 4_002),
        }));

        Assert.Equal("The remark on the report can be at most 4 000 characters (now 4 001).", page.FieldError("Decision.Comment"));
        Assert.Equal("The remark on “Deviations” can be at most 4 000 characters (now 4 002).", page.FieldError("Decision.SectionDeviations"));

        // Returned, the council reads one English sentence, not bokmål fragments put together.
        await ExpectRedirectAsync(await DecideAsync(sigrid, id, 1, "Return", new() { ["Decision.Comment"] = "Tallene i økonomidelen mangler." }));
        await kari.ChooseEnglishAsync();
        var returned = (await kari.GetPageAsync(CouncilUrl(id))).GetElementById("returned-heading")!.TextContent;
        Assert.Matches(@"^The county returned version 1 on \d\d\.\d\d\.\d{4} ", returned);
    }

    [Fact]
    public async Task OneAttachmentTooMany_IsExplainedInEnglish()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await kari.ChooseEnglishAsync();
        for (var i = 1; i <= 20; i++)
        {
            await ExpectRedirectAsync(await AttachAsync(kari, id, $"vedlegg-{i}.pdf"));
        }

        var page = await PortalClient.ReadAsync(await AttachAsync(kari, id, "vedlegg-21.pdf"));

        Assert.Equal("The report already has 20 attachments. Remove one before you attach a new one.", page.GetElementById("Input_Upload-error")?.TextContent.Trim());
    }

    /// <summary>The upload as the browser sends it: the report's form, with the file, to «Last opp».</summary>
    private static async Task<HttpResponseMessage> AttachAsync(PortalClient client, Guid id, string fileName)
    {
        var page = await client.GetPageAsync(CouncilUrl(id));
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in PortalClient.FormValues(page, "form[data-testid=report-form]"))
        {
            content.Add(new StringContent(value), key);
        }

        content.Add(new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray()), "upload", fileName);
        return await client.Http.PostAsync($"{CouncilUrl(id)}?handler=Attach", content);
    }
}
