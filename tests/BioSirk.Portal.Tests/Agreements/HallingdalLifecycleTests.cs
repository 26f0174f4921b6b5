using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Tests.Reporting;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;

namespace BioSirk.Portal.Tests.Agreements;

/// <summary>The Hallingdal agreement from draft to settled, through HTTP, as the secretary and the county officer do it.</summary>
public sealed class HallingdalLifecycleTests(PortalFactory portal) : PortalTest(portal)
{
    internal static readonly byte[] PdfVoucher = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task FromDraftToSettled_WithTheExactFigures()
    {
        Portal.Clock.Set(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);

        // Draft from the template, sign for the council; the county sees it waiting for her.
        var id = await DraftFromTemplateAsync(kari);
        var draft = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Equal("Utkast", Text(draft, "agreement-status"));
        Assert.Contains("B701010", Text(draft, "invoice-marking"));
        Assert.Contains("60256", Text(draft, "invoice-marking"));
        Assert.Contains("planlagt kr 112 500,00", Row(draft, "milestones", "Ved signering"));
        Assert.Contains("fastsettes ved sluttoppgjøret (planlagt kr 37 500,00)", Row(draft, "milestones", "Sluttoppgjør"));
        await ExpectRedirectAsync(await SignAsync(kari, CouncilUrl(id)));
        var countyHome = await sigrid.GetPageAsync("/fylke/buskerud");
        Assert.Contains("Regionrådet for Hallingdal har signert", countyHome.QuerySelector("main")!.TextContent);

        await ExpectRedirectAsync(await SignAsync(sigrid, CountyUrl(id)));
        var signed = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Equal("Signert (i kraft)", Text(signed, "agreement-status"));
        Assert.Contains("kr 112 500,00", Row(signed, "milestones", "Ved signering"));
        Assert.Contains("kan utbetales", Row(signed, "milestones", "Ved signering"));
        Assert.Contains("send utbetalingsanmodning for «Ved signering» (kr 112 500,00).", CouncilTasks(await kari.GetPageAsync("/rad/hallingdal")));

        // Hours and a direct cost: 150 h × 900 + 12 345,67 = 147 345,67.
        Portal.Clock.Set(AfterTheWork); // the work is done, then registered
        await RegisterWorkdaysAsync(kari, id, 150m);
        await ExpectRedirectAsync(await RegisterCostAsync(kari, id, "2026-03-01", "Hallingdal Hotell AS", "Møteleie", "12 345,67", PdfVoucher, "faktura.pdf"));
        var spent = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Equal("98,2 %", Text(spent, "percent-used"));
        Assert.Contains("kr 147 345,67", spent.QuerySelector("[data-testid=spend-table]")!.TextContent);
        Assert.Contains("Over 90 % av rammen er brukt.", spent.QuerySelector("#money")!.TextContent);

        // Payment request for the first milestone: returned once, then approved and paid.
        // At each step the council's page says whose turn it is.
        await ExpectRedirectAsync(await kari.SubmitAsync(CouncilUrl(id), "form[action*=Request]", new() { ["RequestForm.StatusText"] = "Oppstart gjennomført." }));
        Assert.Equal("Utbetalingsanmodningen for «Ved signering» (kr 112 500,00) ligger hos fylket til behandling.", Text(await kari.GetPageAsync(CouncilUrl(id)), "next-step"));
        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Decide]",
            new() { ["Decision.Approve"] = "false", ["Decision.Comment"] = "Legg ved timelistene." }));
        var returned = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Contains("Legg ved timelistene.", returned.QuerySelector("[data-testid=requests]")!.TextContent);
        Assert.Equal("Fylket sendte utbetalingsanmodningen for «Ved signering» tilbake: «Legg ved timelistene.» Rett det, og send en ny anmodning.",
            Text(returned, "next-step"));
        Assert.Contains("fylket sendte utbetalingsanmodningen for «Ved signering» tilbake: «Legg ved timelistene.» Rett det, og send en ny.",
            CouncilTasks(await kari.GetPageAsync("/rad/hallingdal")));
        await ExpectRedirectAsync(await kari.SubmitAsync(CouncilUrl(id), "form[action*=Request]", new() { ["RequestForm.StatusText"] = "Timelister er lagt ved." }));
        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Decide]", new() { ["Decision.Approve"] = "true" }));
        var requestApproved = await kari.GetPageAsync(CouncilUrl(id));
        Assert.StartsWith("Fylket har godkjent utbetalingsanmodningen for «Ved signering» (kr 112 500,00).", Text(requestApproved, "next-step"));
        Assert.Contains("godkjent, venter på betaling", Row(requestApproved, "milestones", "Ved signering"));
        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-01-27", ["Payment.Amount"] = "112 500", ["Payment.Reference"] = "BFK-2026-0117" }));

        // Rescission before the remedy deadline is refused.
        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Breach]",
            new() { ["Breach.Description"] = "Ingen rapportering", ["Breach.RemedyDeadline"] = "2026-06-30" }));
        var breachNotice = (await kari.NoticesAsync()).Single(n => n.TextContent.Contains("mislighold", StringComparison.Ordinal)).TextContent;
        Assert.Contains("Buskerud fylkeskommune har varslet vesentlig mislighold av «", breachNotice);
        Assert.Contains("»: Ingen rapportering. Rett forholdet innen 30.06.2026, ellers kan avtalen heves.", breachNotice);
        Assert.Equal("Avtalen kan heves fra 01.07.2026, når fristen for å rette er ute. Forsøk før det avvises og føres i historikken.",
            (await sigrid.GetPageAsync(CountyUrl(id))).QuerySelector("#rescind-hint")!.TextContent);
        var unconfirmed = await PortalClient.ReadAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Rescind]", []));
        Assert.Equal("Kryss av for at du vil heve avtalen. Hevingen kan ikke angres.", unconfirmed.FieldError("Breach.ConfirmsRescission"));
        Assert.DoesNotContain("Forsøk på å heve", unconfirmed.QuerySelector("main")!.TextContent);
        var refused = await PortalClient.ReadAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Rescind]", new() { ["Breach.ConfirmsRescission"] = "true" }));
        Assert.Contains("Fristen for å rette misligholdet går ut 30.06.2026", refused.GetElementById("error-summary")!.TextContent);
        Assert.Equal("Signert (i kraft)", Text(refused, "agreement-status"));

        // The council delivers its final report and the county approves it: the final milestone becomes payable with the
        // settlement's remainder.
        await ExpectRedirectAsync(await FinalReportSteps.SubmitReportAsync(kari, id));
        await ExpectRedirectAsync(await FinalReportSteps.DecideAsync(sigrid, id, 1, "Approve"));
        var approved = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Equal("Sluttrapport godkjent", Text(approved, "agreement-status"));
        Assert.Contains("kr 34 845,67", Row(approved, "milestones", "Sluttoppgjør"));

        await ExpectRedirectAsync(await kari.SubmitAsync(CouncilUrl(id), "form[action*=Request]", new() { ["RequestForm.StatusText"] = "Sluttfaktura med alle bilag." }));
        await ApproveRequestAsync(sigrid, id);
        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-02-03", ["Payment.Amount"] = "34 845,67", ["Payment.Reference"] = "BFK-2026-0999" }));

        var settled = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Equal("Avsluttet (utløpt)", Text(settled, "agreement-status"));
        Assert.Contains("kr 147 345,67", settled.QuerySelector("[data-testid=spend-table]")!.TextContent);
        var history = settled.QuerySelector("[data-testid=history]")!.TextContent;
        Assert.Contains("Forsøk på å heve avtalen ble avvist", history);
        Assert.Contains("Sluttoppgjøret er gjort. Avtalen er utløpt.", history);
    }

    [Fact]
    public async Task FinalReportApproved_BeforeTheFirstPaymentWasRegistered_PaysTheEligibleCostOnce()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await kari.SubmitAsync(CouncilUrl(id), "form[action*=Request]", new() { ["RequestForm.StatusText"] = "Oppstart." }));
        await ApproveRequestAsync(sigrid, id);
        var paymentFormLeftOpen = await sigrid.GetPageAsync(CountyUrl(id)); // approved, the payment not yet registered

        Portal.Clock.Set(AfterTheWork);
        await RegisterWorkdaysAsync(kari, id, 170m); // kr 153 000: eligible capped at the frame, kr 150 000
        await ExpectRedirectAsync(await FinalReportSteps.SubmitReportAsync(kari, id));
        var decision = await sigrid.GetPageAsync(FinalReportSteps.CountyUrl(id));
        Assert.Equal("Godkjenning gjør sluttoppgjøret klart: kr 150 000,00.", decision.QuerySelector("[data-testid=decision-form] p.form-text")!.TextContent.Trim());
        Assert.Equal("Ikke registrert som betalt, og derfor med i sluttoppgjøret: «Ved signering» (kr 112 500,00). Er noe av dette alt betalt, registrer betalingen på avtalen før du godkjenner.",
            Text(decision, "unpaid-before-settlement"));
        await ExpectRedirectAsync(await FinalReportSteps.DecideAsync(sigrid, id, 1, "Approve"));

        var approved = await sigrid.GetPageAsync(CountyUrl(id));
        Assert.Contains("inngår i sluttoppgjøret", Row(approved, "milestones", "Ved signering"));
        Assert.Contains("kr 150 000,00", Row(approved, "milestones", "Sluttoppgjør"));
        Assert.Contains("«Ved signering» var ikke registrert som betalt og inngår i sluttoppgjøret.", approved.QuerySelector("[data-testid=history]")!.TextContent);

        // The first payment registered from the tab left open would pay kr 112 500 on top of the frame.
        var late = await PortalClient.ReadAsync(await sigrid.SubmitAsync(paymentFormLeftOpen, CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-05-15", ["Payment.Amount"] = "112500", ["Payment.Reference"] = "R1" }));
        Assert.Contains("Beløpet inngår i sluttoppgjøret.", late.GetElementById("error-summary")!.TextContent);

        await ExpectRedirectAsync(await kari.SubmitAsync(CouncilUrl(id), "form[action*=Request]", new() { ["RequestForm.StatusText"] = "Sluttrapporten er godkjent." }));
        await ApproveRequestAsync(sigrid, id);
        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-05-15", ["Payment.Amount"] = "150000", ["Payment.Reference"] = "R2" }));
        var settled = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Equal("Avsluttet (utløpt)", Text(settled, "agreement-status"));
        Assert.Contains("inngår i sluttoppgjøret", Row(settled, "milestones", "Ved signering"));
    }

    [Fact]
    public async Task FinalReportApproved_WhileAPaymentRequestWaits_AnswersTheRequest()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        Portal.Clock.Set(AfterTheWork);
        await RegisterWorkdaysAsync(kari, id, 100m);
        await ExpectRedirectAsync(await kari.SubmitAsync(CouncilUrl(id), "form[action*=Request]", new() { ["RequestForm.StatusText"] = "Arbeidet er gjort." }));
        await ExpectRedirectAsync(await FinalReportSteps.SubmitReportAsync(kari, id));
        var decisionLeftOpen = await sigrid.GetPageAsync(CountyUrl(id));
        await ExpectRedirectAsync(await FinalReportSteps.DecideAsync(sigrid, id, 1, "Approve"));

        var stale = await PortalClient.ReadAsync(await sigrid.SubmitAsync(decisionLeftOpen, CountyUrl(id), "form[action*=Decide]", new() { ["Decision.Approve"] = "true" }));
        Assert.Contains("Anmodningen er allerede behandlet.", stale.GetElementById("error-summary")!.TextContent);
        var page = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Contains("kr 90 000,00", Row(page, "milestones", "Sluttoppgjør")); // 100 h × 900, nothing paid before
        Assert.Contains("Sluttrapporten ble godkjent før utbetalingen var registrert.", page.QuerySelector("main")!.TextContent);
    }

    /// <summary>What the council's start page lists under «Dette venter på deg».</summary>
    private static string CouncilTasks(AngleSharp.Html.Dom.IHtmlDocument home) => home.QuerySelector("#todo-heading")?.ParentElement?.TextContent ?? "";

    [Fact]
    public async Task SmallSpend_EndsInARepaymentClaimThatTheCountyRegisters()
    {
        Portal.Clock.Set(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        var id = await DraftFromTemplateAsync(kari);
        await SignAsync(kari, CouncilUrl(id));
        await SignAsync(sigrid, CountyUrl(id));
        await kari.SubmitAsync(CouncilUrl(id), "form[action*=Request]", new() { ["RequestForm.StatusText"] = "Oppstart." });
        await ApproveRequestAsync(sigrid, id);
        await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-02-01", ["Payment.Amount"] = "112500", ["Payment.Reference"] = "R1" });
        Portal.Clock.Set(AfterTheWork); // the work is done, then registered
        await RegisterWorkdaysAsync(kari, id, 100m);
        await RegisterCostAsync(kari, id, "2026-05-06", "Leverandør AS", "Reise", "5000", PdfVoucher, "reise.pdf");

        await ExpectRedirectAsync(await FinalReportSteps.SubmitReportAsync(kari, id));
        await ExpectRedirectAsync(await FinalReportSteps.DecideAsync(sigrid, id, 1, "Approve"));
        var approved = await sigrid.GetPageAsync(CountyUrl(id));
        Assert.Contains("krav om tilbakebetaling kr 17 500,00", Row(approved, "milestones", "Sluttoppgjør"));
        Assert.Contains("Registrer tilbakebetalingen", Text(approved, "next-step"));
        Assert.Matches("betal tilbake kr 17 500,00 til fylket \\(«Sluttoppgjør", CouncilTasks(await kari.GetPageAsync("/rad/hallingdal")));
        Assert.Matches("^Betal tilbake kr 17 500,00 til Buskerud fylkeskommune \\(«Sluttoppgjør[^»]*»\\)\\. Fylket registrerer tilbakebetalingen når pengene er kommet\\.$",
            Text(await kari.GetPageAsync(CouncilUrl(id)), "next-step"));
        Assert.Contains("venter på tilbakebetaling", Row(approved, "milestones", "Sluttoppgjør"));
        var countyHome = await sigrid.GetPageAsync("/fylke/buskerud");
        Assert.Contains("Registrer tilbakebetalingen fra Regionrådet for Hallingdal for «", countyHome.QuerySelector("#todo-heading")!.ParentElement!.TextContent);
        Assert.Contains("»: kr 17 500,00.", countyHome.QuerySelector("#todo-heading")!.ParentElement!.TextContent);
        Assert.Equal("tilbakebetaling fra rådet", countyHome.QuerySelector("[data-testid=agreement-list] tbody tr td:last-child")!.TextContent.Trim());
        Assert.Equal("tilbakebetaling fra rådet", (await kari.GetPageAsync("/rad/hallingdal/avtaler")).QuerySelector("[data-testid=agreement-list] tbody tr td:last-child")!.TextContent.Trim());

        var wrongWay = await PortalClient.ReadAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-02-02", ["Payment.Amount"] = "17 500", ["Payment.Reference"] = "Innbetaling 4711" }));
        Assert.Equal("Rådet skal betale tilbake kr 17 500,00. En tilbakebetaling skrives med minus foran (-17 500,00).", wrongWay.FieldError("Payment.Amount"));
        Assert.Null(wrongWay.QuerySelector("[name='Payment.ConfirmsDeviation']"));

        // Ticking «the amount is right» does not turn a repayment into a payment either.
        var confirmedWrongWay = await PortalClient.ReadAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-02-02", ["Payment.Amount"] = "17 500", ["Payment.Reference"] = "Innbetaling 4711", ["Payment.ConfirmsDeviation"] = "true" }));
        Assert.StartsWith("Rådet skal betale tilbake kr 17 500,00.", confirmedWrongWay.FieldError("Payment.Amount"));
        Assert.Equal("17 500", wrongWay.FieldValue("Payment.Amount"));
        Assert.Equal("Sluttrapport godkjent", Text(await kari.GetPageAsync(CouncilUrl(id)), "agreement-status"));

        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-02-02", ["Payment.Amount"] = "-17 500", ["Payment.Reference"] = "Innbetaling 4711" }));
        var repaid = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Equal("Avsluttet (utløpt)", Text(repaid, "agreement-status"));
        Assert.EndsWith("tilbakebetalt", Row(repaid, "milestones", "Sluttoppgjør").Trim());
        Assert.DoesNotContain("tilbakebetalingen", (await sigrid.GetPageAsync("/fylke/buskerud")).QuerySelector("#todo-heading")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task APaymentOtherThanTheExpectedAmount_IsRegisteredOnlyWhenTheOfficerConfirmsIt()
    {
        Portal.Clock.Set(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        var id = await DraftFromTemplateAsync(kari);
        await SignAsync(kari, CouncilUrl(id));
        await SignAsync(sigrid, CountyUrl(id));
        await kari.SubmitAsync(CouncilUrl(id), "form[action*=Request]", new() { ["RequestForm.StatusText"] = "Oppstart." });
        await ApproveRequestAsync(sigrid, id);

        var typo = new Dictionary<string, string> { ["Payment.Date"] = "2026-02-01", ["Payment.Amount"] = "1 125 000", ["Payment.Reference"] = "R1" };
        var refused = await PortalClient.ReadAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]", typo));
        Assert.Equal("Du skrev kr 1 125 000,00, men forventet beløp er kr 112 500,00. Rett beløpet, eller kryss av her hvis det stemmer likevel.",
            refused.FieldError("Payment.ConfirmsDeviation"));
        Assert.Contains("godkjent, venter på betaling", Row(refused, "milestones", "Ved signering"));
        Assert.Null(refused.QuerySelector("[data-testid=payments]"));

        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]", new(typo) { ["Payment.ConfirmsDeviation"] = "true" }));
        Assert.Contains("betalt", Row(await sigrid.GetPageAsync(CountyUrl(id)), "milestones", "Ved signering"));
    }

    [Fact]
    public async Task AWrongPaymentThatSettledTheAgreement_IsReversedWithAReason_AndTheRightOneRegistered()
    {
        Portal.Clock.Set(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        var id = await DraftFromTemplateAsync(kari);
        await SignAsync(kari, CouncilUrl(id));
        await SignAsync(sigrid, CountyUrl(id));
        await kari.SubmitAsync(CouncilUrl(id), "form[action*=Request]", new() { ["RequestForm.StatusText"] = "Oppstart." });
        await ApproveRequestAsync(sigrid, id);
        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-02-01", ["Payment.Amount"] = "112500", ["Payment.Reference"] = "R1" }));
        Portal.Clock.Set(AfterTheWork); // the work is done, then registered
        await RegisterWorkdaysAsync(kari, id, 100m);
        await ExpectRedirectAsync(await FinalReportSteps.SubmitReportAsync(kari, id));
        await ExpectRedirectAsync(await FinalReportSteps.DecideAsync(sigrid, id, 1, "Approve"));
        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]", new()
        {
            ["Payment.Date"] = "2026-02-02", ["Payment.Amount"] = "-2 250", ["Payment.Reference"] = "Feil beløp", ["Payment.ConfirmsDeviation"] = "true",
        }));
        Assert.Equal("Avsluttet (utløpt)", Text(await sigrid.GetPageAsync(CountyUrl(id)), "agreement-status"));

        var settled = await sigrid.GetPageAsync(CountyUrl(id));
        Assert.StartsWith("Avtalen er avsluttet. Reverserer du en betaling, åpnes avtalen igjen", Text(settled, "reopens"));
        var wrong = settled.QuerySelectorAll("#Reversal_PaymentId option").Single(o => o.TextContent.Contains("Feil beløp")).GetAttribute("value")!;
        var noReason = await PortalClient.ReadAsync(await sigrid.SubmitAsync(CountyUrl(id), "[data-testid=reverse-payment]", new() { ["Reversal.PaymentId"] = wrong }));
        Assert.Equal("Skriv hvorfor betalingen reverseres, for eksempel «feil beløp».", noReason.FieldError("Reversal.Reason"));
        Assert.Equal("Avsluttet (utløpt)", Text(noReason, "agreement-status"));
        using var hadeland = await Portal.SignedInAsync(Demo.HadelandSecretary);
        Assert.Equal(HttpStatusCode.NotFound, (await hadeland.PostWithTokenAsync(CouncilUrl(id) + "?handler=ReversePayment", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kari.PostWithTokenAsync(CouncilUrl(id) + "?handler=ReversePayment", [])).StatusCode);

        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "[data-testid=reverse-payment]",
            new() { ["Reversal.PaymentId"] = wrong, ["Reversal.Reason"] = "Rådet betalte tilbake 22 500, ikke 2 250." }));
        var reopened = await sigrid.GetPageAsync(CountyUrl(id));
        Assert.Equal("Sluttrapport godkjent", Text(reopened, "agreement-status"));
        Assert.Contains("venter på tilbakebetaling", Row(reopened, "milestones", "Sluttoppgjør"));
        Assert.DoesNotContain("Feil beløp", reopened.QuerySelector("[data-testid=payments]")!.TextContent);
        Assert.Contains("Betalingen for «Sluttoppgjør", Text(reopened, "history"));
        Assert.Contains("er reversert: Rådet betalte tilbake 22 500, ikke 2 250.", Text(reopened, "history"));
        Assert.Contains("Avtalen var avsluttet og er åpnet igjen: «Sluttoppgjør", Text(reopened, "history"));
        // The same reversal from a tab opened before: said on the page, not «page not found».
        var twice = await PortalClient.ReadAsync(await sigrid.PostWithTokenAsync(CountyUrl(id) + "?handler=ReversePayment",
            new() { ["Reversal.PaymentId"] = wrong, ["Reversal.Reason"] = "Rådet betalte tilbake 22 500, ikke 2 250." }));
        Assert.Contains("Betalingen er allerede reversert", twice.GetElementById("error-summary")!.TextContent, StringComparison.Ordinal);

        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-02-02", ["Payment.Amount"] = "-22 500", ["Payment.Reference"] = "Innbetaling 4711" }));
        Assert.Equal("Avsluttet (utløpt)", Text(await kari.GetPageAsync(CouncilUrl(id)), "agreement-status"));
    }

    /// <summary>Registers the hours as 7,5-hour working days from 2 February (the rest on the last day).</summary>
    internal static async Task RegisterWorkdaysAsync(PortalClient client, Guid id, decimal total)
    {
        var day = new DateOnly(2026, 2, 2);
        while (total > 0)
        {
            var hours = Math.Min(7.5m, total);
            await ExpectRedirectAsync(await RegisterHoursAsync(client, id, day.ToString("yyyy-MM-dd"), "Kari Nordby", "Mobilisering av bedrifter",
                hours.ToString(System.Globalization.CultureInfo.GetCultureInfo("nb-NO"))));
            total -= hours;
            day = day.AddDays(1);
        }
    }

    internal static async Task<HttpResponseMessage> RegisterHoursAsync(PortalClient client, Guid id, string date, string person, string activity, string hours) =>
        await client.SubmitAsync(CouncilUrl(id), "form[action*=Hours]",
            new() { ["Hours.Date"] = date, ["Hours.Person"] = person, ["Hours.Activity"] = activity, ["Hours.Hours"] = hours });

    internal static async Task<HttpResponseMessage> RegisterCostAsync(PortalClient client, Guid id, string date, string supplier, string description,
        string amount, byte[] file, string fileName)
    {
        var page = await client.GetPageAsync(CouncilUrl(id));
        var form = (IHtmlFormElement)page.QuerySelector("form[action*=Cost]")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value), "__RequestVerificationToken" },
            { new StringContent(date), "Cost.Date" },
            { new StringContent(supplier), "Cost.Supplier" },
            { new StringContent(description), "Cost.Description" },
            { new StringContent(amount), "Cost.Amount" },
        };
        var fileContent = new ByteArrayContent(file);
        fileContent.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(fileContent, "voucher", fileName);
        return await client.Http.PostAsync(form.GetAttribute("action"), content);
    }

    internal static string Text(IHtmlDocument page, string testId) =>
        page.QuerySelector($"[data-testid={testId}]")?.TextContent.Trim() ?? throw new InvalidOperationException($"No {testId} on the page.");

    internal static string Row(IHtmlDocument page, string table, string startsWith) =>
        page.QuerySelectorAll($"[data-testid={table}] tbody tr").First(r => r.TextContent.Trim().StartsWith(startsWith, StringComparison.Ordinal)).TextContent;
}
