using System.Net;
using AngleSharp.Html.Dom;
using BioSirk.Portal.Tests.Infrastructure;

namespace BioSirk.Portal.Tests.Platform;

/// <summary>The council's admin keeps the council's name, organisation number and agreement contact.</summary>
public sealed class CouncilDetailsTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Url = "/rad/hallingdal/admin/opplysninger";
    private const string Form = "main form";

    [Fact]
    public async Task AdminChangesTheDetails_TheHeaderShowsTheNewName_ANewAgreementTakesTheContact_AndTheAuditLogHasTheChange()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);

        var saved = await admin.SubmitAsync(Url, Form, new()
        {
            ["Input.Name"] = "Regionrådet for Hallingdal IPR",
            ["Input.OrganisationNumber"] = "975 576 469",
            ["Input.ContactName"] = "Ola Bakken",
            ["Input.ContactEmail"] = "Ola.Bakken@Hallingdal.no",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await admin.GetPageAsync(Url);
        Assert.Contains("Opplysningene om rådet er lagret.", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("Regionrådet for Hallingdal IPR", page.QuerySelector("[data-testid=current-place]")!.TextContent);
        var values = PortalClient.FormValues(page, Form);
        Assert.Equal("975576469", values["Input.OrganisationNumber"]);
        Assert.Equal("ola.bakken@hallingdal.no", values["Input.ContactEmail"]);

        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var draft = await kari.FormValuesAsync("/rad/hallingdal/avtaler/ny", "#draft-form");
        Assert.Equal("Ola Bakken", draft["Input.CouncilContactName"]);
        Assert.Equal("ola.bakken@hallingdal.no", draft["Input.CouncilContactEmail"]);
        Assert.Equal("975576469", draft["Input.CouncilOrganisationNumber"]);

        var audit = await admin.GetPageAsync("/rad/hallingdal/admin/logg?type=Tenant");
        var changes = audit.QuerySelector("[data-testid=audit-table] > tbody > tr")!.QuerySelectorAll(".audit-changes tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent))).ToList();
        Assert.Contains("Navn | Regionrådet for Hallingdal | Regionrådet for Hallingdal IPR", changes);
        Assert.Contains("Kontaktperson | Kari Nordby | Ola Bakken", changes);

        // In English the log names the same change in English.
        await admin.ChooseEnglishAsync();
        var english = (await admin.GetPageAsync("/rad/hallingdal/admin/logg?type=Tenant")).QuerySelector("[data-testid=audit-table] > tbody > tr")!;
        Assert.StartsWith("Regional council", english.QuerySelectorAll("td")[2].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Contact name | Kari Nordby | Ola Bakken",
            english.QuerySelectorAll(".audit-changes tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent))));
    }

    [Fact]
    public async Task BadInput_GetsNorwegianMessagesBesideTheFields_AndWhatWasTypedStays()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);

        var response = await admin.SubmitAsync(Url, Form, new()
        {
            ["Input.Name"] = " ",
            ["Input.OrganisationNumber"] = "975 576 468",
            ["Input.ContactName"] = "Kari Nordby",
            ["Input.ContactEmail"] = "kari(at)hallingdal.no",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ReadAsync(response);
        Assert.Equal("Skriv inn rådets navn, for eksempel «Regionrådet for Hallingdal».", page.GetElementById("Input_Name-error")!.TextContent.Trim());
        Assert.StartsWith("Organisasjonsnummeret må ha 9 siffer og gyldig kontrollsiffer", page.GetElementById("Input_OrganisationNumber-error")!.TextContent.Trim());
        Assert.Equal("E-postadressen er ikke gyldig. Skriv den slik: navn@kommune.no.", page.GetElementById("Input_ContactEmail-error")!.TextContent.Trim());
        Assert.Equal("true", page.GetElementById("Input_ContactEmail")!.GetAttribute("aria-invalid"));
        var values = PortalClient.FormValues(page, Form);
        Assert.Equal("975 576 468", values["Input.OrganisationNumber"]);
        Assert.Equal("kari(at)hallingdal.no", values["Input.ContactEmail"]);

        var unchanged = await admin.GetPageAsync(Url);
        Assert.Equal("Regionrådet for Hallingdal", PortalClient.FormValues(unchanged, Form)["Input.Name"]);
    }

    [Fact]
    public async Task TwoAdminsSavingFromTheSamePage_TheSecondGetsAConflictMessage_AndKeepsWhatSheTyped()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var stale = await admin.GetPageAsync(Url);
        var staleStamp = ((IHtmlInputElement)stale.QuerySelector("input[name='Input.ConcurrencyStamp']")!).Value;
        await admin.SubmitAsync(Url, Form, new() { ["Input.Name"] = "Regionrådet for Hallingdal", ["Input.ContactName"] = "Ola Bakken" });

        var second = await admin.PostWithTokenAsync(Url, new()
        {
            ["Input.Name"] = "Hallingdal regionråd",
            ["Input.ContactName"] = "Kari Nordby",
            ["Input.ConcurrencyStamp"] = staleStamp,
        });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await PortalClient.ReadAsync(second);
        Assert.Contains("Noen andre har lagret endringer i opplysningene om rådet mens du arbeidet", page.GetElementById("error-summary")!.TextContent);
        Assert.Equal("Hallingdal regionråd", PortalClient.FormValues(page, Form)["Input.Name"]);
        Assert.Equal("Ola Bakken", PortalClient.FormValues(await admin.GetPageAsync(Url), Form)["Input.ContactName"]);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Url, PortalClient.FormValues(page, Form))).StatusCode);
        Assert.Equal("Kari Nordby", PortalClient.FormValues(await admin.GetPageAsync(Url), Form)["Input.ContactName"]);
    }

    [Fact]
    public async Task OnlyTheCouncilsOwnAdmin_OpensThePage()
    {
        using var secretary = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var otherCouncilsAdmin = await Portal.SignedInAsync(Demo.HadelandSecretary);

        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCouncilsAdmin.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherCouncilsAdmin.GetAsync("/rad/hadeland/admin/opplysninger")).StatusCode);
    }
}
