using System.Text.RegularExpressions;
using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BioSirk.Portal.BrowserTests;

public sealed class AgreementTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    [Fact]
    public async Task MissionsAgreement_DraftSignRegisterHoursRequestAndPay()
    {
        // Inside the template's period (15.01.2026–31.12.2026), so that the agreement comes into force when signed.
        Portal.Clock.Set(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));

        // Kari, the secretary, drafts the agreement from the template.
        await SignInAsync(Demo.HallingdalSecretary, "/rad/hallingdal");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Avtaler" }),
            "/rad/hallingdal/avtaler");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Ny Missions-avtale" }), "/rad/hallingdal/avtaler/ny");

        var title = Page.GetByLabel("Tittel");
        var organisationNumber = Page.GetByLabel("Rådets organisasjonsnummer");
        await Expect(organisationNumber).ToHaveValueAsync("975576469");
        await Expect(Page.GetByLabel("Bestillernummer")).ToHaveValueAsync("B701010");
        await Expect(Page.GetByLabel("Ramme (kr eks. mva.)")).ToHaveValueAsync("150000");

        // A mistyped organisation number: the message stands beside the field, and what she typed is kept.
        await title.FillAsync("Missions i Hallingdal 2026");
        await organisationNumber.FillAsync("975576468");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Lagre utkastet" }), "/rad/hallingdal/avtaler/ny");

        const string badNumber = "Organisasjonsnummeret må ha 9 siffer og gyldig kontrollsiffer, for eksempel 975 576 469.";
        var error = Page.Locator("#Input_CouncilOrganisationNumber-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToHaveTextAsync(badNumber);
        await Expect(organisationNumber).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(organisationNumber).ToHaveAccessibleDescriptionAsync(new Regex("^" + Regex.Escape(badNumber)));
        await Expect(organisationNumber).ToHaveValueAsync("975576468");
        await Expect(title).ToHaveValueAsync("Missions i Hallingdal 2026");
        await Expect(Page.GetByLabel("Bestillernummer")).ToHaveValueAsync("B701010");
        await Expect(Page.Locator("#error-summary")).ToBeFocusedAsync();
        await Expect(Page.Locator("#error-summary a[href='#Input_CouncilOrganisationNumber']")).ToHaveTextAsync(badNumber);

        await organisationNumber.FillAsync("975576469");
        var councilUrl = await ClickToAgreementAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Lagre utkastet" }), "/rad/hallingdal");
        var id = councilUrl.Split('/').Last();
        var countyUrl = $"/fylke/buskerud/avtaler/{id}";

        await Expect(Page.Locator("h1")).ToHaveTextAsync("Missions i Hallingdal 2026");
        await Expect(Page.Locator("[data-testid=agreement-status]")).ToHaveTextAsync("Utkast");
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Utkastet er lagret.");
        await Expect(Page.Locator("[data-testid=invoice-marking]")).ToContainTextAsync("B701010");

        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Signer for rådet" }), councilUrl);
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Du har signert for rådet. Avtalen gjelder når fylket også har signert.");
        await Expect(Page.Locator("[data-testid=agreement-status]")).ToHaveTextAsync("Utkast");
        await Expect(Page.Locator("#sign")).ToContainTextAsync("Regionrådet for Hallingdal: signert av Kari Nordby");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Signer for rådet" })).ToHaveCountAsync(0);

        // Sigrid, the county officer, at her own computer: the agreement waits for her signature.
        var sigrid = await NewPageInFreshContextAsync();
        await SignInAsync(Demo.BuskerudOfficer, "/fylke/buskerud", sigrid);
        var waiting = sigrid.GetByRole(AriaRole.Region, new() { Name = "Dette venter på deg" })
            .GetByRole(AriaRole.Link, new() { Name = "Regionrådet for Hallingdal har signert «Missions i Hallingdal 2026»: signer for fylket." });
        await ClickAndCheckAsync(waiting, countyUrl, sigrid);

        await ClickAndCheckAsync(sigrid.GetByRole(AriaRole.Button, new() { Name = "Signer for fylket" }), countyUrl, sigrid);
        await Expect(sigrid.Locator("[data-testid=agreement-status]")).ToHaveTextAsync("Signert (i kraft)");
        await Expect(sigrid.GetByRole(AriaRole.Status).First).ToContainTextAsync("Avtalen er signert av begge parter og gjelder fra nå.");
        var atSigning = MilestoneRow(sigrid, "Ved signering");
        await Expect(atSigning).ToContainTextAsync("kr 112 500,00");
        await Expect(atSigning).ToContainTextAsync("kan utbetales");

        // Kari registers hours and sees the spend against the frame; then she asks for the first payment.
        await GotoAsync(councilUrl);
        await Expect(Page.Locator("[data-testid=agreement-status]")).ToHaveTextAsync("Signert (i kraft)");
        await Expect(MilestoneRow(Page, "Ved signering")).ToContainTextAsync("kr 112 500,00");
        var hours = Page.Locator("form").Filter(new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = "Registrer timer" }) });
        await hours.GetByLabel("Dato").FillAsync("2026-01-20");
        await hours.GetByLabel("Person").FillAsync("Kari Nordby");
        await hours.GetByLabel("Aktivitet").FillAsync("Mobilisering av bedrifter");
        await hours.GetByLabel("Timer").FillAsync("7,5");
        await ClickAndCheckAsync(hours.GetByRole(AriaRole.Button, new() { Name = "Registrer timer" }), councilUrl);

        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Timene er registrert.");
        var spend = Page.Locator("[data-testid=spend-table]");
        await Expect(SpendRow(spend, "Timer")).ToContainTextAsync("7,5 t × kr 900,00");
        await Expect(SpendRow(spend, "Timer")).ToContainTextAsync("kr 6 750,00");
        await Expect(SpendRow(spend, "Brukt")).ToContainTextAsync("kr 6 750,00");
        await Expect(Page.Locator("[data-testid=percent-used]")).ToHaveTextAsync("4,5 %");
        await Expect(SpendRow(spend, "Igjen av rammen")).ToContainTextAsync("kr 143 250,00");
        await Expect(Page.Locator("[data-testid=hour-rows] tbody tr")).ToContainTextAsync(["20.01.2026 Kari Nordby Mobilisering av bedrifter 7,5"], new() { UseInnerText = true });

        // A row typed wrong (15 for 1,5) is deleted in two steps: «Slett», then the button that says what goes.
        await hours.GetByLabel("Dato").FillAsync("2026-01-20");
        await hours.GetByLabel("Person").FillAsync("Kari Nordby");
        await hours.GetByLabel("Aktivitet").FillAsync("Rapportskriving");
        await hours.GetByLabel("Timer").FillAsync("15");
        await ClickAndCheckAsync(hours.GetByRole(AriaRole.Button, new() { Name = "Registrer timer" }), councilUrl);
        var wrongRow = Page.Locator("[data-testid=hour-rows] tbody tr").Filter(new() { HasText = "Rapportskriving" });
        await wrongRow.Locator("summary").ClickAsync();
        await CheckAsync();
        await ClickAndCheckAsync(wrongRow.GetByRole(AriaRole.Button, new() { Name = "Ja, slett timene 15 t 20.01.2026, Kari Nordby" }), councilUrl);
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Timeføringen er slettet: 15 t 20.01.2026, Kari Nordby.");
        await Expect(Page.Locator("[data-testid=hour-rows] tbody tr")).ToHaveCountAsync(1);
        await Expect(SpendRow(spend, "Brukt")).ToContainTextAsync("kr 6 750,00");

        var request = Page.Locator("form").Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "Utbetalingsanmodning: Ved signering" }) });
        await request.GetByLabel("Kort status for arbeidet").FillAsync("Oppstart gjennomført.");
        await ClickAndCheckAsync(request.GetByRole(AriaRole.Button, new() { Name = "Send anmodningen til fylket" }), councilUrl);
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Utbetalingsanmodningen er sendt til fylket.");
        await Expect(Page.Locator("[data-testid=requests] tbody tr").First).ToContainTextAsync("Venter på fylket");
        await Expect(MilestoneRow(Page, "Ved signering")).ToContainTextAsync("anmodet");

        // Sigrid approves the request and registers the payment.
        await GotoAsync(countyUrl, sigrid);
        var requests = sigrid.Locator("[data-testid=requests]");
        await Expect(requests.Locator("tbody tr").First).ToContainTextAsync("Oppstart gjennomført.");
        await ClickAndCheckAsync(requests.GetByRole(AriaRole.Button, new() { Name = "Godkjenn" }), countyUrl, sigrid);
        await Expect(sigrid.GetByRole(AriaRole.Status).First).ToContainTextAsync("Anmodningen er godkjent.");
        await Expect(sigrid.Locator("[data-testid=requests] tbody tr").First).ToContainTextAsync("Godkjent");

        var payment = sigrid.Locator("form").Filter(new() { Has = sigrid.GetByRole(AriaRole.Heading, new() { Name = "Registrer betaling: Ved signering" }) });
        await payment.GetByLabel("Betalingsdato").FillAsync("2026-01-27");
        await payment.GetByLabel("Beløp").FillAsync("112 500");
        await payment.GetByLabel("Referanse").FillAsync("BFK-2026-0117");
        await ClickAndCheckAsync(payment.GetByRole(AriaRole.Button, new() { Name = "Registrer betalingen" }), countyUrl, sigrid);

        await Expect(sigrid.GetByRole(AriaRole.Status).First).ToContainTextAsync("Betalingen er registrert.");
        await Expect(sigrid.Locator("[data-testid=payments] tbody tr")).ToContainTextAsync(["27.01.2026 kr 112 500,00 BFK-2026-0117"], new() { UseInnerText = true });
        await Expect(MilestoneRow(sigrid, "Ved signering")).ToContainTextAsync("betalt");
        await Expect(SpendRow(sigrid.Locator("[data-testid=spend-table]"), "Utbetalt så langt")).ToContainTextAsync("kr 112 500,00");
    }

    [Fact]
    public async Task NewAgreement_TheErrorSummarysLinkToThePayments_MovesTheFocusToTheirGroup()
    {
        await SignInAsync(Demo.HallingdalSecretary, "/rad/hallingdal");
        await GotoAsync("/rad/hallingdal/avtaler/ny");
        await Page.GetByLabel("Andel (%)").First.FillAsync("50");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Lagre utkastet" }), "/rad/hallingdal/avtaler/ny");

        await Page.Locator("#error-summary a[href='#Input_Milestones']").ClickAsync();

        // A screen reader says where she is: the group «Utbetalinger», its rule and what is wrong.
        var payments = Page.GetByRole(AriaRole.Group, new() { Name = "Utbetalinger", Exact = true });
        await Expect(payments).ToBeFocusedAsync();
        await Expect(payments).ToHaveAccessibleDescriptionAsync(new Regex("Andelene må til sammen være 100 %.*Nå er summen 75 %"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Utbetalinger", Level = 2 })).ToBeVisibleAsync();
        await CheckAsync();
    }

    [Fact]
    public async Task CountyOfficer_FillsTheTemplateInForTheCouncilSheChooses()
    {
        await SignInAsync(Demo.BuskerudOfficer, "/fylke/buskerud");
        await GotoAsync("/fylke/buskerud/avtaler");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Ny Missions-avtale" }), "/fylke/buskerud/avtaler/ny");
        await Expect(Page.GetByLabel("Rådets organisasjonsnummer")).ToHaveValueAsync("975576469");
        await Expect(Page.GetByLabel("Kontaktperson i fylket")).ToHaveValueAsync("Sigrid Lien");

        var council = Page.GetByLabel("Regionråd", new() { Exact = true });
        await council.SelectOptionAsync(new SelectOptionValue { Label = "Ringeriksregionen" });
        var ringerike = await council.InputValueAsync();
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Fyll ut for dette rådet" }), $"/fylke/buskerud/avtaler/ny?rad={ringerike}");

        await Expect(council).ToHaveValueAsync(ringerike);
        await Expect(Page.Locator("#draft-form")).ToContainTextAsync("Regionrådet: Ringeriksregionen");
        await Expect(Page.GetByLabel("Rådets organisasjonsnummer")).ToHaveValueAsync("");
        await Expect(Page.GetByLabel("Varighet, oppsigelse og heving")).ToContainTextAsync("Ringeriksregionen sikrer at");
    }

    /// <summary>
    /// Clicks a submit button that saves a new agreement, waits for the agreement page it leads to (its id is not known
    /// beforehand), checks it with axe and returns its path.
    /// </summary>
    private async Task<string> ClickToAgreementAndCheckAsync(ILocator target, string prefix)
    {
        var response = await NavigateAsync(Page, () => target.ClickAsync());
        Assert.True(response.Status == 200, $"{response.Request.Method} {response.Url} answered {response.Status}, expected 200.");
        var path = new Uri(Page.Url).PathAndQuery;
        Assert.Matches("^" + Regex.Escape(prefix) + "/avtaler/[0-9a-f-]{36}$", path);
        await CheckAsync();
        return path;
    }

    private static ILocator MilestoneRow(IPage page, string name) =>
        page.Locator("[data-testid=milestones] tbody tr").Filter(new() { Has = page.Locator("td:first-child").GetByText(name, new() { Exact = true }) });

    private static ILocator SpendRow(ILocator table, string heading) =>
        table.Locator("tr").Filter(new() { Has = table.Page.GetByRole(AriaRole.Rowheader, new() { Name = heading, Exact = true }) });
}
