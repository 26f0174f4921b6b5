using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;

namespace BioSirk.Portal.Tests.Agreements;

/// <summary>The agreement's sentences that are made from its state, in the language each reader chose.</summary>
public sealed class AgreementInEnglishTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task TheNextStepAndTheNextDeadline_AreInTheReadersLanguage()
    {
        var (kari, sigrid, id) = await SignedAgreementKariReadsInEnglishAsync();
        using var _ = kari;
        using var __ = sigrid;

        var english = await kari.GetPageAsync(CouncilUrl(id));
        var norwegian = await sigrid.GetPageAsync(CountyUrl(id));

        Assert.Matches("^Send a payment request for “.+” \\(kr 112 500,00\\)\\.$", Text(english, "next-step"));
        Assert.Matches("^Activities due \\d\\d\\.\\d\\d\\.\\d{4} \\(in \\d+ days\\)$", Text(english, "next-deadline"));
        Assert.Matches("^Activities due \\d\\d\\.\\d\\d\\.\\d{4} \\(in \\d+ days\\)$",
            (await kari.GetPageAsync("/rad/hallingdal/avtaler")).QuerySelector("tbody tr td:nth-last-child(2)")!.TextContent.Trim());
        Assert.Equal("Hours (0 h)", english.GetElementById("hours-heading")!.TextContent.Trim());
        Assert.Contains("(org. no. 975 576 469)", english.QuerySelector("h1 + p")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ingenting venter på deg nå. Rådet registrerer timer og kostnader.", Text(norwegian, "next-step"));
        Assert.Contains("(org.nr. 975 576 469)", norwegian.QuerySelector("h1 + p")!.TextContent, StringComparison.Ordinal);
        Assert.Matches("^Aktivitetene skal være ferdige \\d\\d\\.\\d\\d\\.\\d{4} \\(om \\d+ dager\\)$", Text(norwegian, "next-deadline"));
    }

    [Fact]
    public async Task TheHistory_IsInTheReadersLanguage()
    {
        var (kari, sigrid, id) = await SignedAgreementKariReadsInEnglishAsync();
        using var _ = kari;
        using var __ = sigrid;

        var english = (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=history]")!.TextContent;
        var norwegian = (await sigrid.GetPageAsync(CountyUrl(id))).QuerySelector("[data-testid=history]")!.TextContent;

        Assert.Contains("Draft created.", english, StringComparison.Ordinal);
        Assert.Contains("Signed for Regionrådet for Hallingdal.", english, StringComparison.Ordinal);
        Assert.Contains("The agreement is in force (version 1). “Ved signering” can be paid: kr 112 500,00.", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Utkast opprettet.", english, StringComparison.Ordinal);
        Assert.Contains("Utkast opprettet.", norwegian, StringComparison.Ordinal);
        Assert.Contains("Avtalen er i kraft (versjon 1). «Ved signering» kan utbetales: kr 112 500,00.", norwegian, StringComparison.Ordinal);
        Assert.Matches(@"\d\d\.\d\d\.\d{4} at \d\d:\d\d, ", english); // the time of each entry, as the reader says it
        Assert.DoesNotContain(" kl. ", english, StringComparison.Ordinal);
        Assert.Matches(@"\d\d\.\d\d\.\d{4} kl\. \d\d:\d\d, ", norwegian);
    }

    [Fact]
    public async Task AFormsMessages_AreInEnglish_WhereTheyHaveAnEnglishText()
    {
        var (kari, sigrid, id) = await SignedAgreementKariReadsInEnglishAsync();
        using var _ = kari;
        using var __ = sigrid;

        var refused = await PortalClient.ReadAsync(await kari.PostWithTokenAsync(CouncilUrl(id) + "?handler=Cost",
            new() { ["Cost.Date"] = "2026-01-25", ["Cost.Supplier"] = "Skogeierforeningen", ["Cost.Description"] = "", ["Cost.Amount"] = "1 200" }));

        var summary = refused.GetElementById("error-summary")!;
        Assert.Equal("Something needs correcting before you can go on", summary.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("Write what the cost is for.", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("Write what the cost is for.", refused.FieldError("Cost.Description"));
        Assert.Equal("Skogeierforeningen", refused.FieldValue("Cost.Supplier"));
        // A message with values in it finds the English of its sentence, and a word in it its own English.
        Assert.Equal("The voucher date is in the future. Register the cost once you have the voucher. Today is 20.01.2026.", refused.FieldError("Cost.Date"));
        var tooLong = await PortalClient.ReadAsync(await kari.PostWithTokenAsync(CouncilUrl(id) + "?handler=Cost",
            new() { ["Cost.Date"] = "2026-01-20", ["Cost.Supplier"] = "Skogeierforeningen", ["Cost.Description"] = new string('x', 501), ["Cost.Amount"] = "1 200" }));
        Assert.Equal("The description can be at most 500 characters (now 501).", tooLong.FieldError("Cost.Description"));

        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-01-20", "Kari Nordby", "Oppstartsmøte", "3"));
        Assert.Equal("The hours are registered.", (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[role=status]")!.TextContent.Trim());

        // «150,000» written the English way is not taken as kr 150,00: it is asked about, and nothing is registered.
        var thousands = await PortalClient.ReadAsync(await kari.PostWithTokenAsync(CouncilUrl(id) + "?handler=Cost",
            new() { ["Cost.Date"] = "2026-01-20", ["Cost.Supplier"] = "Skogeierforeningen", ["Cost.Description"] = "Flis", ["Cost.Amount"] = "150,000" }));
        Assert.Equal("“150,000” cannot be read as an amount: the comma stands before the øre, and an amount has at most two decimals. If you mean NOK 150 000, write 150000.",
            thousands.FieldError("Cost.Amount"));
        Assert.Equal("150,000", thousands.FieldValue("Cost.Amount"));
        Assert.Null(thousands.QuerySelector("[data-testid=cost-rows]"));
    }

    [Fact]
    public async Task TheHoursImportAndTheChangeLogAndTheParties_AreInEnglish()
    {
        var (kari, sigrid, id) = await SignedAgreementKariReadsInEnglishAsync();
        using var _ = kari;
        using var __ = sigrid;

        var page = await kari.GetPageAsync(CouncilUrl(id));
        Assert.StartsWith("First row: the column headings in Norwegian, Dato (date);", page.GetElementById("Timesheet-hint")!.TextContent.Trim(), StringComparison.Ordinal);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[action*=Import]")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value), "__RequestVerificationToken" },
            { new ByteArrayContent("Dato;Person;Aktivitet;Timer;Kommentar\n19.01.2026;;Møte;7,5;\n"u8.ToArray()), "timesheet", "timeliste.csv" },
        };
        var refused = await PortalClient.ReadAsync(await kari.Http.PostAsync(form.GetAttribute("action"), content));
        Assert.Equal("1 of 1 rows must be corrected. No hours have been imported: correct the file and import it again.", refused.FieldError("Timesheet"));

        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-01-19", "Kari Nordby", "Oppstartsmøte", "7,5"));
        var remove = (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=remove-hours]")!;
        Assert.Equal("Delete 7,5 h 19.01.2026, Kari Nordby", remove.QuerySelector("summary")!.TextContent.Trim());
        Assert.EndsWith(" 7,5 h 19.01.2026, Kari Nordby", remove.QuerySelector("button")!.TextContent.Trim(), StringComparison.Ordinal);

        var terms = await kari.FormValuesAsync(CouncilUrl(id) + "/rediger", "main form");
        Assert.Contains("Council: Regionrådet for Hallingdal", (await kari.GetPageAsync(CouncilUrl(id) + "/rediger")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        terms["Input.ActivitiesDeadline"] = "2026-12-15";
        terms["Input.Milestones[1].Name"] = "Sluttoppgjør etter godkjent rapport";
        terms["Reason"] = "Utsatt frist.";
        await ExpectRedirectAsync(await kari.PostFormAsync(CouncilUrl(id) + "/rediger", terms));
        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=AcceptAmendment]", []));
        var change = (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=version-changes] tbody tr")!;
        Assert.Equal("Deadline for activities", change.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal("Frist for aktiviteter", (await sigrid.GetPageAsync(CountyUrl(id))).QuerySelector("[data-testid=version-changes] tbody tr td")!.TextContent.Trim());

        // The payments' triggers are the portal's words: said in the reader's language; the names are the parties'.
        string[] PaymentsRow(AngleSharp.Html.Dom.IHtmlDocument page) => [.. page.QuerySelectorAll("[data-testid=version-changes] tbody tr")
            .Single(r => r.QuerySelector("td")!.TextContent.Trim() is "Payments" or "Utbetalinger").QuerySelectorAll("td").Select(c => c.TextContent.Trim())];
        var payments = PaymentsRow(await kari.GetPageAsync(CouncilUrl(id)));
        Assert.Equal("Payments", payments[0]);
        Assert.Equal("Ved signering 75 % at signing; Sluttoppgjør når sluttrapport og sluttfaktura med alle bilag er levert og godkjent 25 % when the final report is approved", payments[1]);
        Assert.Equal("Ved signering 75 % at signing; Sluttoppgjør etter godkjent rapport 25 % when the final report is approved", payments[2]);
        Assert.Equal("Ved signering 75 % ved signering; Sluttoppgjør når sluttrapport og sluttfaktura med alle bilag er levert og godkjent 25 % når sluttrapporten er godkjent", PaymentsRow(await sigrid.GetPageAsync(CountyUrl(id)))[1]);
    }

    [Fact]
    public async Task TheReceiptForADeletedHourRowOrCost_IsInEnglish()
    {
        var (kari, sigrid, id) = await SignedAgreementKariReadsInEnglishAsync();
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-01-19", "Kari", "Oppstartsmøte", "0,33"));
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterCostAsync(kari, id, "2026-01-20", "Leverandør AS", "Møte", "1 200", "%PDF-1.4"u8.ToArray(), "b.pdf"));

        await ExpectRedirectAsync(await kari.SubmitAsync(CouncilUrl(id), "[data-testid=hour-rows] form", []));
        Assert.Equal("The hours are deleted: 0,33 h 19.01.2026, Kari.", (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[role=status]")!.TextContent.Trim());
        await ExpectRedirectAsync(await kari.SubmitAsync(CouncilUrl(id), "[data-testid=cost-rows] form", []));
        Assert.Equal("The cost is deleted: kr 1 200,00 20.01.2026, Leverandør AS.", (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[role=status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task WhatWaitsOnTheCountysStartPage_IsInTheOfficersLanguage()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        var id = await DraftFromTemplateAsync(kari);
        await ExpectRedirectAsync(await SignAsync(kari, CouncilUrl(id)));
        await sigrid.ChooseEnglishAsync();

        var tasks = (await sigrid.GetPageAsync("/fylke/buskerud")).QuerySelectorAll("main ul li a").Select(a => a.TextContent.Trim()).ToList();

        Assert.Contains(tasks, t => t.StartsWith("Regionrådet for Hallingdal has signed “", StringComparison.Ordinal) && t.EndsWith("”: sign for the county.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFinalReportsSectionsAndNextStep_AreInTheReadersLanguage()
    {
        var (kari, sigrid, id) = await SignedAgreementKariReadsInEnglishAsync();
        using var _ = kari;
        using var __ = sigrid;

        var english = await kari.GetPageAsync(CouncilUrl(id) + "/sluttrapport");
        var norwegian = await sigrid.GetPageAsync(CountyUrl(id) + "/sluttrapport");

        Assert.StartsWith("Activities carried out", english.QuerySelector("label[for=Input_Activities]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Further work", english.QuerySelector("label[for=Input_FurtherWork]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Not started", Text(english, "report-stage"));
        Assert.Matches("^Write the five sections, check the preview and deliver the report by \\d\\d\\.\\d\\d\\.\\d{4}\\.$", Text(english, "report-next-step"));
        Assert.Equal("Ikke påbegynt", Text(norwegian, "report-stage"));
        Assert.Equal("Rådet har ikke levert sluttrapporten ennå.", Text(norwegian, "report-next-step"));
    }

    /// <summary>The signed template agreement; Kari (Hallingdal) has chosen English, Sigrid (Buskerud) reads Norwegian.</summary>
    private async Task<(PortalClient Kari, PortalClient Sigrid, Guid Id)> SignedAgreementKariReadsInEnglishAsync()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        await kari.ChooseEnglishAsync();
        return (kari, sigrid, id);
    }

    private static string Text(AngleSharp.Html.Dom.IHtmlDocument page, string testId) =>
        page.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();
}
