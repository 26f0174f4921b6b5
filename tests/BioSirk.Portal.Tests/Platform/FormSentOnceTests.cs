using System.Net;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;

namespace BioSirk.Portal.Tests.Platform;

/// <summary>
/// A form the browser sends twice (a double click without JavaScript, a slow network) is carried out once: the
/// second sending goes where the first one went, with a notice. The hours form stands for every POST form.
/// </summary>
public sealed class FormSentOnceTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly Dictionary<string, string> SevenAndAHalf = new()
    {
        ["Hours.Date"] = "2026-01-19", ["Hours.Person"] = "Kari", ["Hours.Activity"] = "Oppstart", ["Hours.Hours"] = "7,5",
    };

    [Fact]
    public async Task TheSameForm_SentTwice_IsSavedOnce_AndTheSecondGoesWhereTheFirstWent_WithANotice()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = sigrid;
        using var __ = kari;
        var page = await kari.GetPageAsync(CouncilUrl(id));

        var first = await kari.SubmitAsync(page, CouncilUrl(id), "form[action*=Hours]", SevenAndAHalf);
        var second = await kari.SubmitAsync(page, CouncilUrl(id), "form[action*=Hours]", SevenAndAHalf);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var after = await kari.PageAfterAsync(second);
        Assert.Equal("Skjemaet ble sendt to ganger, men er lagret bare én gang.", after.QuerySelector("[data-testid=sent-twice]")?.TextContent);
        Assert.Contains("(7,5 t)", after.GetElementById("hours-heading")!.TextContent);
        Assert.Null((await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=sent-twice]")); // said once
    }

    [Fact]
    public async Task TheSameForm_SentTwiceAtOnce_IsSavedOnce()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = sigrid;
        using var __ = kari;
        var page = await kari.GetPageAsync(CouncilUrl(id));

        var answers = await Task.WhenAll(
            kari.SubmitAsync(page, CouncilUrl(id), "form[action*=Hours]", SevenAndAHalf),
            kari.SubmitAsync(page, CouncilUrl(id), "form[action*=Hours]", SevenAndAHalf));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Contains("(7,5 t)", (await kari.GetPageAsync(CouncilUrl(id))).GetElementById("hours-heading")!.TextContent);
    }

    [Fact]
    public async Task TheSameForm_WithOtherContent_IsANewSending()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = sigrid;
        using var __ = kari;
        var page = await kari.GetPageAsync(CouncilUrl(id));

        await ExpectRedirectAsync(await kari.SubmitAsync(page, CouncilUrl(id), "form[action*=Hours]", SevenAndAHalf));
        var changed = await kari.SubmitAsync(page, CouncilUrl(id), "form[action*=Hours]", new(SevenAndAHalf) { ["Hours.Hours"] = "2" });

        var after = await kari.PageAfterAsync(changed);
        Assert.Null(after.QuerySelector("[data-testid=sent-twice]"));
        Assert.Contains("(9,5 t)", after.GetElementById("hours-heading")!.TextContent);
    }

    [Fact]
    public async Task AFormThatCameBackWithErrors_IsCheckedAgain_WhenItIsSentAgain()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = sigrid;
        using var __ = kari;
        var page = await kari.GetPageAsync(CouncilUrl(id));
        var notANumber = new Dictionary<string, string>(SevenAndAHalf) { ["Hours.Hours"] = "sju" };

        var refused = await kari.SubmitAsync(page, CouncilUrl(id), "form[action*=Hours]", notANumber);
        var refusedAgain = await kari.SubmitAsync(page, CouncilUrl(id), "form[action*=Hours]", notANumber);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refusedAgain.StatusCode);
        var again = await PortalClient.ReadAsync(refusedAgain);
        Assert.Equal("Skriv timene som et tall, for eksempel 7,5.", again.FieldError("Hours.Hours"));
        Assert.Null(again.QuerySelector("[data-testid=sent-twice]"));
    }
}
