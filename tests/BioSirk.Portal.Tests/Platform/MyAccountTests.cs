using System.Net;
using BioSirk.Portal.Platform.Seeding;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Tests.Meetings;

namespace BioSirk.Portal.Tests.Platform;

public sealed class MyAccountTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task NoticesByEmail_CanBeTurnedOff_TheNoticeStillComesUnderVarsler_AndOthersStillGetTheirEmail()
    {
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        Assert.True((await ola.GetPageAsync("/konto")).QuerySelector("#EmailsNotices")!.HasAttribute("checked"));

        var off = await ola.SubmitAsync("/konto", "form[action*=Emails]", []);
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        var account = await ola.GetPageAsync("/konto");
        Assert.Equal("Du får ikke lenger varslene på e-post. De ligger under Varsler i portalen.", account.QuerySelector("[role=status]")!.TextContent);
        Assert.False(account.QuerySelector("#EmailsNotices")!.HasAttribute("checked"));

        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var meeting = await MeetingSteps.CreateMeetingAsync(kari, "hallingdal", "Rådsmøte i mai", "2026-05-12");
        await MeetingSteps.AddItemAsync(kari, meeting, "Budsjett 2027");
        await MeetingSteps.PublishAsync(kari, meeting);

        Assert.Contains("Du er innkalt til «Rådsmøte i mai»", (await ola.GetPageAsync("/varsler")).QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(Demo.HallingdalMember, NoticeRecipients("Innkalling: Rådsmøte i mai"));
        Assert.Contains(Demo.HallingdalAdmin, NoticeRecipients("Innkalling: Rådsmøte i mai"));

        await ola.SubmitAsync("/konto", "form[action*=Emails]", new() { ["EmailsNotices"] = "true" });
        Assert.True((await ola.GetPageAsync("/konto")).QuerySelector("#EmailsNotices")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task AnEmptyPasswordForm_ListsItsErrorsInTheOrderOfTheFields_EachLinkingToItsField()
    {
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);

        var page = await PortalClient.ReadAsync(await ola.SubmitAsync("/konto", "[data-testid=password-form]", []));

        var links = page.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Input_CurrentPassword", "#Input_Password"], links); // the service checks the new password first
        Assert.Equal("Skriv inn passordet du har nå.", page.QuerySelector("#error-summary li")!.TextContent);
    }

    [Fact]
    public async Task APasswordOfNorwegianSmallLetters_IsAccepted_AndAPastedNovelIsNot()
    {
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var tooLong = new string('x', 128) + "1"; // 129 characters

        var refused = await PortalClient.ReadAsync(await ola.SubmitAsync("/konto", "[data-testid=password-form]", new()
        {
            ["Input.CurrentPassword"] = DemoDataSeeder.Password, ["Input.Password"] = tooLong, ["Input.ConfirmPassword"] = tooLong,
        }));
        Assert.Equal("Passordet kan ha høyst 128 tegn.", refused.FieldError("Input.Password"));
        var noSmallLetter = await PortalClient.ReadAsync(await ola.SubmitAsync("/konto", "[data-testid=password-form]", new()
        {
            ["Input.CurrentPassword"] = DemoDataSeeder.Password, ["Input.Password"] = "ÆØÅ-HYTTE-2026", ["Input.ConfirmPassword"] = "ÆØÅ-HYTTE-2026",
        }));
        Assert.Equal("Passordet må ha minst én liten bokstav.", noSmallLetter.FieldError("Input.Password"));

        var accepted = await ola.SubmitAsync("/konto", "[data-testid=password-form]", new()
        {
            ["Input.CurrentPassword"] = DemoDataSeeder.Password, ["Input.Password"] = "æøåæøåæøå1", ["Input.ConfirmPassword"] = "æøåæøåæøå1",
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        using var again = new PortalClient(Portal.CreateClient(new() { AllowAutoRedirect = false }));
        await again.SignInAsync(Demo.HallingdalMember, "æøåæøåæøå1");
    }

    [Fact]
    public async Task AShortPasswordTypedTwoWays_GetsBothMessagesAtOnce_NotOnePerTry()
    {
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);

        var page = await PortalClient.ReadAsync(await ola.SubmitAsync("/konto", "[data-testid=password-form]", new()
        {
            ["Input.CurrentPassword"] = DemoDataSeeder.Password, ["Input.Password"] = "kort", ["Input.ConfirmPassword"] = "kart",
        }));

        Assert.Contains("Passordet må ha minst 10 tegn.", page.FieldError("Input.Password"));
        Assert.Equal("Passordene er ikke like. Skriv det samme passordet to ganger.", page.FieldError("Input.ConfirmPassword"));

        var same = await PortalClient.ReadAsync(await ola.SubmitAsync("/konto", "[data-testid=password-form]", new()
        {
            ["Input.CurrentPassword"] = DemoDataSeeder.Password, ["Input.Password"] = DemoDataSeeder.Password, ["Input.ConfirmPassword"] = DemoDataSeeder.Password,
        }));
        Assert.Equal("Velg et annet passord enn det du har nå.", same.FieldError("Input.Password"));

        var wrongAndShort = await PortalClient.ReadAsync(await ola.SubmitAsync("/konto", "[data-testid=password-form]", new()
        {
            ["Input.CurrentPassword"] = "feil-passord-1", ["Input.Password"] = "kort", ["Input.ConfirmPassword"] = "kort",
        }));
        Assert.Equal("Passordet du har nå, stemmer ikke. Prøv igjen.", wrongAndShort.FieldError("Input.CurrentPassword"));
        Assert.Contains("Passordet må ha minst 10 tegn.", wrongAndShort.FieldError("Input.Password"));
    }

    [Fact]
    public async Task VarslerAndMyAccount_KeepTheHeaderOfThePlaceSheCameFrom()
    {
        using var twoCouncils = await Portal.SignedInAsync(Demo.TwoCouncilMember);
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);

        // Nothing remembered yet: the way back to each of her places.
        var links = (await twoCouncils.GetPageAsync("/varsler")).QuerySelectorAll("[data-testid=my-places] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/rad/gjovik", "/rad/hadeland"], links.Order().ToList());

        foreach (var (council, name) in new[] { ("gjovik", "Gjøvikregionen"), ("hadeland", "Hadeland") })
        {
            await twoCouncils.GetPageAsync("/rad/" + council);
            foreach (var path in new[] { "/varsler", "/konto" })
            {
                var page = await twoCouncils.GetPageAsync(path);
                Assert.Contains(name, page.QuerySelector("[data-testid=current-place]")!.TextContent);
                Assert.NotNull(page.QuerySelector($"nav a[href='/rad/{council}/moter']"));
                Assert.Null(page.QuerySelector("[data-testid=my-places]"));
            }
        }

        // Someone with one place sees it even when she came straight from an e-mail's link.
        Assert.Equal("Regionrådet for Hallingdal", (await kari.GetPageAsync("/konto")).QuerySelector("[data-testid=current-place]")!.TextContent.Replace("Du er i:", "").Trim());
        var officers = await sigrid.GetPageAsync("/varsler");
        Assert.Contains("Buskerud fylkeskommune", officers.QuerySelector("[data-testid=current-place]")!.TextContent);
        Assert.NotNull(officers.QuerySelector("nav a[href='/fylke/buskerud/avtaler']"));
    }

    private List<string> NoticeRecipients(string subject) =>
        [.. Directory.GetFiles(Portal.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Where(m => m.Subject == subject).SelectMany(m => m.To.Mailboxes.Select(b => b.Address))];
}
