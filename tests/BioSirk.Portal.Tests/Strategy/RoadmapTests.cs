using System.Net;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Strategy.Data;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Strategy.RoadmapSteps;

namespace BioSirk.Portal.Tests.Strategy;

public sealed class RoadmapTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task AdoptionWorkflow_ThreeCouncilsDecide_AndTheRoadmapShowsEachDecision()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        using var anders = await Portal.SignedInAsync(Demo.GjovikSecretary);
        var ringerikePath = await StartRoadmapAsync(jon);
        await AddActionAsync(jon, ringerikePath, "Befaring på Follum");
        var hadelandPath = ringerikePath.Replace("/rad/ringerike/", "/rad/hadeland/", StringComparison.Ordinal);
        await AddActionAsync(marte, hadelandPath, "Kompetanseprogram bioenergi");

        await ExpectRedirectAsync(await jon.SubmitAsync(ringerikePath + "/versjoner", "form[action*=Freeze]", new()
        {
            ["Freeze.Label"] = "Forslag til fellesmøtet",
            ["Freeze.DecisionWanted"] = "2026-05-31",
        }));
        await ExpectRedirectAsync(await jon.SubmitAsync(ringerikePath + "/versjoner", "form[action*=Decision]", new()
        {
            ["Decision.Outcome"] = "Adopted", ["Decision.DecidedOn"] = "2026-03-02", ["Decision.CaseReference"] = "SAK 12/26",
        }));
        await ExpectRedirectAsync(await marte.SubmitAsync(hadelandPath + "/versjoner", "form[action*=Decision]", new()
        {
            ["Decision.Outcome"] = "AdoptedWithChanges", ["Decision.DecidedOn"] = "2026-03-02", ["Decision.CaseReference"] = "SAK 9/26",
            ["Decision.Changes"] = "Biogass tas inn under bioenergi.",
        }));
        var gjovikPath = ringerikePath.Replace("/rad/ringerike/", "/rad/gjovik/", StringComparison.Ordinal);
        await ExpectRedirectAsync(await anders.SubmitAsync(gjovikPath + "/versjoner", "form[action*=Decision]", new()
        {
            ["Decision.Outcome"] = "NotAdopted", ["Decision.DecidedOn"] = "2026-03-02", ["Decision.CaseReference"] = "PS 4/26",
        }));

        var page = await anders.GetPageAsync(gjovikPath);
        var rows = page.QuerySelectorAll("#adoption ~ table tbody tr, section[aria-labelledby=adoption] tbody tr")
            .Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).Distinct().ToList();
        Assert.Contains("Gjøvikregionen | Ikke vedtatt | 02.03.2026 | PS 4/26", rows);
        Assert.Contains("Hadeland | Vedtatt med endringer Biogass tas inn under bioenergi. | 02.03.2026 | SAK 9/26", rows);
        Assert.Contains("Ringeriksregionen | Vedtatt | 02.03.2026 | SAK 12/26", rows);
        var dashboard = await anders.GetPageAsync(gjovikPath + "/oversikt");
        Assert.Equal("Ikke vedtatt i: Gjøvikregionen.", dashboard.QuerySelector("[data-testid=not-adopting]")!.TextContent); // «all have decided» is not «all adopted»
        var notices = await Portal.WithScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().Notifications.CountAsync(n => n.Subject.StartsWith("Veikartet er lagt fram")));
        Assert.Equal(3, notices);
    }

    [Fact]
    public async Task FreezingAgain_WithoutAChange_IsRefused_SoTheCouncilsAreNotAskedTwice()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        var actionPath = await AddActionAsync(jon, basePath, "Befaring på Follum");
        var firstTab = await jon.GetPageAsync(basePath + "/versjoner");
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Freeze]", new() { ["Freeze.Label"] = "Forslag" }));

        // The same form again, from a tab opened before (or a second click): one version, one notice per council.
        var mistyped = await PortalClient.ReadAsync(await jon.SubmitAsync(firstTab, basePath + "/versjoner", "form[action*=Freeze]",
            new() { ["Freeze.Label"] = "Forslag 9999", ["Freeze.DecisionWanted"] = "9999-01-01" }));
        Assert.Equal("Årstallet i 01.01.9999 kan ikke stemme. Skriv en dato mellom 1900 og 2099.", mistyped.FieldError("Freeze.DecisionWanted"));
        Assert.Equal("Forslag 9999", mistyped.FieldValue("Freeze.Label"));
        var again = await PortalClient.ReadAsync(await jon.SubmitAsync(firstTab, basePath + "/versjoner", "form[action*=Freeze]", new() { ["Freeze.Label"] = "Forslag" }));
        Assert.Equal("Veikartet er ikke endret siden versjon 1 «Forslag» ble lagt fram av Jon Aasen. Endre veikartet først hvis rådene skal få en ny versjon.",
            again.GetElementById("error-summary")!.QuerySelector("li")!.TextContent.Trim());
        Assert.Single((await jon.GetPageAsync(basePath + "/versjoner")).QuerySelectorAll("a"), a => a.TextContent == "Les versjonen");

        var form = await jon.FormValuesAsync(actionPath + "/rediger", "main form");
        form["Input.Title"] = "Befaring og råstofftester på Follum";
        await ExpectRedirectAsync(await jon.PostFormAsync(actionPath + "/rediger", form));
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Freeze]", new() { ["Freeze.Label"] = "Forslag 2" }));
        var versions = await jon.GetPageAsync(basePath + "/versjoner");
        Assert.Equal(2, versions.QuerySelectorAll("a").Count(a => a.TextContent == "Les versjonen"));
        // The councils decide on version 2: version 1 no longer waits for them.
        Assert.Contains("Ikke behandlet: erstattet av versjon 2", versions.GetElementById("v-1")!.ParentElement!.TextContent);
        Assert.DoesNotContain("Venter på vedtak", versions.GetElementById("v-1")!.ParentElement!.TextContent);
        Assert.Contains("Venter på vedtak", versions.GetElementById("v-2")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task FrozenVersion_NeverChanges_AndTheChangesPageShowsWhatChangedSince()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        var actionPath = await AddActionAsync(jon, basePath, "Befaring på Follum");
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Freeze]", new() { ["Freeze.Label"] = "Versjon til vedtak" }));

        var form = await jon.FormValuesAsync(actionPath + "/rediger", "main form");
        form["Input.Title"] = "Befaring og råstofftester på Follum";
        form["Input.Phase"] = "SelectionAndMobilisation";
        await ExpectRedirectAsync(await jon.PostFormAsync(actionPath + "/rediger", form));

        var versions = await jon.GetPageAsync(basePath + "/versjoner");
        var versionLink = versions.QuerySelectorAll("a").First(a => a.TextContent == "Les versjonen").GetAttribute("href")!;
        var version = await jon.GetPageAsync(versionLink);
        Assert.Contains("Befaring på Follum", version.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("råstofftester", version.QuerySelector("main")!.TextContent);

        var sinceLink = versions.QuerySelectorAll("a").First(a => a.TextContent == "Endringer siden denne versjonen").GetAttribute("href")!;
        var changes = await jon.GetPageAsync(sinceLink);
        var change = changes.QuerySelector("li.change[data-kind=Changed]")!;
        Assert.Equal("Endringer fra versjon 1 til veikartet slik det er nå", changes.QuerySelector("h1")!.TextContent);
        Assert.Equal("1 endring.", changes.QuerySelector("main p[role=status]")!.TextContent);
        Assert.StartsWith("Endring tiltaket Befaring og råstofftester på Follum", change.TextContent.Trim());
        var fields = change.QuerySelectorAll("tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Contains("Navn | Befaring på Follum | Befaring og råstofftester på Follum", fields);
        Assert.Contains("Fase | 1 Kartlegging | 2 Utvelgelse og mobilisering", fields);

        // In English, what changed and the coded values are said in English; the names stay as written.
        await jon.ChooseEnglishAsync();
        var englishPage = await jon.GetPageAsync(sinceLink);
        Assert.Equal("1 change.", englishPage.QuerySelector("main p[role=status]")!.TextContent);
        var english = englishPage.QuerySelector("li.change[data-kind=Changed]")!;
        Assert.StartsWith("Change the action Befaring og råstofftester på Follum", english.TextContent.Trim());
        var englishFields = english.QuerySelectorAll("tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Contains("Name | Befaring på Follum | Befaring og råstofftester på Follum", englishFields);
        Assert.DoesNotContain(englishFields, f => f.Contains("Kartlegging", StringComparison.Ordinal));

        var refused = await Portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<StrategyDbContext>();
            var stored = await db.Versions.IgnoreQueryFilters().SingleAsync();
            db.Entry(stored).Property(v => v.Label).CurrentValue = "Endret i ettertid";
            return await Record.ExceptionAsync(() => db.SaveChangesAsync());
        });
        Assert.IsType<InvalidOperationException>(refused);
    }

    [Fact]
    public async Task AnotherCouncilsAction_CanBeReadButNotEdited_AndTheAnswerSaysWhose()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        var basePath = await StartRoadmapAsync(jon);
        var actionPath = await AddActionAsync(jon, basePath, "Befaring på Follum");
        var asHadeland = actionPath.Replace("/rad/ringerike/", "/rad/hadeland/", StringComparison.Ordinal);

        var read = await marte.GetPageAsync(asHadeland);
        Assert.Equal("Befaring på Follum", read.QuerySelector("h1")!.TextContent);
        Assert.Contains("eies av Ringeriksregionen", read.QuerySelector("[data-testid=not-yours]")!.TextContent);
        Assert.Null(read.QuerySelector("form[action*=Progress]"));

        var edit = await marte.GetAsync(asHadeland + "/rediger");
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        var editPage = await PortalClient.ReadAsync(edit);
        Assert.Contains("Bare sekretariatet der kan endre det", editPage.QuerySelector("[data-testid=not-yours]")!.TextContent);
        Assert.Null(editPage.QuerySelector("main form"));

        var post = await marte.PostWithTokenAsync(asHadeland + "/rediger", new() { ["Input.Title"] = "Kapret" });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var progress = await marte.PostWithTokenAsync(asHadeland + "?handler=Progress", new() { ["Progress.Status"] = "Done", ["Progress.Judgement"] = "OnTrack" });
        Assert.Equal(HttpStatusCode.Forbidden, progress.StatusCode);
        Assert.Equal("Befaring på Follum", (await jon.GetPageAsync(actionPath)).QuerySelector("h1")!.TextContent);
        Assert.Contains("Ikke startet", (await jon.GetPageAsync(actionPath)).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task TheResponsiblePerson_ReportsProgress_AndARiskNeedsAComment()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        var people = await jon.GetPageAsync(basePath + "/tiltak/ny");
        var per = people.QuerySelectorAll("#Input_ResponsibleUserId option").First(o => o.TextContent == "Per Solberg").GetAttribute("value")!;
        var actionPath = await AddActionAsync(jon, basePath, "Forsøk med biokull", f => f["Input.ResponsibleUserId"] = per);
        Assert.Equal("Ingen ennå", LastReport(await jon.GetPageAsync(actionPath))); // making the action is no report on it

        using var perClient = await Portal.SignedInAsync(Demo.TwoCouncilMember);
        var asHadeland = actionPath.Replace("/rad/ringerike/", "/rad/hadeland/", StringComparison.Ordinal);
        // Not told "you can read it and comment in the meetings" right above the form she is to use.
        Assert.Equal("Dette tiltaket eies av Ringeriksregionen. Bare sekretariatet der kan endre det; som ansvarlig rapporterer du status og fremdrift nedenfor.",
            (await perClient.GetPageAsync(asHadeland)).QuerySelector("[data-testid=not-yours]")!.TextContent);
        await perClient.ChooseEnglishAsync();
        Assert.StartsWith("This action is owned by Ringeriksregionen.", (await perClient.GetPageAsync(asHadeland)).QuerySelector("[data-testid=not-yours]")!.TextContent);
        await perClient.ChooseNorwegianAsync();
        var refused = await perClient.SubmitAsync(asHadeland, "form[action*=Progress]", new()
        {
            ["Progress.Status"] = "InProgress", ["Progress.Judgement"] = "AtRisk", ["Progress.Comment"] = "",
        });
        var page = await PortalClient.ReadAsync(refused);
        Assert.Equal("Skriv en kommentar: hva er risikoen eller forsinkelsen, og hva gjøres med den?", page.FieldError("Progress.Comment"));

        await ExpectRedirectAsync(await perClient.SubmitAsync(asHadeland, "form[action*=Progress]", new()
        {
            ["Progress.Status"] = "InProgress", ["Progress.Judgement"] = "AtRisk", ["Progress.Comment"] = "Råstoffet er forsinket.",
        }));
        var cancelled = await PortalClient.ReadAsync(await perClient.SubmitAsync(asHadeland, "form[action*=Progress]", new()
        {
            ["Progress.Status"] = "Cancelled", ["Progress.Judgement"] = "OnTrack", ["Progress.Comment"] = "",
        }));
        Assert.Equal("Skriv en kommentar: hvorfor avlyses tiltaket? Partnerskapet skal kunne se det.", cancelled.FieldError("Progress.Comment"));
        Assert.Equal("Cancelled", cancelled.QuerySelector("#Progress_Status option[selected]")?.GetAttribute("value")); // the choice is kept

        var tree = await jon.GetPageAsync(basePath);
        var area = tree.QuerySelector(".roadmap-tree > li")!;
        Assert.Contains("1 pågår", area.QuerySelector(".rollup")!.TextContent);
        Assert.Contains("Verst: risiko for forsinkelse", area.QuerySelector(".rollup")!.TextContent);
        Assert.Matches(@"^\d\d\.\d\d\.\d{4} kl\. \d\d:\d\d – Per Solberg", LastReport(await jon.GetPageAsync(actionPath)));
    }

    private static string LastReport(AngleSharp.Html.Dom.IHtmlDocument action) =>
        action.QuerySelectorAll("dt").First(dt => dt.TextContent == "Siste fremdriftsrapport").NextElementSibling!.TextContent.Trim();

    [Fact]
    public async Task TwoSessionsEditingTheSameAction_TheSecondGetsAConflictAndKeepsHerText_AndMaySaveOverIt()
    {
        using var first = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var second = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(first);
        var actionPath = await AddActionAsync(first, basePath, "Befaring på Follum");
        await TwoTabs.SecondIsToldAndMaySaveOverAsync(first, second, actionPath + "/rediger", "main form", "Input.Title", "tiltaket");
        await TwoTabs.SecondIsToldAndMaySaveOverAsync(first, second, actionPath, "form[action*=Progress]", "Progress.Comment", "tiltaket");
        await TwoTabs.SecondIsToldAndMaySaveOverAsync(first, second, basePath + "/struktur", "form[action*=Settings]", "Settings.Description", "veikartet");
        await ExpectRedirectAsync(await first.SubmitAsync(basePath + "/versjoner", "form[action*=Freeze]", new() { ["Freeze.Label"] = "Forslag" }));
        await ExpectRedirectAsync(await first.SubmitAsync(basePath + "/versjoner", "form[action*=Decision]", new()
        {
            ["Decision.Outcome"] = "Adopted", ["Decision.DecidedOn"] = "2026-03-02", ["Decision.CaseReference"] = "SAK 12/26",
        }));
        await TwoTabs.SecondIsToldAndMaySaveOverAsync(first, second, basePath + "/versjoner", "form[action*=Decision]", "Decision.CaseReference", "vedtaket");
    }

    [Fact]
    public async Task ADecisionAdoptedAsItWas_KeepsNoChangesTypedBeforeTheOutcomeWasChosen()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        await AddActionAsync(jon, basePath, "Befaring på Follum");
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Freeze]", new() { ["Freeze.Label"] = "Forslag" }));

        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Decision]", new()
        {
            ["Decision.Outcome"] = "Adopted", ["Decision.DecidedOn"] = "2026-03-02", ["Decision.CaseReference"] = "SAK 12/26",
            ["Decision.Changes"] = "Biogass tas inn under bioenergi.", // typed while «med endringer» was chosen
        }));

        var versions = await jon.GetPageAsync(basePath + "/versjoner");
        Assert.Contains("SAK 12/26", versions.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("Biogass tas inn under bioenergi.", versions.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task BadInput_InTheActionDecisionAndStructureForms_IsExplainedBesideTheFieldAndKept()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        var form = await jon.FormValuesAsync(basePath + "/tiltak/ny", "main form");
        form["Input.Title"] = "Mitt tiltak";
        form["Input.Start"] = "2026-09-01";
        form["Input.End"] = "2026-08-01";
        form["Input.Phase"] = "";
        var action = await PortalClient.ReadAsync(await jon.PostFormAsync(basePath + "/tiltak/ny", form));
        Assert.Equal("Velg målet tiltaket hører til.", action.FieldError("Input.GoalId"));
        Assert.Equal("Sluttdatoen må være samme dag som eller etter startdatoen.", action.FieldError("Input.End"));
        Assert.Equal("Velg utviklingsfase (1–4).", action.FieldError("Input.Phase"));
        Assert.Equal("Mitt tiltak", action.FieldValue("Input.Title"));
        Assert.Equal("01.09.2026", action.FieldValue("Input.Start"));

        await AddActionAsync(jon, basePath, "Befaring på Follum");
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Freeze]", new() { ["Freeze.Label"] = "V1" }));
        var decision = await PortalClient.ReadAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Decision]", new()
        {
            ["Decision.Outcome"] = "AdoptedWithChanges", ["Decision.DecidedOn"] = "2026-04-01", ["Decision.CaseReference"] = "SAK 3/26",
        }));
        Assert.Equal("Vedtaksdatoen kan ikke være fram i tid.", decision.FieldError("Decision.DecidedOn"));
        Assert.Equal("Skriv hvilke endringer rådet vedtok.", decision.FieldError("Decision.Changes"));
        var beforeFrozen = await PortalClient.ReadAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Decision]", new()
        {
            ["Decision.Outcome"] = "Adopted", ["Decision.DecidedOn"] = "2026-03-01", ["Decision.CaseReference"] = "SAK 3/26",
        }));
        Assert.Equal("Vedtaket kan ikke være gjort før versjonen ble lagt fram (02.03.2026).", beforeFrozen.FieldError("Decision.DecidedOn"));
        Assert.Equal("SAK 3/26", decision.FieldValue("Decision.CaseReference"));

        var structure = await PortalClient.ReadAsync(await jon.SubmitAsync(basePath + "/struktur", "form[action*=Settings]", new()
        {
            ["Settings.Title"] = "Felles veikart", ["Settings.PeriodStart"] = "2026-01-01", ["Settings.PeriodEnd"] = "2028-12-31",
            ["Settings.ReportingDates"] = "01.06.2026, 31.02.2027",
        }));
        Assert.Equal("«31.02.2027» er ikke en dato. Skriv datoene som dd.mm.åååå, skilt med komma.", structure.FieldError("Settings.ReportingDates"));
        Assert.Equal("01.06.2026, 31.02.2027", (structure.GetElementById("Settings_ReportingDates") as AngleSharp.Html.Dom.IHtmlTextAreaElement)!.Value);

        // An action lies inside the roadmap's period (01.01.2026–31.12.2028), and the period cannot shrink away from one.
        form["Input.GoalId"] = (await jon.GetPageAsync(basePath + "/tiltak/ny")).QuerySelector("#Input_GoalId option[value]:not([value=''])")!.GetAttribute("value")!;
        form["Input.Start"] = "2025-12-01";
        form["Input.End"] = "2035-01-01";
        form["Input.Phase"] = "Mapping";
        var outside = await PortalClient.ReadAsync(await jon.PostFormAsync(basePath + "/tiltak/ny", form));
        Assert.Equal("Tiltaket kan ikke starte før veikartets periode begynner (01.01.2026–31.12.2028).", outside.FieldError("Input.Start"));
        Assert.Equal("Tiltaket må være ferdig innen veikartets periode slutter (01.01.2026–31.12.2028).", outside.FieldError("Input.End"));
        Assert.Equal("01.01.2035", outside.FieldValue("Input.End"));

        var shrunk = await PortalClient.ReadAsync(await jon.SubmitAsync(basePath + "/struktur", "form[action*=Settings]", new()
        {
            ["Settings.Title"] = "Felles veikart", ["Settings.PeriodStart"] = "2027-01-01", ["Settings.PeriodEnd"] = "2027-06-30",
            ["Settings.ReportingDates"] = "",
        }));
        Assert.Equal("Tiltaket «Befaring på Follum» (01.03.2026–30.06.2027) ligger utenfor den nye perioden. "
            + "Flytt tiltaket først, eller velg en periode som rommer det.", shrunk.FieldError("Settings.PeriodStart"));

        // With the period's end before its start, the reporting dates are not measured against it.
        var reversed = await PortalClient.ReadAsync(await jon.SubmitAsync(basePath + "/struktur", "form[action*=Settings]", new()
        {
            ["Settings.Title"] = "Felles veikart", ["Settings.PeriodStart"] = "2028-12-31", ["Settings.PeriodEnd"] = "2026-01-01",
            ["Settings.ReportingDates"] = "01.12.2026",
        }));
        Assert.Equal("Slutten må være etter starten.", reversed.FieldError("Settings.PeriodEnd"));
        Assert.Null(reversed.FieldError("Settings.ReportingDates"));

        // A period of 0001–9999 is a typing error, not a roadmap (it made the timeline one grey band).
        var endless = await PortalClient.ReadAsync(await jon.SubmitAsync(basePath + "/struktur", "form[action*=Settings]", new()
        {
            ["Settings.Title"] = "Felles veikart", ["Settings.PeriodStart"] = "0001-01-01", ["Settings.PeriodEnd"] = "9999-12-31",
            ["Settings.ReportingDates"] = "01.12.2150",
        }));
        Assert.Equal("Årstallet i 01.01.0001 kan ikke stemme. Skriv en dato mellom 1900 og 2099.", endless.FieldError("Settings.PeriodStart"));
        Assert.Equal("Årstallet i 31.12.9999 kan ikke stemme. Skriv en dato mellom 1900 og 2099.", endless.FieldError("Settings.PeriodEnd"));
        Assert.Equal("Årstallet i 01.12.2150 kan ikke stemme. Skriv en dato mellom 1900 og 2099.", endless.FieldError("Settings.ReportingDates"));
    }

    [Fact]
    public async Task BadInput_WhenStartingARoadmap_AddingAreasAndGoals_AndFreezing_IsExplainedBesideTheField()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var partnershipId = (await jon.FormValuesAsync("/rad/ringerike/veikart", "main form"))["Input.PartnershipId"];
        var start = await PortalClient.ReadAsync(await jon.SubmitAsync("/rad/ringerike/veikart", "main form", new()
        {
            ["Input.PartnershipId"] = partnershipId, ["Input.Title"] = "", ["Input.PeriodStart"] = "2026-06-01", ["Input.PeriodEnd"] = "2026-01-01",
            ["Input.ReportingDates"] = "01.03.2029",
        }));
        Assert.Equal("Skriv et navn.", start.FieldError("Input.Title"));
        Assert.Equal("Slutten må være etter starten.", start.FieldError("Input.PeriodEnd"));
        Assert.Equal("01.06.2026", start.FieldValue("Input.PeriodStart"));

        var basePath = await StartRoadmapAsync(jon);
        var area = await PortalClient.ReadAsync(await jon.SubmitAsync(basePath + "/struktur", "form[action*=Area]", new() { ["Area.AreaTitle"] = " " }));
        Assert.Equal("Skriv et navn.", area.FieldError("Area.AreaTitle"));
        var pasted = new string('x', 4_001);
        var longArea = await PortalClient.ReadAsync(await jon.SubmitAsync(basePath + "/struktur", "form[action*=Area]", new() { ["Area.AreaTitle"] = "Biokull", ["Area.AreaDescription"] = pasted }));
        Assert.Equal("Beskrivelsen kan være på høyst 4 000 tegn (nå 4 001).", longArea.FieldError("Area.AreaDescription"));
        Assert.Equal(pasted, longArea.FieldValue("Area.AreaDescription"));
        var goal = await PortalClient.ReadAsync(await jon.SubmitAsync(basePath + "/struktur", "form[action*=Goal]", new()
        {
            ["NewGoal.FocusAreaId"] = "", ["NewGoal.GoalTitle"] = "Mål uten område",
        }));
        Assert.Equal("Velg satsingsområdet målet hører til.", goal.FieldError("NewGoal.FocusAreaId"));
        Assert.Equal("Mål uten område", goal.FieldValue("NewGoal.GoalTitle"));

        var empty = await PortalClient.ReadAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Freeze]", new()
        {
            ["Freeze.Label"] = "", ["Freeze.DecisionWanted"] = "2026-01-01",
        }));
        Assert.Equal("Gi versjonen et navn, for eksempel «Forslag til fellesmøtet mai 2026».", empty.FieldError("Freeze.Label"));
        Assert.Equal("Fristen for vedtak kan ikke være passert.", empty.FieldError("Freeze.DecisionWanted"));
        Assert.Contains("Veikartet har ingen tiltak ennå", empty.GetElementById("error-summary")!.TextContent);

        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        var asHadeland = basePath.Replace("/rad/ringerike/", "/rad/hadeland/", StringComparison.Ordinal);
        var notCoordinator = await marte.GetAsync(asHadeland + "/struktur");
        Assert.Equal(HttpStatusCode.Forbidden, notCoordinator.StatusCode);
        Assert.Contains("Bare sekretariatet i Ringeriksregionen", (await PortalClient.ReadAsync(notCoordinator)).QuerySelector("[data-testid=not-yours]")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await marte.PostWithTokenAsync(asHadeland + "/struktur?handler=Area", new() { ["Area.AreaTitle"] = "Kapret" })).StatusCode);
    }

    [Fact]
    public async Task ListFilters_ByCouncilPhaseStatusAndFocusArea()
    {
        await SeedDemoRoadmapAsync(Portal);
        var councils = await CouncilIdsAsync(Portal);
        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        var roadmap = (await marte.GetAsync("/rad/hadeland/veikart")).Headers.Location!.OriginalString;

        async Task<List<string>> TitlesAsync(string query) =>
            (await marte.GetPageAsync(roadmap + "/tiltak" + query)).QuerySelectorAll("tbody th a").Select(a => a.TextContent).Order().ToList();

        Assert.Equal(9, (await TitlesAsync("")).Count);
        // Gjøvikregionen owns three actions and collaborates on four.
        Assert.Equal(7, (await TitlesAsync($"?rad={councils["gjovik"]}&fase=&status=")).Count);
        Assert.Equal(["Befaring og samarbeid med biokullfabrikken på Follum", "Kartlegging av sidestrømmer i Gjøvikregionen"],
            await TitlesAsync($"?rad={councils["gjovik"]}&fase=Mapping"));
        Assert.Equal(["Forsøk med biokull i landbruket"], await TitlesAsync($"?rad={councils["gjovik"]}&fase=Implementation"));
        Assert.Equal(["Befaring og samarbeid med biokullfabrikken på Follum", "Kartlegging av sidestrømmer i Gjøvikregionen", "Kompetanseprogram bioenergi med BIOREG Hadeland"],
            await TitlesAsync("?status=InProgress"));
        var page = await marte.GetPageAsync(roadmap + "/tiltak");
        var textiles = page.QuerySelectorAll("#omrade option").First(o => o.TextContent.Contains("Tekstiler")).GetAttribute("value");
        Assert.Equal(["Re:Tekstil – innsamling og sortering i Krødsherad"], await TitlesAsync($"?omrade={textiles}"));
    }

    [Fact]
    public async Task TheActionList_OfARoadmapWithoutActions_SaysSoAndLinksToANewAction_NotThatAFilterMatchesNothing()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);

        var empty = (await jon.GetPageAsync(basePath + "/tiltak")).QuerySelector("[data-testid=no-actions]")!;
        Assert.StartsWith("Veikartet har ingen tiltak ennå.", empty.TextContent.Trim());
        Assert.Equal(basePath + "/tiltak/ny", empty.QuerySelector("a")!.GetAttribute("href"));

        await AddActionAsync(jon, basePath, "Befaring på Follum");
        var filtered = await jon.GetPageAsync(basePath + "/tiltak?status=Done");
        Assert.Null(filtered.QuerySelector("[data-testid=no-actions]"));
        Assert.Contains("Ingen tiltak passer med filteret.", filtered.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // One action is one, in either language.
        Assert.Equal("Ett tiltak vises.", (await jon.GetPageAsync(basePath + "/tiltak")).QuerySelector("[data-testid=actions-shown]")!.TextContent.Trim());
        await jon.ChooseEnglishAsync();
        Assert.Equal("1 action shown.", (await jon.GetPageAsync(basePath + "/tiltak")).QuerySelector("[data-testid=actions-shown]")!.TextContent.Trim());
        await AddActionAsync(jon, basePath, "Kartlegging av sidestrømmer");
        Assert.Equal("2 actions shown.", (await jon.GetPageAsync(basePath + "/tiltak")).QuerySelector("[data-testid=actions-shown]")!.TextContent.Trim());
    }

    [Fact]
    public async Task TimelineAndTree_ShowEveryAction_WithATableAlternative()
    {
        await SeedDemoRoadmapAsync(Portal);
        using var anders = await Portal.SignedInAsync(Demo.GjovikSecretary);
        var roadmap = (await anders.GetAsync("/rad/gjovik/veikart")).Headers.Location!.OriginalString;
        var timeline = await anders.GetPageAsync(roadmap + "/tidslinje");
        var svg = timeline.QuerySelector("svg.timeline")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal(9, svg.QuerySelectorAll("rect title").Length);
        Assert.Equal(9, timeline.QuerySelectorAll("#timeline-table ~ div tbody tr").Length);

        var tree = await anders.GetPageAsync(roadmap);
        var symbiosis = tree.QuerySelectorAll(".roadmap-tree > li").First(li => li.QuerySelector("h3")!.TextContent.Contains("Industriell symbiose"));
        Assert.Contains("2 ikke startet", symbiosis.QuerySelector(".rollup")!.TextContent);
        Assert.Contains("1 pågår", symbiosis.QuerySelector(".rollup")!.TextContent);
        Assert.Contains("Verst: risiko for forsinkelse", symbiosis.QuerySelector(".rollup")!.TextContent);
    }

    [Fact]
    public async Task ACouncilOutsideThePartnership_GetsNotFound_ForTheRoadmapAndItsActions()
    {
        await SeedDemoRoadmapAsync(Portal);
        using var anders = await Portal.SignedInAsync(Demo.GjovikSecretary);
        var roadmap = (await anders.GetAsync("/rad/gjovik/veikart")).Headers.Location!.OriginalString;
        var asHallingdal = roadmap.Replace("/rad/gjovik/", "/rad/hallingdal/", StringComparison.Ordinal);
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);

        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync(asHallingdal)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync(asHallingdal + "/tidslinje")).StatusCode);
        var empty = await kari.GetPageAsync("/rad/hallingdal/veikart");
        Assert.Contains("ikke med i noe partnerskap", empty.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task AnAction_IsLinkedToItsCouncilsAgreement_ButNotToAnotherCouncilsAgreement()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        var actionPath = await AddActionAsync(jon, basePath, "Befaring på Follum");
        var councils = await CouncilIdsAsync(Portal);
        var own = await AgreementOfAsync(councils["ringerike"]);
        var foreign = await AgreementOfAsync(councils["hallingdal"]);

        var refused = await PortalClient.ReadAsync(await jon.SubmitAsync(actionPath, "form[action*=Link]", new() { ["LinkTarget"] = $"Agreement:{foreign}" }));
        Assert.Equal("Velg en avtale eller en indikator fra listen.", refused.FieldError("LinkTarget"));
        // The summary sits under the page's heading, not inside the progress report's section further down.
        Assert.Null(refused.GetElementById("error-summary")!.Closest("section"));
        Assert.Equal("H1", refused.GetElementById("error-summary")!.PreviousElementSibling!.TagName);

        await ExpectRedirectAsync(await jon.SubmitAsync(actionPath, "form[action*=Link]", new() { ["LinkTarget"] = $"Agreement:{own}" }));
        var page = await jon.GetPageAsync(actionPath);
        var link = page.QuerySelector("section[aria-labelledby=links] li a")!;
        Assert.Equal($"/rad/ringerike/avtaler/{own}", link.GetAttribute("href"));

        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        var asHadeland = actionPath.Replace("/rad/ringerike/", "/rad/hadeland/", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await marte.PostWithTokenAsync(asHadeland + "?handler=Unlink", new() { ["LinkTarget"] = $"Agreement:{own}" })).StatusCode);

        await ExpectRedirectAsync(await jon.SubmitAsync(actionPath, "form[action*=Unlink]", new()));
        Assert.Contains("ikke koblet til", (await jon.GetPageAsync(actionPath)).QuerySelector("section[aria-labelledby=links]")!.TextContent);
    }

    private Task<Guid> AgreementOfAsync(Guid councilId) => Portal.WithScopeAsync(async sp =>
    {
        using var scope = sp.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(councilId));
        return (await Agreements.VictimAgreement.CreateAsync(sp, councilId)).AgreementId;
    });

    [Fact]
    public async Task AGoalIndicator_MadeFromTheRoadmap_ShowsUnderItsGoal_AndOnTheDashboardWhenBehind()
    {
        var goals = await SeedDemoRoadmapAsync(Portal);
        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        var roadmap = (await marte.GetAsync("/rad/hadeland/veikart")).Headers.Location!.OriginalString;
        var tree = await marte.GetPageAsync(roadmap);
        var newLink = tree.QuerySelectorAll("a").First(a => a.TextContent.StartsWith("Ny indikator for målet", StringComparison.Ordinal)
                                                            && a.TextContent.Contains(goals[0].Title)).GetAttribute("href")!;
        Assert.Equal($"/rad/hadeland/indikatorer/ny?plan=RoadmapGoal&planId={goals[0].GoalId}", newLink);

        var created = await marte.SubmitAsync(newLink, "main form", Indicators.IndicatorSteps.Biochar());
        await ExpectRedirectAsync(created);
        var indicator = created.Headers.Location!.OriginalString;
        await ExpectRedirectAsync(await marte.SubmitAsync(indicator, "form#register-measurement", new()
        {
            ["Measurement.Date"] = "2026-03-01", ["Measurement.Value"] = "110",
        }));

        using var anders = await Portal.SignedInAsync(Demo.GjovikSecretary);
        var asGjovik = roadmap.Replace("/rad/hadeland/", "/rad/gjovik/", StringComparison.Ordinal);
        var goalItem = (await anders.GetPageAsync(asGjovik)).QuerySelectorAll(".roadmap-tree li li")
            .First(li => li.QuerySelector("h4")!.TextContent.Contains(goals[0].Title));
        Assert.Contains("Tonn biokull produsert Ikke i rute", goalItem.TextContent.Replace("\n", " ").Replace("  ", " "));
        var behind = (await anders.GetPageAsync(asGjovik + "/oversikt")).QuerySelector("section[aria-labelledby=indicators-behind]")!;
        Assert.Contains("Tonn biokull produsert", behind.TextContent);
        Assert.Contains("Ikke i rute", behind.TextContent);
    }

    [Fact]
    public async Task EveryChange_IsInTheAuditLog()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var basePath = await StartRoadmapAsync(jon);
        var actionPath = await AddActionAsync(jon, basePath, "Befaring på Follum");
        await ExpectRedirectAsync(await jon.SubmitAsync(actionPath, "form[action*=Progress]", new()
        {
            ["Progress.Status"] = "InProgress", ["Progress.Judgement"] = "OnTrack",
        }));
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Freeze]", new() { ["Freeze.Label"] = "V1" }));
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Decision]", new()
        {
            ["Decision.Outcome"] = "Adopted", ["Decision.DecidedOn"] = "2026-03-02", ["Decision.CaseReference"] = "SAK 1/26",
        }));
        await ExpectRedirectAsync(await jon.SubmitAsync(basePath + "/versjoner", "form[action*=Decision]", new()
        {
            ["Decision.Outcome"] = "NotAdopted", ["Decision.DecidedOn"] = "2026-03-02", ["Decision.CaseReference"] = "SAK 1/26",
        }));

        var audited = (await Portal.WithScopeAsync(async sp => await sp.GetRequiredService<PlatformDbContext>().AuditEntries
            .Where(e => e.UserName == "Jon Aasen").Select(e => new { e.EntityType, e.Action }).ToListAsync()))
            .Select(e => $"{e.EntityType}:{e.Action}").ToList();
        Assert.Contains("Roadmap:Created", audited);
        Assert.Contains("FocusArea:Created", audited);
        Assert.Contains("Goal:Created", audited);
        Assert.Contains("RoadmapAction:Created", audited);
        Assert.Contains("RoadmapAction:Updated", audited);
        Assert.Contains("RoadmapVersion:Created", audited);
        Assert.Contains("AdoptionDecision:Created", audited);
        Assert.Contains("AdoptionDecision:Updated", audited);

        // The host's change log says the codes in words.
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        var log = System.Text.RegularExpressions.Regex.Replace((await host.GetPageAsync("/vert/logg?type=AdoptionDecision")).QuerySelector("[data-testid=audit-table]")!.TextContent, @"\s+", " ");
        Assert.Contains("Utfallvedtattikke vedtatt", log); // the cells of the row Utfall: before, after
        Assert.DoesNotContain("NotAdopted", log);
        var progress = (await host.GetPageAsync("/vert/logg?type=RoadmapAction")).QuerySelector("[data-testid=audit-table]")!.TextContent;
        Assert.Contains("pågår", progress);
        Assert.DoesNotContain("InProgress", progress);
    }
}
