using System.Net;
using BioSirk.Portal.SharedKernel.Pdf;
using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Reporting.FinalReportSteps;

namespace BioSirk.Portal.Tests.Reporting;

/// <summary>
/// The final report while someone else acts on it: two people (or tabs) at the same moment (made deterministic with a
/// held lock or an uncommitted insert, see <see cref="HeldLocks"/>), a delivered version read after the council went on
/// writing, and a tab left open while an attachment was removed or the agreement rescinded.
/// </summary>
public sealed class FinalReportOtherTabTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly byte[] PdfAttachment = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task TwoWritersSavingAReportNobodyHasSavedYet_AtTheSameMoment_TheSecondIsToldAndKeepsHerText_NotAnError500()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        using var member = await Portal.SignedInAsync(Demo.HallingdalMember);
        var karisForm = await kari.FormValuesAsync(CouncilUrl(id), "form[data-testid=report-form]");
        var membersForm = await member.FormValuesAsync(CouncilUrl(id), "form[data-testid=report-form]");
        karisForm["Input.Activities"] = "Kari sin versjon.";
        membersForm["Input.Activities"] = "Medlemmets versjon.";

        // An uncommitted report of the same agreement: both saves make the report and wait on its unique index.
        var answers = await Portal.AtTheSameMomentAsync(
            """
            INSERT INTO reporting.final_reports ("Id", "AgreementId", "TenantId", "FunderCountyId", "AgreementTitle", "CouncilName", "Stage",
                "Activities", "Results", "Deviations", "UseOfFunds", "FurtherWork", "SubmittedVersions", "ConcurrencyStamp")
            VALUES (gen_random_uuid(), @id, gen_random_uuid(), gen_random_uuid(), '', '', 1, '', '', '', '', '', 0, 'held')
            """,
            () => kari.PostFormAsync($"{CouncilUrl(id)}?handler=Save", karisForm),
            () => member.PostFormAsync($"{CouncilUrl(id)}?handler=Save", membersForm),
            ("id", id));

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Redirect);
        var loser = await PortalClient.ReadAsync(answers.Single(r => r.StatusCode != HttpStatusCode.Redirect));
        Assert.Contains("mens du", loser.GetElementById("error-summary")!.TextContent);
        var typed = answers[0].StatusCode == HttpStatusCode.Redirect ? "Medlemmets versjon." : "Kari sin versjon.";
        Assert.Equal(typed, loser.FieldValue("Input.Activities"));
    }

    [Fact]
    public async Task TheFailedDeliveredPdf_MadeAgainFromTwoTabsAtTheSameMoment_IsOrderedOnce_AndTheOtherIsTold_NotAnError500()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        using var member = await Portal.SignedInAsync(Demo.HallingdalMember);
        await ExpectRedirectAsync(await SubmitReportAsync(kari, id));
        await using (var connection = await Portal.OpenAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            // The delivered version's PDF failed for good (as after the job's last retry; see PdfFailureTests).
            await HeldLocks.ExecuteAsync(connection, tx, """UPDATE reporting.report_pdfs SET "State" = 4, "Attempts" = 4 WHERE "AgreementId" = @id""", ("id", id));
            await tx.CommitAsync();
        }

        var karisTab = await kari.GetPageAsync(CouncilUrl(id));
        var membersTab = await member.GetPageAsync(CouncilUrl(id));

        // An uncommitted PDF numbered 2: both orders take the next number, 2, and wait on the unique index.
        var answers = await Portal.AtTheSameMomentAsync(
            """
            INSERT INTO reporting.report_pdfs ("Id", "ReportId", "AgreementId", "TenantId", "FunderCountyId", "Number", "ContentJson",
                "RequestedByUserId", "RequestedBy", "RequestedAtUtc", "State", "Attempts", "ConcurrencyStamp")
            SELECT gen_random_uuid(), "ReportId", "AgreementId", "TenantId", "FunderCountyId", 2, '', gen_random_uuid(), '', now(), 1, 0, 'held'
            FROM reporting.report_pdfs WHERE "AgreementId" = @id AND "Number" = 1
            """,
            () => kari.SubmitAsync(karisTab, CouncilUrl(id), "form[data-testid=retry-pdf-form]", []),
            () => member.SubmitAsync(membersTab, CouncilUrl(id), "form[data-testid=retry-pdf-form]", []),
            ("id", id));

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Redirect);
        var loser = await PortalClient.ReadAsync(answers.Single(r => r.StatusCode != HttpStatusCode.Redirect));
        Assert.Contains("samme øyeblikk", loser.GetElementById("error-summary")!.TextContent);
        var pdfs = await PdfsAsync(Portal, id);
        Assert.Equal([(1, PdfState.Failed), (2, PdfState.Queued)], pdfs.Select(p => (p.Number, p.State)));
    }

    [Fact]
    public async Task AnAttachmentOfADeliveredVersion_StaysReadableForTheCountyAndTheCouncil_AfterTheCouncilRemovesItFromTheReturnedDraft()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await AttachPdfAsync(kari, id);
        await ExpectRedirectAsync(await SubmitReportAsync(kari, id));
        await ExpectRedirectAsync(await DecideAsync(sigrid, id, 1, "Return", new() { ["Decision.SectionResults"] = "Tallfest resultatet for delmål 2." }));

        // Written again after the return: the old attachment is taken out (to be replaced by a corrected one).
        var returned = await kari.GetPageAsync(CouncilUrl(id));
        await ExpectRedirectAsync(await kari.PostFormAsync(returned.QuerySelector("button[formaction*=RemoveAttachment]")!.GetAttribute("formaction")!,
            PortalClient.FormValues(returned, "form[data-testid=report-form]")));
        Assert.Null((await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=attachments]"));

        // Version 1 as delivered still lists the file; the county (who may have to go back to it) and the council open it.
        var countyLink = (await sigrid.GetPageAsync(CountyUrl(id) + "?versjon=1")).QuerySelector("[data-testid=report-document] a[href*=attachmentId]")!
            .GetAttribute("href")!;
        var forCounty = await sigrid.GetAsync(countyLink.StartsWith('/') ? countyLink : CountyUrl(id) + countyLink);
        Assert.Equal(HttpStatusCode.OK, forCounty.StatusCode);
        Assert.Equal(PdfAttachment, await forCounty.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", forCounty.Content.Headers.ContentType?.MediaType);
        var councilLink = (await kari.GetPageAsync(CouncilUrl(id) + "/forhandsvisning?versjon=1")).QuerySelector("[data-testid=report-document] a[href*=attachmentId]")!
            .GetAttribute("href")!;
        var forCouncil = await kari.GetAsync(councilLink.StartsWith('/') ? councilLink : CouncilUrl(id) + councilLink);
        Assert.Equal(HttpStatusCode.OK, forCouncil.StatusCode);
    }

    [Fact]
    public async Task SavingFromATabLeftOpen_AfterTheAgreementWasRescinded_IsRefusedAndSaysWhy_AndShowsWhatWasTyped()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await PostReportFormAsync(kari, id, "Save"));
        var openTab = await kari.GetPageAsync(CouncilUrl(id));
        await ExpectRedirectAsync(await sigrid.SubmitAsync(AgreementSteps.CountyUrl(id), "form[action*=Breach]",
            new() { ["Breach.Description"] = "Ingen timelister levert", ["Breach.RemedyDeadline"] = "2026-02-27" }));
        Portal.Clock.Set(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await ExpectRedirectAsync(await sigrid.SubmitAsync(AgreementSteps.CountyUrl(id), "form[action*=Rescind]", new() { ["Breach.ConfirmsRescission"] = "true" }));
        var reportPage = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Null(reportPage.QuerySelector("form[data-testid=report-form]")); // the page offers no form, and says why
        Assert.Equal("Avtalen er hevet, så det leveres ingen sluttrapport.", reportPage.QuerySelector("[data-testid=report-next-step]")!.TextContent);
        Assert.Equal("Avtalen er hevet, så det leveres ingen sluttrapport.",
            (await sigrid.GetPageAsync(CountyUrl(id))).QuerySelector("[data-testid=report-next-step]")!.TextContent);

        var form = PortalClient.FormValues(openTab, "form[data-testid=report-form]");
        form["Input.Activities"] = "Skrevet i en fane som sto åpen da avtalen ble hevet.";
        var refused = await PortalClient.ReadAsync(await kari.PostFormAsync($"{CouncilUrl(id)}?handler=Save", form));

        Assert.Contains("Avtalen er hevet", refused.GetElementById("error-summary")?.TextContent ?? "");
        Assert.Contains("Skrevet i en fane som sto åpen da avtalen ble hevet.", refused.QuerySelector("[data-testid=unsaved]")?.TextContent ?? "");
        var stored = (await kari.GetPageAsync(CouncilUrl(id) + "/forhandsvisning")).QuerySelector("[data-testid=report-document]")!.TextContent;
        Assert.DoesNotContain("Skrevet i en fane", stored);
        Assert.Contains("Tolv møter med bedrifter", stored);
    }

    [Fact]
    public async Task AnAttachmentSentFromATabLeftOpen_AfterTheReportWasDelivered_IsRefused_AndLeavesNoFileBehind()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await PostReportFormAsync(kari, id, "Save"));
        var openTab = await kari.GetPageAsync(CouncilUrl(id));
        await ExpectRedirectAsync(await SubmitReportAsync(kari, id));
        var filesBefore = Portal.StoredFileCount();

        var answer = await kari.SendWithFilesAsync(openTab, "form[data-testid=report-form]", CompleteSections, "upload",
            [("kartlegging-2026.pdf", PdfAttachment)], openTab.QuerySelector("button[formaction*=Attach]")!.GetAttribute("formaction"));

        Assert.NotEqual(HttpStatusCode.InternalServerError, answer.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal(filesBefore, Portal.StoredFileCount());
    }

    [Fact]
    public async Task TwoAttachmentsFromTwoTabsAtTheSameMoment_TheOneNotSavedLeavesNoFileBehind()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await PostReportFormAsync(kari, id, "Save"));
        var tabA = await kari.GetPageAsync(CouncilUrl(id));
        var tabB = await kari.GetPageAsync(CouncilUrl(id));
        var attach = tabA.QuerySelector("button[formaction*=Attach]")!.GetAttribute("formaction");
        var filesBefore = Portal.StoredFileCount();

        // Both have stored their file and wait to add it to the report (whose stamp each renews).
        var answers = await Portal.AtTheSameMomentAsync($"SELECT 1 FROM reporting.final_reports WHERE \"AgreementId\" = '{id}' FOR UPDATE",
            () => kari.SendWithFilesAsync(tabA, "form[data-testid=report-form]", CompleteSections, "upload", [("kartlegging-2026.pdf", PdfAttachment)], attach),
            () => kari.SendWithFilesAsync(tabB, "form[data-testid=report-form]", CompleteSections, "upload", [("referat-2026.pdf", PdfAttachment)], attach));

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        var saved = answers.Count(r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(filesBefore + saved, Portal.StoredFileCount());
    }

    [Fact]
    public async Task RemovingAnAttachmentFromATabLeftOpen_AfterItWasRemovedInAnother_SavesTheText_AndSaysItIsRemoved_NotPageNotFound()
    {
        var (kari, sigrid, id) = await AgreementSteps.SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await AttachPdfAsync(kari, id);
        var tabA = await kari.GetPageAsync(CouncilUrl(id));
        var tabB = await kari.GetPageAsync(CouncilUrl(id));
        var remove = tabA.QuerySelector("button[formaction*=RemoveAttachment]")!.GetAttribute("formaction")!;
        var removedInTabA = await kari.PostFormAsync(remove, PortalClient.FormValues(tabA, "form[data-testid=report-form]"));
        await ExpectRedirectAsync(removedInTabA);
        await kari.PageAfterAsync(removedInTabA); // tab A shows its receipt, as a browser follows the redirect

        var fromTabB = PortalClient.FormValues(tabB, "form[data-testid=report-form]");
        fromTabB["Input.FurtherWork"] = "Skrevet i den andre fanen før vedlegget ble fjernet der.";
        var answer = await kari.PostFormAsync(remove, fromTabB);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var page = await kari.PageAfterAsync(answer);
        Assert.Contains(page.QuerySelectorAll("[role=status]"), s => s.TextContent.Contains("Vedlegget er fjernet.", StringComparison.Ordinal));
        Assert.Equal("Skrevet i den andre fanen før vedlegget ble fjernet der.", page.FieldValue("Input.FurtherWork"));
        Assert.Null(page.QuerySelector("[data-testid=attachments]"));
    }

    /// <summary>The council attaches «kartlegging-2026.pdf» to its report, with the sections filled in.</summary>
    private static async Task AttachPdfAsync(PortalClient kari, Guid id)
    {
        var draft = await kari.GetPageAsync(CouncilUrl(id));
        await ExpectRedirectAsync(await kari.SendWithFilesAsync(draft, "form[data-testid=report-form]", CompleteSections, "upload",
            [("kartlegging-2026.pdf", PdfAttachment)], draft.QuerySelector("button[formaction*=Attach]")!.GetAttribute("formaction")));
    }
}
