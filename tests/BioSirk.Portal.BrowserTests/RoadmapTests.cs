using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Platform.Seeding;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BioSirk.Portal.BrowserTests;

public sealed class RoadmapTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    [Fact]
    public async Task Secretary_ReadsTheJointRoadmapInEveryView_AndReportsProgressOnHerOwnAction()
    {
        await Portal.WithScopeAsync(sp => sp.GetRequiredService<StrategyDemoSeeder>().SeedAsync());
        await SignInAsync(Demo.HadelandSecretary, "/rad/hadeland");
        await NavigateAsync(Page, () => Page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = "Veikart" }).ClickAsync());
        await CheckAsync();
        var roadmap = new Uri(Page.Url).AbsolutePath;
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Felles veikart for fornybar energi og sirkulære ressurser 2026–2028");
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Vedtak per råd" }).GetByRole(AriaRole.Row, new() { Name = "Gjøvikregionen" }))
            .ToContainTextAsync("Venter på vedtak");

        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Tidslinje" }), roadmap + "/tidslinje");
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Tidslinje for tiltakene i Felles veikart for fornybar energi og sirkulære ressurser 2026–2028" })).ToBeVisibleAsync();

        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Liste" }), roadmap + "/tiltak");
        await Page.GetByLabel("Fase").SelectOptionAsync(new SelectOptionValue { Label = "1 Kartlegging" });
        await NavigateAsync(Page, () => Page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync());
        await CheckAsync();
        await Expect(Page.Locator("tbody tr")).ToHaveCountAsync(3);

        // Ringerike's action: she reads it, and is told whose it is instead of getting a form.
        var follum = Page.GetByRole(AriaRole.Link, new() { Name = "Befaring og samarbeid med biokullfabrikken på Follum" });
        await ClickAndCheckAsync(follum, (await follum.GetAttributeAsync("href"))!);
        await Expect(Page.Locator("[data-testid=not-yours]")).ToContainTextAsync("Dette tiltaket eies av Ringeriksregionen.");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Lagre fremdrift" })).ToHaveCountAsync(0);

        // Her own action: a risk without a comment is explained beside the field; with a comment it is saved.
        await GotoAsync(roadmap + "/tiltak");
        var own = Page.GetByRole(AriaRole.Link, new() { Name = "Læringssamling om industriell symbiose" });
        await ClickAndCheckAsync(own, (await own.GetAttributeAsync("href"))!);
        var actionPath = new Uri(Page.Url).AbsolutePath;
        await Page.GetByLabel("Vurdering").SelectOptionAsync(new SelectOptionValue { Label = "Risiko for forsinkelse" });
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Lagre fremdrift" }), actionPath + "?handler=Progress");
        await Expect(Page.Locator("#Progress_Comment-error")).ToHaveTextAsync("Skriv en kommentar: hva er risikoen eller forsinkelsen, og hva gjøres med den?");
        await Expect(Page.Locator("#error-summary")).ToBeFocusedAsync();
        await Expect(Page.GetByLabel("Vurdering")).ToHaveValueAsync("AtRisk");
        await Page.GetByLabel("Kommentar").FillAsync("Lokalet er ikke bekreftet.");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Lagre fremdrift" }), actionPath);
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Fremdriften er rapportert.");

        await GotoAsync(roadmap + "/oversikt");
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Tiltak med risiko eller forsinkelse" })).ToContainTextAsync("Læringssamling om industriell symbiose");
        await GotoAsync(roadmap + "/versjoner");
        var since = Page.GetByRole(AriaRole.Link, new() { Name = "Endringer siden denne versjonen" });
        await NavigateAsync(Page, () => since.ClickAsync());
        await CheckAsync();
        await Expect(Page.Locator("li.change[data-kind=Added]")).ToContainTextAsync("Biogass fra HRA IKS på Jevnaker som drivstoff");
        await GotoAsync("/rad/hadeland/mine-oppdateringer");
    }

    [Fact]
    public async Task Coordinator_FreezingWithTheDecisionDateHalfTyped_IsStoppedAndToldBesideTheField_NotFrozenWithoutIt()
    {
        await Portal.WithScopeAsync(sp => sp.GetRequiredService<StrategyDemoSeeder>().SeedAsync());
        await SignInAsync(Demo.RingerikeSecretary, "/rad/ringerike");
        await GotoAsync("/rad/ringerike/veikart");
        var versions = new Uri(Page.Url).AbsolutePath + "/versjoner";
        await GotoAsync(versions);
        await Page.GetByLabel("Navn på versjonen").FillAsync("Forslag til fellesmøtet i desember");

        // Only the first part of the date typed: Chromium would post it as empty, and the version be frozen (for good,
        // with notices to every council) without the date the councils are asked to decide by.
        var wanted = Page.GetByLabel("Vedtak ønskes innen");
        await wanted.FocusAsync();
        await Page.Keyboard.TypeAsync("12");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Frys og legg fram" }).ClickAsync();
        await Expect(Page.Locator("#Freeze_DecisionWanted-partial")).ToHaveTextAsync("Datoen er bare delvis fylt ut. Skriv dag, måned og år, eller tøm feltet.");
        await Expect(wanted).ToBeFocusedAsync();
        await Expect(wanted).ToHaveAttributeAsync("aria-describedby", "Freeze_DecisionWanted-partial");
        await CheckAsync();
        Assert.Equal(versions, new Uri(Page.Url).AbsolutePath);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Versjon 2: «Forslag til fellesmøtet i desember»" })).ToHaveCountAsync(0);

        await wanted.FillAsync("2026-12-31");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Frys og legg fram" }), versions);
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Versjon 2: «Forslag til fellesmøtet i desember»" }))
            .ToContainTextAsync("Vedtak ønskes innen 31.12.2026.");
    }

    /// <summary>
    /// The same half date without JavaScript: no script stops the form, so the server must see what was typed. A
    /// browser's own date field would post it as empty, and the version be frozen without the date.
    /// </summary>
    [Fact]
    public async Task Coordinator_WithoutJavaScript_FreezingWithTheDecisionDateHalfTyped_GetsItBackAsTyped_WithTheMessageBesideIt()
    {
        await Portal.WithScopeAsync(sp => sp.GetRequiredService<StrategyDemoSeeder>().SeedAsync());
        await using var context = await Portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Portal.BaseUrl,
            Locale = "nb-NO",
            JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/logg-inn");
        await page.Locator("#Input_Email").FillAsync(Demo.RingerikeSecretary);
        await page.Locator("#Input_Password").FillAsync(DemoDataSeeder.Password);
        await NavigateAsync(page, () => page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Logg inn", Exact = true }).ClickAsync());
        await page.GotoAsync("/rad/ringerike/veikart");
        var versions = new Uri(page.Url).AbsolutePath + "/versjoner";
        await page.GotoAsync(versions);
        await page.GetByLabel("Navn på versjonen").FillAsync("Forslag til fellesmøtet i desember");

        var wanted = page.GetByLabel("Vedtak ønskes innen");
        await wanted.FocusAsync();
        await page.Keyboard.TypeAsync("12");
        await NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Frys og legg fram" }).ClickAsync());

        await Expect(page.Locator("#Freeze_DecisionWanted-error")).ToHaveTextAsync("«12» er ikke en gyldig dato. Skriv datoen som dd.mm.åååå.");
        await Expect(wanted).ToHaveValueAsync("12");
        await Expect(page.GetByLabel("Navn på versjonen")).ToHaveValueAsync("Forslag til fellesmøtet i desember");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Versjon 2: «Forslag til fellesmøtet i desember»" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Coordinator_RenamesAGoal_WithTheEmptyNameExplainedBesideTheField()
    {
        await Portal.WithScopeAsync(sp => sp.GetRequiredService<StrategyDemoSeeder>().SeedAsync());
        await SignInAsync(Demo.RingerikeSecretary, "/rad/ringerike");
        await NavigateAsync(Page, () => Page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = "Veikart" }).ClickAsync());
        await CheckAsync();
        var roadmap = new Uri(Page.Url).AbsolutePath;
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Struktur og datoer" }), roadmap + "/struktur");
        var edit = Page.GetByRole(AriaRole.Link, new() { Name = "Endre Mål 1.2" });
        await ClickAndCheckAsync(edit, (await edit.GetAttributeAsync("href"))!);
        await Expect(Page.Locator("main h2").First).ToHaveTextAsync("Endre mål 1.2");
        await Expect(Page.Locator("[data-testid=not-removable]")).ToContainTextAsync("hører til målet");
        var partPath = new Uri(Page.Url).AbsolutePath;

        await Page.GetByLabel("Navn på målet").FillAsync("");
        await Page.GetByLabel("Beskrivelse").FillAsync("Biokull i landbruk, betong og asfalt.");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }), partPath);
        await Expect(Page.Locator("#Input_Title-error")).ToHaveTextAsync("Skriv et navn.");
        await Expect(Page.Locator("#error-summary")).ToBeFocusedAsync();
        await Expect(Page.GetByLabel("Beskrivelse")).ToHaveValueAsync("Biokull i landbruk, betong og asfalt.");

        await Page.GetByLabel("Navn på målet").FillAsync("Biokull fra sidestrømmer i landbruk og industri");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }), roadmap + "/struktur");
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Målet «Biokull fra sidestrømmer i landbruk og industri» er lagret.");
        await GotoAsync(roadmap);
        await Expect(Page.Locator("main")).ToContainTextAsync("Biokull fra sidestrømmer i landbruk og industri");
    }

    [Fact]
    public async Task Secretary_DeletesHerCouncilsAction_OnlyAfterConfirming()
    {
        await Portal.WithScopeAsync(sp => sp.GetRequiredService<StrategyDemoSeeder>().SeedAsync());
        await SignInAsync(Demo.RingerikeSecretary, "/rad/ringerike");
        await NavigateAsync(Page, () => Page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = "Veikart" }).ClickAsync());
        await CheckAsync();
        var roadmap = new Uri(Page.Url).AbsolutePath;
        await GotoAsync(roadmap + "/tiltak");
        var follum = Page.GetByRole(AriaRole.Link, new() { Name = "Befaring og samarbeid med biokullfabrikken på Follum" });
        await ClickAndCheckAsync(follum, (await follum.GetAttributeAsync("href"))!);

        var confirm = Page.GetByRole(AriaRole.Button, new() { Name = "Ja, slett tiltaket Befaring og samarbeid med biokullfabrikken på Follum" });
        await Expect(confirm).ToBeHiddenAsync();
        await Page.GetByText("Slett tiltaket", new() { Exact = true }).ClickAsync();
        await Expect(confirm).ToBeVisibleAsync();
        await CheckAsync();
        await ClickAndCheckAsync(confirm, roadmap + "/tiltak");
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Tiltaket «Befaring og samarbeid med biokullfabrikken på Follum» er slettet.");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Befaring og samarbeid med biokullfabrikken på Follum" })).ToHaveCountAsync(0);
    }
}
