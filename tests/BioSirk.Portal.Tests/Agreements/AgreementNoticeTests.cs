using System.Net;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;

namespace BioSirk.Portal.Tests.Agreements;

/// <summary>What waits for the other party is told to it, under «Varsler» (and by e-mail), with a link to the agreement.</summary>
public sealed class AgreementNoticeTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task EachStepThatWaitsForTheOtherParty_IsNoticedToIt_AndToNobodyElse()
    {
        Portal.Clock.Set(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        using var innlandet = await Portal.SignedInAsync(Demo.InnlandetOfficer);
        var id = await DraftFromTemplateAsync(kari);

        await ExpectRedirectAsync(await SignAsync(kari, CouncilUrl(id)));
        var toSign = Assert.Single(await sigrid.NoticesAsync());
        Assert.Contains("Regionrådet for Hallingdal har signert «", toSign.TextContent);
        Assert.Contains("– ny", toSign.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.Http.GetAsync(toSign.QuerySelector("a")!.GetAttribute("href"))).StatusCode); // not hers
        Assert.Equal(CountyUrl(id), await sigrid.NoticeTargetAsync(toSign));
        Assert.DoesNotContain("– ny", Assert.Single(await sigrid.NoticesAsync()).TextContent); // opened, so read

        await ExpectRedirectAsync(await SignAsync(sigrid, CountyUrl(id)));
        var inForce = Assert.Single(await kari.NoticesAsync());
        Assert.Contains("er signert av begge parter og er i kraft. Send utbetalingsanmodning for «", inForce.TextContent);
        Assert.Contains("(kr 112 500,00)", inForce.TextContent);
        Assert.Equal(CouncilUrl(id), await kari.NoticeTargetAsync(inForce));

        await ExpectRedirectAsync(await SendRequestAsync(kari, id, "Oppstart gjennomført"));
        Assert.Contains("ber om utbetaling av «", await TextOfNoticesAsync(sigrid));

        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Decide]",
            new() { ["Decision.Approve"] = "false", ["Decision.Comment"] = "Legg ved timelisten." }));
        Assert.Matches("har sendt tilbake anmodningen om «[^»]+» for «[^»]+»: Legg ved timelisten\\.", await TextOfNoticesAsync(kari));

        await ExpectRedirectAsync(await SendRequestAsync(kari, id, "Oppstart gjennomført, timelisten er lagt ved"));
        await ApproveRequestAsync(sigrid, id);
        Assert.Contains("har godkjent anmodningen om «", await TextOfNoticesAsync(kari));
        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-01-20", ["Payment.Amount"] = "112 500,00", ["Payment.Reference"] = "BFK-1" }));
        Assert.Contains("Buskerud fylkeskommune har registrert utbetaling av kr 112 500,00 for «", await TextOfNoticesAsync(kari));

        Assert.Equal(4, (await kari.NoticesAsync()).Count); // in force, returned, approved, paid
        Assert.Equal(3, (await sigrid.NoticesAsync()).Count); // to sign, and two requests
        Assert.Empty(await innlandet.NoticesAsync()); // another county hears nothing
    }

    [Fact]
    public async Task TheCountysTask_NamesTheAmountAPaymentRequestAsksFor_UntilItIsPaid()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await SendRequestAsync(kari, id, "Oppstart gjennomført"));
        Assert.Contains($"Regionrådet for Hallingdal har sendt utbetalingsanmodning for «{MissionsTemplate.Title}»: kr 112 500,00.", await CountyTasksAsync(sigrid));

        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Decide]", new() { ["Decision.Approve"] = "true" }));
        Assert.Contains($"Registrer utbetalingen til Regionrådet for Hallingdal for «{MissionsTemplate.Title}»: kr 112 500,00.", await CountyTasksAsync(sigrid));

        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-01-20", ["Payment.Amount"] = "112 500,00", ["Payment.Reference"] = "BFK-1" }));
        Assert.DoesNotContain("112 500,00", await CountyTasksAsync(sigrid));
    }

    [Fact]
    public async Task ANotice_IsShownInTheReadersLanguage_WhileItsEmailIsInBokmal()
    {
        Portal.Clock.Set(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        await kari.ChooseEnglishAsync();
        var id = await DraftFromTemplateAsync(kari);
        await ExpectRedirectAsync(await SignAsync(kari, CouncilUrl(id)));
        await ExpectRedirectAsync(await SignAsync(sigrid, CountyUrl(id)));

        var inForce = Assert.Single(await kari.NoticesAsync()).QuerySelector("a")!.TextContent;
        Assert.Equal($"“{MissionsTemplate.Title}” is signed by both parties and is in force. Send a payment request for “Ved signering” (kr 112 500,00) on the agreement's page.", inForce);
        var toSign = Assert.Single(await sigrid.NoticesAsync()).QuerySelector("a")!.TextContent;
        Assert.Equal($"Regionrådet for Hallingdal har signert «{MissionsTemplate.Title}». Fylket signerer på avtalens side.", toSign);

        var email = Directory.GetFiles(Portal.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Single(m => m.Subject == "Avtalen er i kraft" && m.TextBody!.Contains(CouncilUrl(id), StringComparison.Ordinal));
        Assert.StartsWith($"«{MissionsTemplate.Title}» er signert av begge parter og er i kraft. Send utbetalingsanmodning for «Ved signering» (kr 112 500,00) på avtalens side.", email.TextBody);
    }

    private static async Task<string> CountyTasksAsync(PortalClient officer) =>
        (await officer.GetPageAsync("/fylke/buskerud")).QuerySelector("#todo-heading")!.ParentElement!.TextContent;

    // The notices of one test share the test clock's instant, so their order among themselves is not asserted.
    private static async Task<string> TextOfNoticesAsync(PortalClient client) => string.Join("\n", (await client.NoticesAsync()).Select(n => n.TextContent));
}
