using System.Net;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;

namespace BioSirk.Portal.Tests.Platform;

public sealed class HostAdministrationTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task CreateCouncil_WithBadOrganisationNumberAndTakenSlug_ExplainsBothAndKeepsTheInput()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);

        var response = await host.SubmitAsync("/vert/rad/nytt", "main form", new()
        {
            ["Input.Name"] = "Regionrådet for Numedal",
            ["Input.Slug"] = "hallingdal",
            ["Input.OrganisationNumber"] = "975 576 468",
            ["Input.AdminName"] = "Åse Ødegård",
            ["Input.AdminEmail"] = "ase@numedal.no",
        });

        var page = await PortalClient.ReadAsync(response);
        Assert.Contains("9 siffer og gyldig kontrollsiffer", page.FieldError("Input.OrganisationNumber"));
        Assert.Contains("«hallingdal» er allerede i bruk", page.FieldError("Input.Slug"));
        Assert.Equal("975 576 468", page.FieldValue("Input.OrganisationNumber"));

        // The same council a second time, under another short name: refused by its name and by its number.
        var again = await PortalClient.ReadAsync(await host.SubmitAsync("/vert/rad/nytt", "main form", new()
        {
            ["Input.Name"] = "regionrådet for hallingdal",
            ["Input.Slug"] = "hallingdal2",
            ["Input.OrganisationNumber"] = "975 576 469",
            ["Input.AdminName"] = "Åse Ødegård",
            ["Input.AdminEmail"] = "ase@hallingdal.no",
        }));
        Assert.Equal("Et råd med navnet «regionrådet for hallingdal» finnes allerede i portalen.", again.FieldError("Input.Name"));
        Assert.Equal("Organisasjonsnummeret er allerede registrert på Regionrådet for Hallingdal.", again.FieldError("Input.OrganisationNumber"));
        Assert.Equal("Åse Ødegård", page.FieldValue("Input.AdminName"));
    }

    [Fact]
    public async Task CreateCouncil_InvitesItsFirstAdminWhoCanThenAdministerIt()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);

        var response = await host.SubmitAsync("/vert/rad/nytt", "main form", new()
        {
            ["Input.Name"] = "Regionrådet for Numedal",
            ["Input.Slug"] = "numedal",
            ["Input.OrganisationNumber"] = "923 456 783",
            ["Input.AdminName"] = "Åse Ødegård",
            ["Input.AdminEmail"] = "ase@numedal.no",
        });

        var page = await host.PageAfterAsync(response);
        var link = new Uri(page.QuerySelector("[data-testid=invitation-link]")!.TextContent).AbsolutePath;
        using var ase = Portal.CreatePortalClient();
        await ase.SubmitAsync(link, "main form",
            new() { ["Input.FullName"] = "Åse Ødegård", ["Input.Password"] = "numedal-passord-1", ["Input.ConfirmPassword"] = "numedal-passord-1" });
        Assert.Equal(HttpStatusCode.OK, (await ase.GetAsync("/rad/numedal/admin/medlemmer")).StatusCode);
        Assert.Contains("Regionrådet for Numedal", (await host.GetPageAsync("/vert")).Body!.TextContent);
    }

    [Fact]
    public async Task CreateCounty_InvitesAnOfficerWhoSeesTheCounty()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);

        var page = await host.PageAfterAsync(await host.SubmitAsync("/vert/fylker/nytt", "main form", new()
        {
            ["Input.Name"] = "Østfold fylkeskommune",
            ["Input.Slug"] = "ostfold",
            ["Input.OfficerName"] = "Tor Ås",
            ["Input.OfficerEmail"] = "tor@ostfold.no",
        }));

        Assert.StartsWith("Opprettet. Invitasjonen til den første fylkesrådgiveren er", page.QuerySelector("[role=status] p")!.TextContent.Trim());
        var link = new Uri(page.QuerySelector("[data-testid=invitation-link]")!.TextContent).AbsolutePath;
        using var tor = Portal.CreatePortalClient();
        await tor.SubmitAsync(link, "main form",
            new() { ["Input.FullName"] = "Tor Ås", ["Input.Password"] = "ostfold-passord-1", ["Input.ConfirmPassword"] = "ostfold-passord-1" });
        var county = await tor.GetPageAsync("/fylke/ostfold");
        Assert.Contains("Østfold fylkeskommune", county.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task CreatePartnership_NeedsAtLeastTwoCouncils()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        var form = await host.GetPageAsync("/vert/partnerskap/nytt");
        var hallingdalId = form.QuerySelectorAll("input[name='Input.TenantIds']")
            .First(i => form.QuerySelector($"label[for='{i.Id}']")!.TextContent.Contains("Hallingdal")).GetAttribute("value")!;

        var refused = await PortalClient.ReadAsync(await host.SubmitAsync("/vert/partnerskap/nytt", "main form",
            new() { ["Input.Name"] = "Buskerud-samarbeidet", ["Input.Slug"] = "buskerud-samarbeid", ["Input.TenantIds"] = hallingdalId }));

        Assert.Contains("minst to råd", refused.GetElementById("Input_TenantIds-error")!.TextContent);
        Assert.Equal("Buskerud-samarbeidet", refused.FieldValue("Input.Name"));

        // In English the message beside the councils (written by the page, not the field tag helper) is English too.
        await host.ChooseEnglishAsync();
        refused = await PortalClient.ReadAsync(await host.SubmitAsync("/vert/partnerskap/nytt", "main form",
            new() { ["Input.Name"] = "Buskerud-samarbeidet", ["Input.Slug"] = "buskerud-samarbeid", ["Input.TenantIds"] = hallingdalId }));
        Assert.Equal("A partnership must have at least two councils. Tick the councils that take part.",
            refused.GetElementById("Input_TenantIds-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task CreateCouncil_RedirectsToItsPage_WhichShowsTheInvitationOnce_AndReloadingPostsNothingAgain()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);

        var response = await host.SubmitAsync("/vert/rad/nytt", "main form", new()
        {
            ["Input.Name"] = "Regionrådet for Numedal",
            ["Input.Slug"] = "numedal",
            ["Input.AdminName"] = "Åse Ødegård",
            ["Input.AdminEmail"] = "ase@numedal.no",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var councilUrl = response.Headers.Location!.OriginalString;
        Assert.Matches("^/vert/rad/[0-9a-f-]{36}$", councilUrl);
        var created = await host.GetPageAsync(councilUrl);
        Assert.Equal("Regionrådet for Numedal", created.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Opprettet. Invitasjonen til den første administratoren er", created.QuerySelector("[data-testid=invitation-sent] p")!.TextContent.Trim());
        Assert.StartsWith("http://localhost:5080/invitasjon/", created.QuerySelector("[data-testid=invitation-link]")!.TextContent);

        // F5: the browser asks for the council's page again, not for the form to be sent again.
        var reloaded = await host.GetPageAsync(councilUrl);
        Assert.DoesNotContain("finnes allerede", reloaded.Body!.TextContent);
        Assert.Null(reloaded.QuerySelector("[data-testid=invitation-link]")); // the link is shown once
        var invitations = reloaded.QuerySelector("[data-testid=host-invitations] table")!.TextContent;
        Assert.Contains("ase@numedal.no", invitations);
        Assert.Contains("Åse Ødegård", invitations);
    }

    [Fact]
    public async Task CreatePartnership_WithANameOrShortNameInUse_IsRefusedBesideTheFields_AndKeepsTheInput()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        var form = await host.GetPageAsync("/vert/partnerskap/nytt");
        var councils = form.QuerySelectorAll("input[name='Input.TenantIds']").Take(2).Select(i => i.GetAttribute("value")!).ToList();

        var refused = await PortalClient.ReadAsync(await host.PostFormAsync("/vert/partnerskap/nytt", new()
        {
            ["__RequestVerificationToken"] = PortalClient.FormValues(form, "main form")["__RequestVerificationToken"],
            ["Input.Name"] = "biosirk",
            ["Input.Slug"] = "biosirk",
            ["Input.TenantIds"] = councils[0],
        }));

        Assert.Equal("Et partnerskap med navnet «biosirk» finnes allerede i portalen.", refused.FieldError("Input.Name"));
        Assert.Contains("«biosirk» er allerede i bruk", refused.FieldError("Input.Slug"));
        Assert.Equal("biosirk", refused.FieldValue("Input.Name"));
        Assert.Single((await host.GetPageAsync("/vert")).QuerySelectorAll("section[aria-labelledby=partnerships-heading] tbody tr"));
    }

    [Fact]
    public async Task EditPartnership_ChangesItsNameAndCouncils_RefusesFewerThanTwoBesideTheCouncils_AndKeepsTheInput()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        var url = (await host.GetPageAsync("/vert")).QuerySelectorAll("a").Single(a => a.TextContent == "BioSirk").GetAttribute("href")!;
        var form = await host.GetPageAsync(url);
        string Council(string name) => form.QuerySelectorAll("input[name='Input.TenantIds']")
            .Single(i => form.QuerySelector($"label[for='{i.Id}']")!.TextContent == name).GetAttribute("value")!;
        Assert.Equal(3, form.QuerySelectorAll("input[name='Input.TenantIds'][checked]").Length);

        var refused = await PortalClient.ReadAsync(await host.SubmitAsync(url, "main form",
            new() { ["Input.Name"] = "BioSirk-samarbeidet", ["Input.TenantIds"] = Council("Hadeland") }));

        Assert.Equal("Et partnerskap må ha minst to råd. Kryss av for rådene som er med.", refused.GetElementById("Input_TenantIds-error")!.TextContent.Trim());
        var group = refused.GetElementById("Input_TenantIds")!;
        Assert.Equal("FIELDSET", group.TagName);
        Assert.Equal("Input_TenantIds-error", group.GetAttribute("aria-describedby"));
        Assert.Equal("#Input_TenantIds", refused.QuerySelector("#error-summary a")!.GetAttribute("href"));
        Assert.Equal("BioSirk-samarbeidet", refused.FieldValue("Input.Name"));
        Assert.Single(refused.QuerySelectorAll("input[name='Input.TenantIds'][checked]"));

        var form2 = await host.GetPageAsync(url);
        var token = PortalClient.FormValues(form2, "main form");
        var saved = await host.PostFormAsync(url, new()
        {
            ["__RequestVerificationToken"] = token["__RequestVerificationToken"],
            ["Input.ConcurrencyStamp"] = token["Input.ConcurrencyStamp"],
            ["Input.Name"] = "BioSirk-samarbeidet",
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode); // no council ticked at all: refused too
        var both = new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token["__RequestVerificationToken"]),
            new("Input.ConcurrencyStamp", token["Input.ConcurrencyStamp"]),
            new("Input.Name", "BioSirk-samarbeidet"),
            new("Input.TenantIds", Council("Hadeland")),
            new("Input.TenantIds", Council("Regionrådet for Hallingdal")),
        ]);
        await ExpectRedirectAsync(await host.Http.PostAsync(url, both));

        var index = await host.GetPageAsync("/vert");
        Assert.Contains("Endringene for BioSirk-samarbeidet er lagret.", index.QuerySelector("[role=status]")!.TextContent);
        var row = index.QuerySelectorAll("tr").Single(r => r.QuerySelector("td a")?.TextContent == "BioSirk-samarbeidet").TextContent;
        Assert.Contains("Hadeland, Regionrådet for Hallingdal", row);
        Assert.DoesNotContain("Gjøvikregionen", row);
        using var hallingdal = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await hallingdal.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task TwoHostTabsEditingAPartnership_TheSecondIsTold_AndMaySaveHerVersionOverTheFirst()
    {
        using var first = await Portal.SignedInAsync(Demo.HostAdmin);
        using var second = await Portal.SignedInAsync(Demo.HostAdmin);
        var url = (await first.GetPageAsync("/vert")).QuerySelectorAll("a").Single(a => a.TextContent == "BioSirk").GetAttribute("href")!;

        // As TwoTabs does, with every ticked council sent (a form of several values under one name).
        var a = await first.FormListAsync(url, "main form");
        var b = await second.FormListAsync(url, "main form");
        await ExpectRedirectAsync(await first.Http.PostAsync(url, new FormUrlEncodedContent(WithName(a, "Første endring"))));

        var conflict = await PortalClient.ReadAsync(await second.Http.PostAsync(url, new FormUrlEncodedContent(WithName(b, "Andre endring"))));

        Assert.Contains("Noen andre har lagret endringer i opplysningene om partnerskapet mens du arbeidet. Det du skrev står fortsatt i skjemaet.",
            conflict.GetElementById("error-summary")!.TextContent);
        Assert.Equal("Andre endring", conflict.FieldValue("Input.Name"));
        Assert.Equal(3, conflict.QuerySelectorAll("input[name='Input.TenantIds'][checked]").Length);
        Assert.Equal("Første endring", (await first.FormValuesAsync(url, "main form"))["Input.Name"]);
        var again = PortalClient.FormValues(conflict, "main form").Where(v => v.Key != "Input.TenantIds").Concat(b.Where(v => v.Key == "Input.TenantIds"));
        await ExpectRedirectAsync(await second.Http.PostAsync(url, new FormUrlEncodedContent(again)));
        Assert.Equal("Andre endring", (await first.FormValuesAsync(url, "main form"))["Input.Name"]);

        static List<KeyValuePair<string, string>> WithName(List<KeyValuePair<string, string>> form, string name) =>
            [.. form.Select(v => v.Key == "Input.Name" ? new KeyValuePair<string, string>(v.Key, name) : v)];
    }

    [Theory]
    [InlineData(Demo.HallingdalAdmin)]
    [InlineData(Demo.BuskerudOfficer)]
    public async Task HostPages_AreClosedToEveryoneElse(string email)
    {
        using var client = await Portal.SignedInAsync(email);

        var host = await client.GetAsync("/vert");
        Assert.Equal(HttpStatusCode.Forbidden, host.StatusCode);
        Assert.Contains("Siden er for dem som drifter portalen", (await PortalClient.ReadAsync(host)).QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/jobs")).StatusCode);
    }

    [Fact]
    public async Task JobDashboard_SignedOut_LeadsToTheSignInPageAndBack()
    {
        using var anonymous = Portal.CreatePortalClient();

        var response = await anonymous.Http.GetAsync("/jobs/recurring");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/logg-inn?", response.Headers.Location!.OriginalString);
        Assert.Contains("ReturnUrl=%2Fjobs%2Frecurring", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task JobDashboard_OpensForTheHostAdmin()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);

        var response = await host.GetAsync("/jobs/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("platform:expire-stale-invitations", page);
        Assert.Contains("Påminnelser om frister i avtalene", page);
        Assert.DoesNotContain(".RunAsync", page); // every job has a name in words, not its class and method

        // The dashboard's own inline script needs its looser policy, also on its sub-pages; every other page keeps the strict one.
        Assert.Contains("script-src 'self' 'unsafe-inline'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", (await host.GetAsync("/vert")).Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task HostCorrectsACouncil_ItsNewNameAndCountyShow_AndClosingItShutsItsPeopleOut_UntilItIsOpenedAgain()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var (url, akershus) = await EditLinkAsync(host, "Ringeriksregionen");

        var saved = await host.SubmitAsync(url, "main form", new()
        {
            ["Input.Name"] = "Ringeriksregionen IPR",
            ["Input.OrganisationNumber"] = "974 576 597",
            ["Input.CountyId"] = akershus,
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var index = await host.GetPageAsync("/vert");
        Assert.Contains("Endringene er lagret. Ringeriksregionen IPR er stengt for sine medlemmer.", index.QuerySelector("[role=status]")!.TextContent);
        var row = Row(index, "Ringeriksregionen IPR");
        Assert.Contains("974 576 597", row);
        Assert.Contains("Akershus fylkeskommune", row);
        Assert.Contains("Stengt", row);
        Assert.Equal(HttpStatusCode.NotFound, (await jon.GetAsync("/rad/ringerike")).StatusCode);
        var frontDoor = await jon.GetPageAsync("/");
        Assert.Contains("Rådet ditt er stengt i portalen: Ringeriksregionen IPR", frontDoor.QuerySelector("[data-testid=closed-councils]")!.TextContent);
        Assert.Equal("Velkommen til BioSirk-portalen", frontDoor.QuerySelector("h1")!.TextContent);

        await host.SubmitAsync(url, "main form", new() { ["Input.Name"] = "Ringeriksregionen IPR", ["Input.CountyId"] = akershus, ["Input.IsActive"] = "true" });

        var start = await jon.GetPageAsync("/rad/ringerike");
        Assert.Contains("Ringeriksregionen IPR", start.QuerySelector("[data-testid=current-place]")!.TextContent);
        Assert.DoesNotContain("Stengt", Row(await host.GetPageAsync("/vert"), "Ringeriksregionen IPR"));
    }

    [Fact]
    public async Task EditCouncilAndCounty_WithBadInput_ExplainBesideTheFields_KeepTheInput_AndChangeNothing()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        var (councilUrl, _) = await EditLinkAsync(host, "Hadeland");
        var countyUrl = (await host.GetPageAsync("/vert")).QuerySelectorAll("a").Single(a => a.TextContent == "Innlandet fylkeskommune").GetAttribute("href")!;

        var council = await PortalClient.ReadAsync(await host.SubmitAsync(councilUrl, "main form",
            new() { ["Input.Name"] = "", ["Input.OrganisationNumber"] = "123", ["Input.IsActive"] = "true" }));
        var county = await PortalClient.ReadAsync(await host.SubmitAsync(countyUrl, "main form",
            new() { ["Input.Name"] = "Innlandet fylkeskommune", ["Input.OrganisationNumber"] = "975 576 468" }));

        Assert.Equal("Skriv inn rådets navn, for eksempel «Regionrådet for Hallingdal».", council.FieldError("Input.Name"));
        Assert.StartsWith("Organisasjonsnummeret må ha 9 siffer", council.FieldError("Input.OrganisationNumber"));
        Assert.Equal("123", council.FieldValue("Input.OrganisationNumber"));
        Assert.StartsWith("Organisasjonsnummeret må ha 9 siffer", county.FieldError("Input.OrganisationNumber"));
        Assert.Equal("975 576 468", county.FieldValue("Input.OrganisationNumber"));
        Assert.Contains("Hadeland", Row(await host.GetPageAsync("/vert"), "Hadeland"));
    }

    [Fact]
    public async Task TwoHostTabsEditingACouncilAndACounty_TheSecondIsTold_AndMaySaveHerVersionOverTheFirst()
    {
        using var first = await Portal.SignedInAsync(Demo.HostAdmin);
        using var second = await Portal.SignedInAsync(Demo.HostAdmin);
        var (councilUrl, _) = await EditLinkAsync(first, "Hadeland");
        var countyUrl = (await first.GetPageAsync("/vert")).QuerySelectorAll("a").Single(a => a.TextContent == "Innlandet fylkeskommune").GetAttribute("href")!;

        await TwoTabs.SecondIsToldAndMaySaveOverAsync(first, second, councilUrl, "main form", "Input.Name", "opplysningene om rådet");
        await TwoTabs.SecondIsToldAndMaySaveOverAsync(first, second, countyUrl, "main form", "Input.ContactName", "opplysningene om fylket");
    }

    [Fact]
    public async Task HostRenamesACounty_ItsOfficersSeeTheNewName_AndNoOneElseMayEditOrganisations()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        using var ingrid = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var index = await host.GetPageAsync("/vert");
        var countyUrl = index.QuerySelectorAll("a").Single(a => a.TextContent == "Buskerud fylkeskommune").GetAttribute("href")!;
        var (councilUrl, _) = await EditLinkAsync(host, "Regionrådet for Hallingdal");

        await host.SubmitAsync(countyUrl, "main form", new() { ["Input.Name"] = "Buskerud fylkeskommune (BFK)", ["Input.OrganisationNumber"] = "" });

        var start = await sigrid.GetPageAsync("/fylke/buskerud");
        Assert.Contains("Buskerud fylkeskommune (BFK)", start.QuerySelector("[data-testid=current-place]")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await ingrid.GetAsync(councilUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sigrid.GetAsync(countyUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync($"/vert/rad/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task HostNamesACountysContact_WithABadAddressFirst_AndACouncilsNewDraftWithThatCountyNamesHer()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        var countyUrl = (await host.GetPageAsync("/vert")).QuerySelectorAll("a").Single(a => a.TextContent == "Innlandet fylkeskommune").GetAttribute("href")!;
        Assert.Equal("Hanne Moen", (await host.FormValuesAsync(countyUrl, "main form"))["Input.ContactName"]);

        var refused = await PortalClient.ReadAsync(await host.SubmitAsync(countyUrl, "main form",
            new() { ["Input.Name"] = "Innlandet fylkeskommune", ["Input.ContactName"] = "Lars Holm", ["Input.ContactEmail"] = "lars.holm@" }));
        Assert.Equal("E-postadressen er ikke gyldig. Skriv den slik: navn@kommune.no.", refused.FieldError("Input.ContactEmail"));
        Assert.Equal(("Lars Holm", "lars.holm@"), (refused.FieldValue("Input.ContactName"), refused.FieldValue("Input.ContactEmail")));
        Assert.Equal("Hanne Moen", (await marte.FormValuesAsync("/rad/hadeland/avtaler/ny", "#draft-form"))["Input.CountyContactName"]);

        await ExpectRedirectAsync(await host.SubmitAsync(countyUrl, "main form",
            new() { ["Input.Name"] = "Innlandet fylkeskommune", ["Input.ContactName"] = " Lars Holm ", ["Input.ContactEmail"] = "Lars.Holm@Innlandetfylke.no" }));

        var draft = await marte.FormValuesAsync("/rad/hadeland/avtaler/ny", "#draft-form");
        Assert.Equal(("Lars Holm", "lars.holm@innlandetfylke.no"), (draft["Input.CountyContactName"], draft["Input.CountyContactEmail"]));
    }

    [Fact]
    public async Task HostGivesACountyTheNumbersItsInvoicesCarry_AndNewDraftsWithThatCountyHaveThem()
    {
        using var host = await Portal.SignedInAsync(Demo.HostAdmin);
        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        using var hanne = await Portal.SignedInAsync(Demo.InnlandetOfficer);
        var countyUrl = (await host.GetPageAsync("/vert")).QuerySelectorAll("a").Single(a => a.TextContent == "Innlandet fylkeskommune").GetAttribute("href")!;
        Assert.Equal(("", ""), NumbersOf(await marte.FormValuesAsync("/rad/hadeland/avtaler/ny", "#draft-form")));

        var tooLong = new string('7', 101);
        var refused = await PortalClient.ReadAsync(await host.SubmitAsync(countyUrl, "main form",
            new() { ["Input.Name"] = "Innlandet fylkeskommune", ["Input.InvoiceOrderNumber"] = "IFK-2027", ["Input.InvoiceProjectNumber"] = tooLong }));
        Assert.Equal("Prosjektnummeret kan være på høyst 100 tegn (nå 101).", refused.FieldError("Input.InvoiceProjectNumber"));
        Assert.Equal(("IFK-2027", tooLong), (refused.FieldValue("Input.InvoiceOrderNumber"), refused.FieldValue("Input.InvoiceProjectNumber")));

        await ExpectRedirectAsync(await host.SubmitAsync(countyUrl, "main form",
            new() { ["Input.Name"] = "Innlandet fylkeskommune", ["Input.InvoiceOrderNumber"] = " IFK-2027 ", ["Input.InvoiceProjectNumber"] = "4711" }));

        Assert.Equal(("IFK-2027", "4711"), NumbersOf(await marte.FormValuesAsync("/rad/hadeland/avtaler/ny", "#draft-form")));
        Assert.Equal(("IFK-2027", "4711"), NumbersOf(await hanne.FormValuesAsync("/fylke/innlandet/avtaler/ny", "#draft-form")));
        var buskerud = (await marte.GetPageAsync("/rad/hadeland/avtaler/ny")).QuerySelectorAll("[data-testid=choose-party] option")
            .Single(o => o.TextContent == "Buskerud fylkeskommune").GetAttribute("value");
        Assert.Equal(("B701010", "60256"), NumbersOf(await marte.FormValuesAsync($"/rad/hadeland/avtaler/ny?fylke={buskerud}", "#draft-form")));

        static (string, string) NumbersOf(Dictionary<string, string> form) => (form["Input.OrderNumber"], form["Input.ProjectNumber"]);
    }

    /// <summary>The edit page of a council listed on /vert, and Akershus' id from its county choices.</summary>
    private static async Task<(string Url, string Akershus)> EditLinkAsync(PortalClient host, string councilName)
    {
        var url = (await host.GetPageAsync("/vert")).QuerySelectorAll("a").Single(a => a.TextContent == councilName).GetAttribute("href")!;
        var form = await host.GetPageAsync(url);
        var akershus = form.QuerySelectorAll("#Input_CountyId option").Single(o => o.TextContent == "Akershus fylkeskommune").GetAttribute("value")!;
        return (url, akershus);
    }

    private static string Row(AngleSharp.Html.Dom.IHtmlDocument page, string name) =>
        page.QuerySelectorAll("tr").First(r => r.QuerySelector("td a")?.TextContent == name).TextContent;
}
