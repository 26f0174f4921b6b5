using System.Text.RegularExpressions;
using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BioSirk.Portal.BrowserTests;

public sealed class IndicatorTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    [Fact]
    public async Task Secretary_DefinesAnIndicator_RegistersAMeasurement_AndSeesChartAndTable()
    {
        await SignInAsync(Demo.HallingdalSecretary, "/rad/hallingdal");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Indikatorer" }), "/rad/hallingdal/indikatorer");
        await Expect(Page.Locator("[data-testid=empty-state]")).ToContainTextAsync("ingen resultatindikatorer ennå");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Ny indikator" }), "/rad/hallingdal/indikatorer/ny");

        await Page.GetByLabel("Navn på indikatoren").FillAsync("Tonn biokull produsert");
        await Page.GetByLabel(new Regex("^Enhet")).FillAsync("tonn");
        await Page.GetByLabel("Høyere er bedre").CheckAsync();
        await Page.GetByLabel(new Regex("^Utgangsverdi")).FillAsync("100");
        await Page.GetByLabel("Dato for utgangsverdien").FillAsync("2026-01-01");
        var target = Page.GetByLabel("Målverdi");
        await target.FillAsync("100");
        await Page.GetByLabel("Måldato").FillAsync("2026-04-11");
        await Page.GetByLabel("Rapporteres").SelectOptionAsync("Quarterly");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Lagre indikatoren" }), "/rad/hallingdal/indikatorer/ny");

        // The target equal to the baseline: the message stands beside the field, tied to it, and the input is kept.
        const string same = "Målverdien kan ikke være lik utgangsverdien: da er det ingen endring å måle. Skriv inn verdien dere vil nå.";
        await Expect(Page.Locator("#Input_TargetValue-error")).ToHaveTextAsync(same);
        await Expect(target).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(target).ToHaveAccessibleDescriptionAsync(same);
        await Expect(Page.GetByLabel("Navn på indikatoren")).ToHaveValueAsync("Tonn biokull produsert");
        await Expect(Page.Locator("#error-summary")).ToBeFocusedAsync();

        await target.FillAsync("200");
        var response = await NavigateAsync(Page, () => Page.GetByRole(AriaRole.Button, new() { Name = "Lagre indikatoren" }).ClickAsync());
        Assert.Equal(200, response.Status);
        Assert.Matches("^/rad/hallingdal/indikatorer/[0-9a-f-]{36}$", new Uri(Page.Url).PathAndQuery);
        await CheckAsync();
        var url = new Uri(Page.Url).PathAndQuery;
        await Expect(Page.Locator("[data-testid=indicator-status]")).ToHaveTextAsync("Ingen data");

        var form = Page.Locator("form").Filter(new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = "Registrer målingen" }) });
        await form.GetByLabel("Dato").FillAsync("2026-02-20");
        await form.GetByLabel("Verdi (tonn)").FillAsync("140");
        await form.GetByLabel("Kilde").FillAsync("Produksjonsrapport");
        await ClickAndCheckAsync(form.GetByRole(AriaRole.Button, new() { Name = "Registrer målingen" }), url);

        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Målingen er registrert.");
        await Expect(Page.Locator("[data-testid=indicator-status]")).ToHaveTextAsync("Risiko");
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Utvikling over tid" })).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=measurement-rows] tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.Locator("[data-testid=status-explanation]")).ToContainTextAsync(new Regex("10 tonn bak linjen"));

        // The value was wrong: she deletes it from the table, and the form comes back filled with it to correct.
        await Page.GetByText("Rett eller slett").ClickAsync();
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Slett målingen for 20.02.2026" }), url);
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Målingen for 20.02.2026 (140 tonn) er slettet.");
        await Expect(Page.Locator("[data-testid=measurement-rows]")).ToHaveCountAsync(0);
        await Expect(form.GetByLabel("Verdi (tonn)")).ToHaveValueAsync("140");
        await form.GetByLabel("Verdi (tonn)").FillAsync("104");
        await ClickAndCheckAsync(form.GetByRole(AriaRole.Button, new() { Name = "Registrer målingen" }), url);
        await Expect(Page.Locator("[data-testid=measurement-rows] tbody td").Nth(1)).ToHaveTextAsync("104 tonn");
    }

    [Fact]
    public async Task BackAfterSaving_BringsTheFormBackAsFilledIn_DatesToo()
    {
        await SignInAsync(Demo.HallingdalSecretary, "/rad/hallingdal");
        await GotoAsync("/rad/hallingdal/indikatorer/ny");
        await Page.GetByLabel("Navn på indikatoren").FillAsync("Tonn biokull produsert");
        await Page.GetByLabel(new Regex("^Enhet")).FillAsync("tonn");
        await Page.GetByLabel(new Regex("^Utgangsverdi")).FillAsync("100");
        await Page.GetByLabel("Dato for utgangsverdien").FillAsync("2026-01-01");
        await Page.GetByLabel("Målverdi").FillAsync("200");
        await Page.GetByLabel("Måldato").FillAsync("2026-12-31");
        await Page.GetByLabel("Rapporteres").SelectOptionAsync("Quarterly");
        var saved = await NavigateAsync(Page, () => Page.GetByRole(AriaRole.Button, new() { Name = "Lagre indikatoren" }).ClickAsync());
        Assert.Matches("/rad/hallingdal/indikatorer/[0-9a-f-]{36}$", saved.Url);
        await CheckAsync();

        await Page.GoBackAsync();
        await CheckAsync();

        await Expect(Page.GetByLabel("Navn på indikatoren")).ToHaveValueAsync("Tonn biokull produsert");
        await Expect(Page.GetByLabel("Dato for utgangsverdien")).ToHaveValueAsync("2026-01-01");
        await Expect(Page.GetByLabel("Måldato")).ToHaveValueAsync("2026-12-31");
        await Expect(Page.GetByLabel("Måldato")).ToHaveAttributeAsync("type", "date"); // the picker again
    }
}
