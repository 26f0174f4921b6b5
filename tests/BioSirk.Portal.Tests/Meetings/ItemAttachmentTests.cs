using System.IO.Compression;
using System.Net;
using AngleSharp.Html.Dom;
using BioSirk.Portal.Meetings.Data;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Spreadsheets;
using BioSirk.Portal.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Meetings.MeetingSteps;

namespace BioSirk.Portal.Tests.Meetings;

/// <summary>Documents attached to agenda items (vedlegg), through the item page's forms and its download link.</summary>
public sealed class ItemAttachmentTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task AFileNamedAsAScript_IsKeptAndDownloadedUnderTheNameOfWhatItsContentIs()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte april", "2026-04-14");
        await AddItemAsync(kari, path, "Budsjett 2027");
        var itemPath = await ItemPathAsync(kari, path, "Budsjett 2027");

        await ExpectRedirectAsync(await UploadAsync(kari, itemPath, "Timeliste-vedlegg.cmd", Pdf(2_000)));
        await ExpectRedirectAsync(await UploadAsync(kari, itemPath, "notat", Docx()));

        var page = await kari.GetPageAsync(itemPath);
        Assert.Equal(["Timeliste-vedlegg.pdf", "notat.docx"], Listed(page).Select(l => l[..l.IndexOf(" (", StringComparison.Ordinal)]).ToArray());
        var disposition = (await kari.GetAsync(DownloadLinks(page)[0])).Content.Headers.ContentDisposition!;
        Assert.Equal("Timeliste-vedlegg.pdf", disposition.FileNameStar ?? disposition.FileName!.Trim('"'));
    }

    [Fact]
    public async Task Secretary_AttachesDocuments_ParticipantsDownloadThemOncePublished_AndTheSecretaryRemovesOne()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte april", "2026-04-14");
        await AddItemAsync(kari, path, "Budsjett 2027");
        var itemPath = await ItemPathAsync(kari, path, "Budsjett 2027");
        var pdf = Pdf(1_258_291); // 1,2 MB
        var xlsx = SpreadsheetWriter.Xlsx([["Post", "Beløp"], ["Flis", 150_000m]], "Budsjett");
        var docx = Docx();

        await ExpectRedirectAsync(await UploadAsync(kari, itemPath, "budsjett 2027.pdf", pdf));
        await ExpectRedirectAsync(await UploadAsync(kari, itemPath, "tall.xlsx", xlsx));
        await ExpectRedirectAsync(await UploadAsync(kari, itemPath, "notat.docx", docx));

        var page = await kari.GetPageAsync(itemPath);
        Assert.Equal("«notat.docx» er lagt ved saken.", page.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal(
            ["budsjett 2027.pdf (1,2 MB · PDF)", $"tall.xlsx ({Norwegian.FileSize(xlsx.Length)} · Excel)", $"notat.docx ({Norwegian.FileSize(docx.Length)} · Word)"],
            Listed(page));
        Assert.EndsWith(" kB", Norwegian.FileSize(docx.Length), StringComparison.Ordinal);
        var pdfLink = DownloadLinks(page)[0];

        // A draft agenda: the attachments are the secretaries' own, like the item.
        Assert.Equal(HttpStatusCode.NotFound, (await ola.GetAsync(pdfLink)).StatusCode);

        await PublishAsync(kari, path);
        var download = await ola.GetAsync(pdfLink);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(FileTypes.Pdf, download.Content.Headers.ContentType!.MediaType);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("budsjett 2027.pdf", disposition.FileNameStar ?? disposition.FileName!.Trim('"'));
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(xlsx, await (await ola.GetAsync(DownloadLinks(await ola.GetPageAsync(itemPath))[1])).Content.ReadAsByteArrayAsync());
        var olaPage = await ola.GetPageAsync(itemPath);
        Assert.Empty(olaPage.QuerySelectorAll("form[data-testid=remove-attachment-form], form[data-testid=attachment-form]"));

        // A participant may neither add nor remove.
        Assert.Equal(HttpStatusCode.Forbidden, (await ola.PostWithTokenAsync(itemPath + "?handler=Attach")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ola.PostWithTokenAsync(RemoveUrl(page, 0))).StatusCode);

        var fileId = await FileIdAsync(AttachmentIdOf(pdfLink));
        var removed = await kari.PostWithTokenAsync(RemoveUrl(page, 0));
        await ExpectRedirectAsync(removed);
        var after = await kari.GetPageAsync(itemPath);
        Assert.Equal("Vedlegget «budsjett 2027.pdf» er fjernet.", after.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal(2, Listed(after).Count);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync(pdfLink)).StatusCode);
        Assert.Null(await Portal.WithScopeAsync(sp => sp.GetRequiredService<IFileStore>().OpenAsync(fileId)));
    }

    [Fact]
    public async Task ACancelledMeeting_KeepsItsAttachments_ARemovalFromATabOpenedBeforeIsRefused()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var itemPath = await ItemOfANewMeetingAsync(kari, "Rådsmøte april", "2026-04-14", "Budsjett 2027");
        var meetingPath = itemPath[..itemPath.IndexOf("/saker/", StringComparison.Ordinal)];
        await ExpectRedirectAsync(await UploadAsync(kari, itemPath, "budsjett.pdf", Pdf(2_000)));
        var openTab = await kari.GetPageAsync(itemPath);
        await PublishAsync(kari, meetingPath);
        await ExpectRedirectAsync(await kari.SubmitAsync(meetingPath + "/avlys", "form[data-testid=cancel-form]",
            new() { ["Reason"] = "Ingen saker å behandle likevel.", ["Confirms"] = "true" }));

        Assert.Empty((await kari.GetPageAsync(itemPath)).QuerySelectorAll("form[data-testid=remove-attachment-form], form[data-testid=attachment-form]"));
        await ExpectRedirectAsync(await kari.PostWithTokenAsync(RemoveUrl(openTab, 0)));

        var after = await kari.GetPageAsync(itemPath);
        Assert.Equal("Møtet er avlyst, så det kan ikke endres lenger.", after.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal(["budsjett.pdf (2 kB · PDF)"], Listed(after));
        Assert.Equal(HttpStatusCode.OK, (await kari.GetAsync(DownloadLinks(after)[0])).StatusCode);
    }

    [Fact]
    public async Task InEnglish_TheReceiptNamesTheFileInEnglish()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var itemPath = await ItemOfANewMeetingAsync(kari, "Rådsmøte april", "2026-04-14", "Budsjett 2027");
        await kari.ChooseEnglishAsync();

        await ExpectRedirectAsync(await UploadAsync(kari, itemPath, "notat.docx", Docx()));

        var page = await kari.GetPageAsync(itemPath);
        Assert.Equal("“notat.docx” has been attached to the item.", page.QuerySelector("[role=status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Upload_IsCheckedByItsContent_AndABadFileGetsAMessageBesideTheField()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var itemPath = await ItemOfANewMeetingAsync(kari, "Rådsmøte mai", "2026-05-05", "Flisfyring i Ål");
        const string wrongType = "Filen er ikke en PDF, JPEG, PNG, Word (.docx) eller Excel (.xlsx) (vi sjekker innholdet, ikke bare navnet). Lagre den i et av disse formatene og prøv igjen.";

        foreach (var (name, content) in new[]
                 {
                     ("program.pdf", "MZ\x90\0 a Windows program"u8.ToArray()),
                     ("makro.docx", Docx(WordprocessingDocumentType.MacroEnabledDocument)),
                     ("arkiv.xlsx", Zip("readme.txt", "bare tekst")),
                     ("side.pdf", "<html><body>ikke PDF</body></html>"u8.ToArray()),
                 })
        {
            var refused = await UploadAsync(kari, itemPath, name, content);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await PortalClient.ReadAsync(refused);
            Assert.Equal(wrongType, page.FieldError("Upload"));
            Assert.Equal("true", page.GetElementById("Upload")!.GetAttribute("aria-invalid"));
            Assert.NotNull(page.GetElementById("error-summary"));
            Assert.NotNull(page.QuerySelector("[data-testid=no-attachments]"));
        }

        var tooLarge = await PortalClient.ReadAsync(await UploadAsync(kari, itemPath, "stor.pdf", Pdf((int)FileTypes.MaxDocumentBytes + 1)));
        Assert.Equal("Filen er større enn 20 MB. Komprimer den eller del den i flere filer, og prøv igjen.", tooLarge.FieldError("Upload"));
        var none = await PortalClient.ReadAsync(await UploadAsync(kari, itemPath, null, []));
        Assert.Equal("Velg en fil å legge ved (PDF, JPEG, PNG, Word (.docx) eller Excel (.xlsx)).", none.FieldError("Upload"));

        // Exactly 20 MB is allowed; the type comes from the content, whatever the name says.
        await ExpectRedirectAsync(await UploadAsync(kari, itemPath, "skanning.png", Pdf((int)FileTypes.MaxDocumentBytes)));
        await ExpectRedirectAsync(await UploadAsync(kari, itemPath, "kart.jpg", Png()));
        // Kept under the names of what they are (a saved download opens by its extension).
        Assert.Equal(["skanning.pdf (20 MB · PDF)", "kart.png (16 byte · PNG-bilde)"], Listed(await kari.GetPageAsync(itemPath)));
    }

    [Fact]
    public async Task Attachments_AreForTheItemsReadersOnly_AnInvitedPersonOfTheCouncilGets404()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        using var hadeland = await Portal.SignedInAsync(Demo.HadelandSecretary);
        var olaId = await OlaIdAsync(kari);
        var response = await PostNewMeetingAsync(kari, "hallingdal", form =>
        {
            Set(form, "Input.Title", "Arbeidsutvalget");
            Set(form, "Input.Date", "2026-06-02");
            Set(form, "Input.Start", "10:00");
            Set(form, "Input.End", "11:00");
            Set(form, "Input.Place", "Gol");
            form.RemoveAll(f => f.Key == "Input.ParticipantIds" && f.Value == olaId);
        });
        await ExpectRedirectAsync(response);
        var path = response.Headers.Location!.OriginalString;
        await AddItemAsync(kari, path, "Personalsak");
        await PublishAsync(kari, path);
        var itemPath = await ItemPathAsync(kari, path, "Personalsak");
        await ExpectRedirectAsync(await UploadAsync(kari, itemPath, "fortrolig.pdf", Pdf(2_000)));
        var link = DownloadLinks(await kari.GetPageAsync(itemPath))[0];

        Assert.Equal(HttpStatusCode.OK, (await kari.GetAsync(link)).StatusCode);
        var notInvited = await ola.GetAsync(itemPath);
        Assert.Equal(HttpStatusCode.NotFound, notInvited.StatusCode); // whether it exists is not told
        var explained = await PortalClient.ReadAsync(notInvited);
        Assert.Equal("Vi finner ikke møtet", explained.QuerySelector("h1")!.TextContent);
        Assert.Contains("be sekretariatet legge deg til", explained.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // An item that is not on the agenda of a meeting she sees is said to be the item, not the meeting.
        var noSuchItem = await kari.GetAsync($"{path}/saker/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, noSuchItem.StatusCode);
        Assert.Equal("Vi finner ikke saken", (await PortalClient.ReadAsync(noSuchItem)).QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await ola.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hadeland.GetAsync(link.Replace("/rad/hallingdal/", "/rad/hadeland/", StringComparison.Ordinal))).StatusCode);
        // Through another item of the same meeting, the attachment is not found either.
        await AddItemAsync(kari, path, "Eventuelt");
        var otherItem = await ItemPathAsync(kari, path, "Eventuelt");
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync(otherItem + link[link.IndexOf('?', StringComparison.Ordinal)..])).StatusCode);
    }

    public static async Task<HttpResponseMessage> UploadAsync(PortalClient client, string itemPath, string? fileName, byte[] bytes)
    {
        var page = await client.GetPageAsync(itemPath);
        var form = (IHtmlFormElement)page.QuerySelector("form[data-testid=attachment-form]")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value), "__RequestVerificationToken" },
        };
        if (fileName is not null)
        {
            content.Add(new ByteArrayContent(bytes), "upload", fileName);
        }

        return await client.Http.PostAsync(form.GetAttribute("action"), content);
    }

    /// <summary>"name (facts)" per listed attachment.</summary>
    private static List<string> Listed(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=attachment]")
            .Select(li => li.QuerySelector("[data-testid=attachment-link]")!.TextContent.Trim() + " " + li.QuerySelector("[data-testid=attachment-facts]")!.TextContent.Trim())
            .ToList();

    private static List<string> DownloadLinks(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=attachment-link]").Select(a => a.GetAttribute("href")!).ToList();

    private static string RemoveUrl(IHtmlDocument page, int index) =>
        page.QuerySelectorAll("form[data-testid=remove-attachment-form]")[index].GetAttribute("action")!;

    private static Guid AttachmentIdOf(string link) => Guid.Parse(link[(link.IndexOf("itemAttachmentId=", StringComparison.Ordinal) + 17)..]);

    private Task<Guid> FileIdAsync(Guid attachmentId) => Portal.WithScopeAsync(async sp =>
        (await sp.GetRequiredService<MeetingsDbContext>().Set<AgendaAttachment>().SingleAsync(a => a.Id == attachmentId)).FileId);

    private static async Task<string> OlaIdAsync(PortalClient secretary)
    {
        var page = await secretary.GetPageAsync("/rad/hallingdal/moter/nytt");
        var label = page.QuerySelectorAll("label").Single(l => l.TextContent.Contains("Ola Bakken", StringComparison.Ordinal));
        return page.GetElementById(label.GetAttribute("for")!)!.GetAttribute("value")!;
    }

    public static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Docx(WordprocessingDocumentType kind = WordprocessingDocumentType.Document)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, kind))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("Notat til rådsmøtet")))));
        }

        return stream.ToArray();
    }

    private static byte[] Zip(string entryName, string text)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
            writer.Write(text);
        }

        return stream.ToArray();
    }
}
