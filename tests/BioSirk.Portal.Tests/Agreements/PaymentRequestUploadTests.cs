using System.Net;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;

namespace BioSirk.Portal.Tests.Agreements;

/// <summary>A payment request with the attachments its form allows, and with more, sent as a browser sends it.</summary>
[Collection(KestrelCollection.Name)]
public sealed class PaymentRequestUploadTests(KestrelPortalFactory portal) : IAsyncLifetime
{
    private const int NineMegabytes = 9 * 1024 * 1024;

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task PaymentRequest_WithFourAttachmentsOf9MB_IsSentWithThemAll()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(portal);
        using var _ = kari;
        using var __ = sigrid;

        var response = await SendAsBrowserAsync(kari, id, "Oppstart gjennomført.", Enumerable.Range(1, 4).Select(i => ($"timeliste-{i}.pdf", Pdf(NineMegabytes))));

        await ExpectRedirectAsync(response);
        var page = await sigrid.GetPageAsync(CountyUrl(id));
        Assert.Equal(["timeliste-1.pdf", "timeliste-2.pdf", "timeliste-3.pdf", "timeliste-4.pdf"],
            page.QuerySelectorAll("[data-testid=requests] a[href*=Attachment]").Select(a => a.TextContent).ToArray());
    }

    [Fact]
    public async Task PaymentRequest_WithMoreAttachmentsThanTheFormAllows_SaysSoBesideTheField_AndKeepsTheStatus()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(portal);
        using var _ = kari;
        using var __ = sigrid;

        // Six full files: more than the portal takes in at all. The message, not an error page; nothing is sent.
        var tooLarge = await SendAsBrowserAsync(kari, id, "Oppstart gjennomført.", Enumerable.Range(1, 6).Select(i => ($"timeliste-{i}.pdf", Pdf(NineMegabytes))));
        Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
        var page = await PortalClient.ReadAsync(tooLarge);
        Assert.Equal("Vedleggene er for store til sammen. Legg ved høyst 5 filer på høyst 10 MB hver. Velg filene på nytt.",
            page.GetElementById("RequestForm_Attachments-error")!.TextContent.Trim());
        Assert.Equal("Oppstart gjennomført.", page.FieldValue("RequestForm.StatusText"));
        Assert.NotNull(page.GetElementById("error-summary"));

        // Six small files: the number is what is too much.
        var tooMany = await PortalClient.ReadAsync(await SendAsBrowserAsync(kari, id, "Oppstart gjennomført.",
            Enumerable.Range(1, 6).Select(i => ($"bilag-{i}.pdf", Pdf(1000)))));
        Assert.Equal("Legg ved høyst 5 filer. Samle flere dokumenter i én PDF, og prøv igjen. Velg filene på nytt.",
            tooMany.GetElementById("RequestForm_Attachments-error")!.TextContent.Trim());
        Assert.Equal("Oppstart gjennomført.", tooMany.FieldValue("RequestForm.StatusText"));

        Assert.Null((await sigrid.GetPageAsync(CountyUrl(id))).QuerySelector("[data-testid=requests] a[href*=Attachment]"));
        Assert.NotNull((await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("form[action*=Request]"));
    }

    private static byte[] Pdf(int length)
    {
        var content = new byte[length];
        "%PDF-1.4\n"u8.CopyTo(content);
        return content;
    }

    /// <summary>The request form as a browser sends it: its fields in order, the files, and the hidden fields (the token) last.</summary>
    private static async Task<HttpResponseMessage> SendAsBrowserAsync(PortalClient client, Guid id, string status, IEnumerable<(string Name, byte[] Content)> files) =>
        await client.SendWithFilesAsync(await client.GetPageAsync(CouncilUrl(id)), "form[action*=Request]",
            new() { ["RequestForm.StatusText"] = status }, "attachments", files);
}
