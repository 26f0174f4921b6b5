using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;

namespace BioSirk.Portal.Tests.Agreements;

public sealed class AgreementFormTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task NewAgreement_WithBadInput_ShowsEachMessageBesideItsFieldAndKeepsWhatWasTyped()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var form = await kari.FormValuesAsync("/rad/hallingdal/avtaler/ny", "#draft-form");
        Assert.Equal("150000", form["Input.FrameAmount"].Replace(" ", "").Replace("\u00A0", ""));
        form["Input.Title"] = "Min avtale";
        form["Input.OrderNumber"] = new string('1', 101);
        form["Input.CouncilOrganisationNumber"] = "975 576 468";
        form["Input.PeriodEnd"] = "2026-01-10";
        form["Input.FrameAmount"] = "150 000,005";
        form["Input.HourRate"] = "ni hundre";
        form["Input.Milestones[1].SharePercent"] = "20";
        form["Input.ActivitiesDeadline"] = "31.02.2026"; // typed by hand where the browser has no date picker: no such day
        form["Input.ReportDeadline"] = "15.12.2026"; // typed by hand, and a real day

        var response = await kari.PostFormAsync("/rad/hallingdal/avtaler/ny", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ReadAsync(response);
        Assert.StartsWith("Organisasjonsnummeret må ha 9 siffer", page.FieldError("Input.CouncilOrganisationNumber"));
        Assert.Equal("Perioden må slutte etter at den starter (15.01.2026).", page.FieldError("Input.PeriodEnd"));
        Assert.Equal("Beløpet for avtalens ramme kan ha høyst to desimaler (hele øre).", page.FieldError("Input.FrameAmount"));
        Assert.Equal("Skriv timeprisen som et beløp, for eksempel 900.", page.FieldError("Input.HourRate"));
        Assert.Equal("Bestillernummeret kan være på høyst 100 tegn (nå 101).", page.FieldError("Input.OrderNumber"));
        Assert.Equal("Andelene må til sammen være 100 %. Nå er summen 95 %.", page.GetElementById("Input_Milestones-error")!.TextContent);
        Assert.Equal("Min avtale", page.FieldValue("Input.Title"));
        Assert.Equal("ni hundre", page.FieldValue("Input.HourRate"));
        Assert.Equal("975 576 468", page.FieldValue("Input.CouncilOrganisationNumber"));
        Assert.Equal("«31.02.2026» er ikke en gyldig dato. Skriv datoen som dd.mm.åååå.", page.FieldError("Input.ActivitiesDeadline"));
        Assert.Single(page.QuerySelectorAll("#error-summary a[href='#Input_ActivitiesDeadline']")); // not also "fill in the deadline"
        Assert.Equal("31.02.2026", page.FieldValue("Input.ActivitiesDeadline"));
        Assert.Null(page.FieldError("Input.ReportDeadline"));
    }

    [Fact]
    public async Task TheAgreementForms_GoDownOneHeadingLevelAtATime()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var refused = await PortalClient.ReadAsync(await kari.PostFormAsync("/rad/hallingdal/avtaler/ny",
            new Dictionary<string, string>(await kari.FormValuesAsync("/rad/hallingdal/avtaler/ny", "#draft-form")) { ["Input.Milestones[0].SharePercent"] = "50" }));
        Assert.NotNull(refused.GetElementById("Input_Milestones-error"));

        foreach (var (path, page) in new[]
                 {
                     ("/rad/hallingdal/avtaler/ny", await kari.GetPageAsync("/rad/hallingdal/avtaler/ny")),
                     ("/rad/hallingdal/avtaler/ny refused", refused),
                     ("/fylke/buskerud/avtaler/ny", await sigrid.GetPageAsync("/fylke/buskerud/avtaler/ny")),
                     (CouncilUrl(id) + "/rediger", await kari.GetPageAsync(CouncilUrl(id) + "/rediger")),
                 })
        {
            var levels = page.QuerySelectorAll("main :is(h1, h2, h3, h4, h5, h6)").Select(h => (Level: h.LocalName[1] - '0', Text: Text(h))).ToList();
            Assert.Equal(1, levels[0].Level);
            var skips = levels.Zip(levels.Skip(1)).Where(pair => pair.Second.Level > pair.First.Level + 1).ToList();
            Assert.True(skips.Count == 0, $"{path}: " + string.Join("; ", skips.Select(pair => $"h{pair.First.Level} «{pair.First.Text}» is followed by h{pair.Second.Level} «{pair.Second.Text}»")));
        }

        // The payments are a group named by their heading: the error summary's link leads there, and it takes the focus.
        var group = refused.GetElementById("Input_Milestones")!;
        Assert.Equal("fieldset", group.LocalName);
        Assert.Equal("-1", group.GetAttribute("tabindex"));
        Assert.Equal("Utbetalinger", Text(group.QuerySelector("legend")!));
        Assert.NotNull(refused.QuerySelector("#error-summary a[href='#Input_Milestones']"));
    }

    [Fact]
    public async Task CountyOfficerChoosesAnotherCouncil_TheDraftIsFilledInForThatCouncil_WithHerAsTheCountysContact()
    {
        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        var first = await sigrid.GetPageAsync("/fylke/buskerud/avtaler/ny");
        var ringerike = first.QuerySelectorAll("[data-testid=choose-party] option").Single(o => o.TextContent == "Ringeriksregionen").GetAttribute("value");

        var page = await sigrid.GetPageAsync($"/fylke/buskerud/avtaler/ny?rad={ringerike}");

        var form = PortalClient.FormValues(page, "#draft-form");
        Assert.Equal(ringerike, form["CouncilId"]);
        Assert.Contains("Ringeriksregionen sikrer at", form["Input.Terms"]);
        Assert.DoesNotContain("Hallingdal", form["Input.Terms"] + form["Input.SubGoals"]);
        Assert.Equal("", form["Input.CouncilOrganisationNumber"]); // Hallingdal's number must not come along
        Assert.Equal("Sigrid Lien", form["Input.CountyContactName"]);
        Assert.Equal(Demo.BuskerudOfficer, form["Input.CountyContactEmail"]);
        Assert.Equal("Ringeriksregionen", page.QuerySelector("#CouncilId option[selected]")!.TextContent);

        form["Input.CouncilOrganisationNumber"] = "975 576 469";
        var saved = await sigrid.PostFormAsync("/fylke/buskerud/avtaler/ny", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var agreement = await sigrid.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Ringeriksregionen", agreement.QuerySelector("#sign")!.TextContent);
        Assert.Contains("Ringeriksregionen (org.nr. 975 576 469)", Text(agreement.QuerySelector("h1 + p")!));
        var contacts = agreement.QuerySelectorAll("[data-testid=contacts] div").Select(Text);
        Assert.Equal([$"Buskerud fylkeskommune: Sigrid Lien {Demo.BuskerudOfficer}", "Ringeriksregionen: ikke oppgitt"], contacts);
        Assert.Equal("mailto:" + Demo.BuskerudOfficer, agreement.QuerySelector("[data-testid=contacts] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task SecretaryChoosesAnotherCounty_TheDraftNamesThatCounty_AndItsContact()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var first = await kari.GetPageAsync("/rad/hallingdal/avtaler/ny");
        var buskerudForm = PortalClient.FormValues(first, "#draft-form");
        Assert.Contains("godkjent av Buskerud fylkeskommune", buskerudForm["Input.Terms"]);
        Assert.Equal(("Sigrid Lien", Demo.BuskerudOfficer), (buskerudForm["Input.CountyContactName"], buskerudForm["Input.CountyContactEmail"]));
        var innlandet = first.QuerySelectorAll("[data-testid=choose-party] option").Single(o => o.TextContent == "Innlandet fylkeskommune").GetAttribute("value");

        var form = await kari.FormValuesAsync($"/rad/hallingdal/avtaler/ny?fylke={innlandet}", "#draft-form");

        Assert.Equal(innlandet, form["CountyId"]);
        Assert.Contains("godkjent av Innlandet fylkeskommune", form["Input.Terms"]);
        Assert.DoesNotContain("Buskerud", form["Input.Terms"]);
        Assert.Equal(("Hanne Moen", Demo.InnlandetOfficer), (form["Input.CountyContactName"], form["Input.CountyContactEmail"]));
        Assert.Equal(("B701010", "60256"), (buskerudForm["Input.OrderNumber"], buskerudForm["Input.ProjectNumber"]));
        Assert.Equal(("", ""), (form["Input.OrderNumber"], form["Input.ProjectNumber"])); // Buskerud's numbers are not Innlandet's
        Assert.Null(first.QuerySelector("[data-testid=county-without-officer]"));
    }

    [Fact]
    public async Task ACountyWithoutAnOfficerInThePortal_IsSaidToHaveNobodyToSign_BeforeTheDraftIsMade()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var first = await kari.GetPageAsync("/rad/hallingdal/avtaler/ny");
        var akershus = first.QuerySelectorAll("[data-testid=choose-party] option").Single(o => o.TextContent == "Akershus fylkeskommune").GetAttribute("value");

        var page = await kari.GetPageAsync($"/rad/hallingdal/avtaler/ny?fylke={akershus}");

        Assert.StartsWith("Akershus fylkeskommune har ingen fylkesrådgiver i portalen ennå, så ingen kan signere avtalen for fylket.",
            page.QuerySelector("[data-testid=county-without-officer]")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#draft-form")); // the draft can still be made
    }

    [Fact]
    public async Task ADraftSavedAsItWas_ChangesNoPaymentInTheAuditLog_AndAChangedShareIsLoggedAsAChange()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var id = await DraftFromTemplateAsync(kari);
        Task<List<string>> MilestoneEntriesAsync() => Portal.WithScopeAsync(sp => sp.GetRequiredService<BioSirk.Portal.Agreements.Data.AgreementsDbContext>()
            .AuditEntries.AsNoTracking().Where(e => e.EntityType == "PaymentMilestone").Select(e => e.Action.ToString()).OrderBy(a => a).ToListAsync());
        Assert.Equal(["Created", "Created"], await MilestoneEntriesAsync());

        await ExpectRedirectAsync(await kari.PostFormAsync(CouncilUrl(id) + "/rediger", await kari.FormValuesAsync(CouncilUrl(id) + "/rediger", "main form")));
        Assert.Equal(["Created", "Created"], await MilestoneEntriesAsync());

        var form = await kari.FormValuesAsync(CouncilUrl(id) + "/rediger", "main form");
        form["Input.Milestones[0].SharePercent"] = "50";
        form["Input.Milestones[1].SharePercent"] = "50";
        await ExpectRedirectAsync(await kari.PostFormAsync(CouncilUrl(id) + "/rediger", form));
        Assert.Equal(["Created", "Created", "Updated", "Updated"], await MilestoneEntriesAsync());
    }

    [Fact]
    public async Task TwoPeopleEditingTheSameDraft_TheSecondGetsAConflictAndKeepsHerText()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        var id = await DraftFromTemplateAsync(kari);
        var kariForm = await kari.FormValuesAsync(CouncilUrl(id) + "/rediger", "main form");
        var sigridForm = await sigrid.FormValuesAsync(CountyUrl(id) + "/rediger", "main form");

        kariForm["Input.Title"] = "Kari sin tittel";
        await ExpectRedirectAsync(await kari.PostFormAsync(CouncilUrl(id) + "/rediger", kariForm));
        sigridForm["Input.Title"] = "Sigrid sin tittel";
        var second = await sigrid.PostFormAsync(CountyUrl(id) + "/rediger", sigridForm);

        var page = await PortalClient.ReadAsync(second);
        Assert.Contains("Noen andre har lagret endringer i denne avtalen mens du arbeidet", page.GetElementById("error-summary")!.TextContent);
        Assert.Equal("Sigrid sin tittel", page.FieldValue("Input.Title"));
        Assert.Equal("Kari sin tittel", (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("h1")!.TextContent);

        // Told, she saves again from the same form (before, every new try failed the same way, and reloading lost her text).
        await ExpectRedirectAsync(await sigrid.PostFormAsync(CountyUrl(id) + "/rediger", PortalClient.FormValues(page, "main form")));
        Assert.Equal("Sigrid sin tittel", (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task SigningADraftChangedWhileSheReadIt_IsRefused_AndThePageShowsWhatIsNowToBeSigned()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        var id = await DraftFromTemplateAsync(kari);
        var read = await sigrid.GetPageAsync(CountyUrl(id));
        var form = await kari.FormValuesAsync(CouncilUrl(id) + "/rediger", "main form");
        form["Input.Title"] = "Ny tittel";
        await ExpectRedirectAsync(await kari.PostFormAsync(CouncilUrl(id) + "/rediger", form));

        var signForm = read.QuerySelector("form[action*=Sign]")!;
        var refused = await PortalClient.ReadAsync(await sigrid.PostFormAsync(signForm.GetAttribute("action")!, PortalClient.FormValues(read, "form[action*=Sign]")));

        Assert.Contains("Noen andre endret avtalen mens du leste den, så den er ikke signert.", refused.GetElementById("error-summary")!.TextContent);
        Assert.Equal("Ny tittel", refused.QuerySelector("h1")!.TextContent);
        Assert.Equal("Utkast", Text(refused.QuerySelector("[data-testid=agreement-status]")!));
        await ExpectRedirectAsync(await SignAsync(sigrid, CountyUrl(id)));
    }

    [Fact]
    public async Task BeforeSigning_ThePageSaysWhatIsSigned_AndTheSignatureSaysWhoAndWhen()
    {
        Portal.Clock.Set(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var id = await DraftFromTemplateAsync(kari);

        var draft = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Equal("Du signerer avtalen slik den står på denne siden: perioden 15.01.2026–31.12.2026, ramme kr 150 000,00 og timepris kr 900,00 "
            + "(eks. mva.), og utbetalingene i tabellen. Etter signering kan den bare endres med et tillegg.", draft.QuerySelector("[data-testid=sign-summary]")!.TextContent);
        Assert.Equal("sign-summary", draft.QuerySelector("form[action*=Sign] button")!.GetAttribute("aria-describedby"));

        await ExpectRedirectAsync(await SignAsync(kari, CouncilUrl(id)));
        var signed = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Contains("Regionrådet for Hallingdal: signert av Kari Nordby 20.01.2026 kl. 10:00", Text(signed.GetElementById("sign")!));
        Assert.Null(signed.QuerySelector("[data-testid=sign-summary]"));
    }

    [Fact]
    public async Task EditingADraftAfterOneSignature_WithdrawsTheSignature()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var id = await DraftFromTemplateAsync(kari);
        await ExpectRedirectAsync(await SignAsync(kari, CouncilUrl(id)));

        var form = await kari.FormValuesAsync(CouncilUrl(id) + "/rediger", "main form");
        form["Input.HourRate"] = "950";
        var page = await kari.PageAfterAsync(await kari.PostFormAsync(CouncilUrl(id) + "/rediger", form));

        Assert.Contains("Regionrådet for Hallingdal: ikke signert", page.QuerySelector("#sign")!.TextContent);
        Assert.Contains("Signaturen som var gitt, er trukket tilbake, fordi teksten er endret: utkastet må signeres på nytt.", page.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task EditingADraft_FromAFormReadBeforeTheOtherPartySigned_IsAConflict_AndAnEditAfterItTellsThatParty()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        var id = await DraftFromTemplateAsync(kari);
        var readBefore = await kari.FormValuesAsync(CouncilUrl(id) + "/rediger", "main form");
        await ExpectRedirectAsync(await SignAsync(sigrid, CountyUrl(id)));

        readBefore["Input.HourRate"] = "950";
        var conflict = await PortalClient.ReadAsync(await kari.PostFormAsync(CouncilUrl(id) + "/rediger", readBefore));
        Assert.Contains("Noen andre har lagret endringer i denne avtalen mens du arbeidet.", conflict.GetElementById("error-summary")!.TextContent);
        Assert.Equal("950", conflict.FieldValue("Input.HourRate"));
        Assert.Contains("Buskerud fylkeskommune: signert av Sigrid Lien", (await sigrid.GetPageAsync(CountyUrl(id))).GetElementById("sign")!.TextContent);

        // Saving again, knowingly, withdraws the county's signature, and the county is told.
        await ExpectRedirectAsync(await kari.PostFormAsync(CouncilUrl(id) + "/rediger", PortalClient.FormValues(conflict, "main form")));
        Assert.Contains("Buskerud fylkeskommune: ikke signert", (await sigrid.GetPageAsync(CountyUrl(id))).GetElementById("sign")!.TextContent);
        Assert.Contains(await sigrid.NoticesAsync(), n => n.TextContent.Contains("Regionrådet for Hallingdal har endret utkastet «", StringComparison.Ordinal)
            && n.TextContent.Contains("Signaturen deres er trukket tilbake", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Amendment_OfASignedAgreement_NeedsAReason_AndTakesEffectAsVersion2WhenTheOtherPartyAccepts()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var form = await kari.FormValuesAsync(CouncilUrl(id) + "/rediger", "main form");
        form["Input.ActivitiesDeadline"] = "2026-12-15";
        form["Input.SubGoals"] = form["Input.SubGoals"].ReplaceLineEndings("\r\n"); // as a browser sends a textarea: no change

        var withoutReason = await PortalClient.ReadAsync(await kari.PostFormAsync(CouncilUrl(id) + "/rediger", form));
        Assert.Equal("Skriv begrunnelsen for endringen.", withoutReason.FieldError("Reason"));
        Assert.Equal("15.12.2026", withoutReason.FieldValue("Input.ActivitiesDeadline"));

        form["Reason"] = "Fylket ga utsatt frist i møte 3. mars.";

        // The payment at signing has fallen due: its share stands, and saying so keeps the shares she sees at 100 %.
        var reshared = new Dictionary<string, string>(form) { ["Input.Milestones[0].SharePercent"] = "60", ["Input.Milestones[1].SharePercent"] = "40" };
        var refused = await PortalClient.ReadAsync(await kari.PostFormAsync(CouncilUrl(id) + "/rediger", reshared));
        Assert.Equal("Utbetalingen «Ved signering» er allerede utløst, så andelen står fast på 75 %.", refused.GetElementById("Input_Milestones_0__SharePercent-error")!.TextContent.Trim());
        Assert.Equal("60", refused.FieldValue("Input_Milestones_0__SharePercent"));
        Assert.Equal("Signert (i kraft)", HallingdalLifecycleTests.Text(await kari.GetPageAsync(CouncilUrl(id)), "agreement-status"));
        Assert.Contains("75 %", HallingdalLifecycleTests.Row(await kari.GetPageAsync(CouncilUrl(id)), "milestones", "Ved signering"));

        // One party's amendment is a proposal: the terms in force stay until the other party accepts it.
        await ExpectRedirectAsync(await kari.PostFormAsync(CouncilUrl(id) + "/rediger", form));
        var proposed = await sigrid.GetPageAsync(CountyUrl(id));
        Assert.Equal("Avtaleversjon 1", proposed.QuerySelector("[data-testid=agreement-version]")!.TextContent);
        Assert.Contains("30.11.2026", proposed.QuerySelector("#terms")!.TextContent);
        Assert.Equal(["Frist for aktiviteter", "30.11.2026", "15.12.2026"], Cells(Assert.Single(proposed.QuerySelectorAll("[data-testid=amendment-changes] tbody tr"))));
        var told = (await sigrid.NoticesAsync()).Single(n => n.TextContent.Contains("tillegg", StringComparison.Ordinal)).TextContent;
        Assert.Contains("Regionrådet for Hallingdal foreslår et tillegg til «", told);
        Assert.Contains("». Endrer: Frist for aktiviteter. Begrunnelse: Fylket ga utsatt frist i møte 3. mars. Godta eller avvis forslaget på avtalesiden.", told);
        Assert.Contains("Regionrådet for Hallingdal foreslår et tillegg til «", (await sigrid.GetPageAsync("/fylke/buskerud")).QuerySelector("#todo-heading")!.ParentElement!.TextContent);
        Assert.Null((await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("form[action*=AcceptAmendment]"));

        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=AcceptAmendment]", []));
        var page = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Equal(["Frist for aktiviteter", "30.11.2026", "15.12.2026"], Cells(page.QuerySelector("[data-testid=version-changes] tbody tr")!));
        Assert.Contains("Fylket ga utsatt frist", page.QuerySelector("#versions")!.TextContent);
        Assert.Equal("Avtaleversjon 2", page.QuerySelector("[data-testid=agreement-version]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=amendment]"));
        Assert.Contains(await kari.NoticesAsync(), n => n.TextContent.Contains("Buskerud fylkeskommune har godtatt tillegget til «", StringComparison.Ordinal)
            && n.TextContent.Contains("». Versjon 2 gjelder nå. Endret: Frist for aktiviteter.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Amendment_ProposedByTheCounty_IsRejectedWithAComment_AndARevisedProposalIsNotAcceptedUnread()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var form = await sigrid.FormValuesAsync(CountyUrl(id) + "/rediger", "main form");
        form["Input.FrameAmount"] = "120 000";
        form["Reason"] = "Budsjettkutt.";
        await ExpectRedirectAsync(await sigrid.PostFormAsync(CountyUrl(id) + "/rediger", form));

        // Kari opens the proposal; meanwhile Sigrid revises it. Accepting what Kari read is refused.
        var read = await kari.GetPageAsync(CouncilUrl(id));
        var revised = await sigrid.FormValuesAsync(CountyUrl(id) + "/rediger", "main form");
        Assert.Equal("120000", revised["Input.FrameAmount"]);
        Assert.Equal("Budsjettkutt.", revised["Reason"]);
        revised["Input.FrameAmount"] = "100 000";
        await ExpectRedirectAsync(await sigrid.PostFormAsync(CountyUrl(id) + "/rediger", revised));
        var stale = await PortalClient.ReadAsync(await kari.SubmitAsync(read, CouncilUrl(id), "form[action*=AcceptAmendment]", []));
        Assert.Contains("Forslaget er endret siden du åpnet siden.", stale.GetElementById("error-summary")!.TextContent);
        Assert.Contains("kr 100 000,00", stale.QuerySelector("[data-testid=amendment-changes]")!.TextContent);

        var noComment = await PortalClient.ReadAsync(await kari.SubmitAsync(CouncilUrl(id), "form[action*=RejectAmendment]", []));
        Assert.Equal("Skriv hvorfor dere avviser forslaget, så den andre parten vet hva som må endres.", noComment.FieldError("AmendmentAnswer.Comment"));
        await ExpectRedirectAsync(await kari.SubmitAsync(CouncilUrl(id), "form[action*=RejectAmendment]", new() { ["AmendmentAnswer.Comment"] = "Timene er allerede brukt." }));

        var after = await sigrid.GetPageAsync(CountyUrl(id));
        Assert.Null(after.QuerySelector("[data-testid=amendment]"));
        Assert.Contains("kr 150 000,00", after.QuerySelector("#terms")!.TextContent);
        Assert.Contains("Forslaget til tillegg er avvist: Timene er allerede brukt.", after.QuerySelector("[data-testid=history]")!.TextContent);
        Assert.Contains(await sigrid.NoticesAsync(), n => n.TextContent.Contains("Regionrådet for Hallingdal har avvist forslaget til tillegg til «", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Amendment_ThatContradictsTheMoneyRegistered_IsRefusedBesideTheFields()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-01-19", "Kari", "Oppstart", "7,5"));
        await kari.SubmitAsync(CouncilUrl(id), "form[action*=Request]", new() { ["RequestForm.StatusText"] = "Oppstart." });
        await ApproveRequestAsync(sigrid, id);
        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-01-20", ["Payment.Amount"] = "112500", ["Payment.Reference"] = "R1" }));

        var form = await kari.FormValuesAsync(CouncilUrl(id) + "/rediger", "main form");
        form["Input.FrameAmount"] = "100 000";
        form["Input.PeriodStart"] = "2026-02-01";
        form["Reason"] = "Kutt.";
        var refused = await PortalClient.ReadAsync(await kari.PostFormAsync(CouncilUrl(id) + "/rediger", form));
        Assert.Equal("Rammen kan ikke være lavere enn det som allerede er utbetalt (kr 112 500,00).", refused.FieldError("Input.FrameAmount"));
        Assert.Equal("Det er registrert timer eller kostnader 19.01.2026, før den nye perioden. Flytt eller slett dem først.", refused.FieldError("Input.PeriodStart"));
        Assert.Equal("100 000", refused.FieldValue("Input.FrameAmount"));
        Assert.Null((await sigrid.GetPageAsync(CountyUrl(id))).QuerySelector("[data-testid=amendment]"));
    }

    [Fact]
    public async Task Amendment_RefusedOnTheCountysEditPage_ShowsOnlyTheError_NotAProposalAsSent()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-01-19", "Kari", "Oppstart", "7,5"));
        await kari.SubmitAsync(CouncilUrl(id), "form[action*=Request]", new() { ["RequestForm.StatusText"] = "Oppstart." });
        await ApproveRequestAsync(sigrid, id);
        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-01-20", ["Payment.Amount"] = "112500", ["Payment.Reference"] = "R1" }));
        var form = await sigrid.FormValuesAsync(CountyUrl(id) + "/rediger", "main form");
        form["Reason"] = "Budsjettkutt.";

        var belowPaid = await PortalClient.ReadAsync(await sigrid.PostFormAsync(CountyUrl(id) + "/rediger", new Dictionary<string, string>(form) { ["Input.FrameAmount"] = "100 000" }));
        Assert.Equal("Rammen kan ikke være lavere enn det som allerede er utbetalt (kr 112 500,00).", belowPaid.FieldError("Input.FrameAmount"));
        Assert.Equal("100 000", belowPaid.FieldValue("Input.FrameAmount"));
        Assert.Empty(belowPaid.QuerySelectorAll("main .alert-info"));
        Assert.DoesNotContain("Skjemaet viser forslaget", belowPaid.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var unchanged = await PortalClient.ReadAsync(await sigrid.PostFormAsync(CountyUrl(id) + "/rediger", form));
        Assert.Contains("Ingenting er endret.", unchanged.GetElementById("error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(unchanged.QuerySelectorAll("main .alert-info"));

        // Nothing was proposed: the edit page opens as before, and the council has nothing to answer.
        Assert.Empty((await sigrid.GetPageAsync(CountyUrl(id) + "/rediger")).QuerySelectorAll("main .alert-info"));
        Assert.Null((await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=amendment]"));
    }

    [Fact]
    public async Task ReportDeadline_BeforeTheActivitiesDeadline_IsRefusedBesideTheField_InADraftAndInAnAmendment()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        const string message = "Fristen for sluttrapporten kan ikke være før fristen for aktivitetene (30.11.2026).";

        var draft = await kari.FormValuesAsync("/rad/hallingdal/avtaler/ny", "#draft-form");
        draft["Input.ActivitiesDeadline"] = "2026-11-30";
        draft["Input.ReportDeadline"] = "2026-11-15";
        var refusedDraft = await kari.PostFormAsync("/rad/hallingdal/avtaler/ny", draft);
        Assert.Equal(HttpStatusCode.OK, refusedDraft.StatusCode);
        var draftPage = await PortalClient.ReadAsync(refusedDraft);
        Assert.Equal(message, draftPage.FieldError("Input.ReportDeadline"));
        Assert.Equal("15.11.2026", draftPage.FieldValue("Input.ReportDeadline"));
        draft["Input.ReportDeadline"] = "2026-11-30"; // the same day is allowed
        await ExpectRedirectAsync(await kari.PostFormAsync("/rad/hallingdal/avtaler/ny", draft));

        // An amendment that extends the period and the activities past the report deadline it leaves as it was.
        var form = await kari.FormValuesAsync(CouncilUrl(id) + "/rediger", "main form");
        form["Input.PeriodEnd"] = "2027-03-31";
        form["Input.ActivitiesDeadline"] = "2027-02-28";
        form["Reason"] = "Lengre prosjekt.";
        var refused = await PortalClient.ReadAsync(await kari.PostFormAsync(CouncilUrl(id) + "/rediger", form));
        Assert.Equal("Fristen for sluttrapporten kan ikke være før fristen for aktivitetene (28.02.2027).", refused.FieldError("Input.ReportDeadline"));
        Assert.Equal("28.02.2027", refused.FieldValue("Input.ActivitiesDeadline"));
        Assert.Null((await sigrid.GetPageAsync(CountyUrl(id))).QuerySelector("[data-testid=amendment]"));
    }

    private static string[] Cells(AngleSharp.Dom.IElement row) => row.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToArray();

    [Fact]
    public async Task Costs_WithAnAmountNoAgreementHas_AreRefused_AndTheFormSaysToChooseTheVoucherAgain()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var pdf = "%PDF-1.4 faktura"u8.ToArray();

        var huge = await PortalClient.ReadAsync(await HallingdalLifecycleTests.RegisterCostAsync(kari, id, "2026-02-05", "Gol kro", "Møteleie", "99999999999999999999", pdf, "faktura.pdf"));
        Assert.Equal("Beløpet er for stort (høyst kr 999 999 999,99). Sjekk at det er skrevet riktig.", huge.FieldError("Cost.Amount"));
        Assert.Equal("Gol kro", huge.FieldValue("Cost.Supplier"));
        Assert.Equal("Rett feilene over, og velg bilaget på nytt før du registrerer.", huge.QuerySelector("[data-testid=choose-voucher-again]")!.TextContent.Trim());
        Assert.Null(huge.QuerySelector("[data-testid=choose-voucher-again]")!.ParentElement!.QuerySelector(".invalid-feedback"));

        var typo = await PortalClient.ReadAsync(await HallingdalLifecycleTests.RegisterCostAsync(kari, id, "2026-02-05", "Gol kro", "Møteleie", "12abc", pdf, "faktura.pdf"));
        Assert.NotNull(typo.QuerySelector("[data-testid=choose-voucher-again]"));
        var page = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Contains("Ingen direkte kostnader er registrert ennå.", page.GetElementById("costs")!.TextContent);
    }

    [Fact]
    public async Task AFileFieldOrATickWithAnError_IsMarkedInvalid_AndTiedToItsMessage_AndOnlyAChosenFileIsAskedForAgain()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;

        var valid = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Null(valid.GetElementById("Cost_Voucher")!.GetAttribute("aria-invalid"));
        Assert.Null(valid.GetElementById("Timesheet")!.GetAttribute("aria-invalid"));
        Assert.Null((await sigrid.GetPageAsync(CountyUrl(id))).GetElementById("Breach_ConfirmsRescission")!.GetAttribute("aria-invalid"));

        // A chosen file that is no voucher: the message says to choose the file again.
        var notAVoucher = await PortalClient.ReadAsync(await HallingdalLifecycleTests.RegisterCostAsync(kari, id, "2026-01-20", "Gol kro", "Møteleie", "1 200", "hei"u8.ToArray(), "faktura.pdf"));
        var voucher = notAVoucher.GetElementById("Cost_Voucher")!;
        Assert.Equal("true", voucher.GetAttribute("aria-invalid"));
        Assert.Equal("Cost_Voucher-error", voucher.GetAttribute("aria-describedby"));
        Assert.EndsWith(". Velg filen på nytt.", notAVoucher.FieldError("Cost.Voucher"), StringComparison.Ordinal);

        // No file at all: there is nothing to choose again.
        var noVoucher = await PortalClient.ReadAsync(await kari.PostWithTokenAsync(CouncilUrl(id) + "?handler=Cost",
            new() { ["Cost.Date"] = "2026-01-20", ["Cost.Supplier"] = "Gol kro", ["Cost.Description"] = "Møteleie", ["Cost.Amount"] = "1 200" }));
        Assert.Equal("Legg ved bilaget (PDF, JPEG eller PNG).", noVoucher.FieldError("Cost.Voucher"));
        Assert.Equal("true", noVoucher.GetElementById("Cost_Voucher")!.GetAttribute("aria-invalid"));

        var noTimesheet = await PortalClient.ReadAsync(await kari.PostWithTokenAsync(CouncilUrl(id) + "?handler=Import"));
        var timesheet = noTimesheet.GetElementById("Timesheet")!;
        Assert.Equal("true", timesheet.GetAttribute("aria-invalid"));
        Assert.Equal("Timesheet-hint Timesheet-error", timesheet.GetAttribute("aria-describedby"));
        Assert.Equal("Velg timelisten du vil importere (CSV eller Excel).", noTimesheet.FieldError("Timesheet"));

        var unticked = await PortalClient.ReadAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Rescind]", []));
        var tick = unticked.GetElementById("Breach_ConfirmsRescission")!;
        Assert.Equal("true", tick.GetAttribute("aria-invalid"));
        Assert.Equal("Breach_ConfirmsRescission-error Breach_ConfirmsRescission-hint", tick.GetAttribute("aria-describedby"));
        Assert.Equal("Kryss av for at du vil heve avtalen. Hevingen kan ikke angres.", unticked.FieldError("Breach.ConfirmsRescission"));
    }

    [Fact]
    public async Task NewAgreement_WithAnHourRateOrFrameNoAgreementHas_IsRefused()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var form = await kari.FormValuesAsync("/rad/hallingdal/avtaler/ny", "#draft-form");
        form["Input.HourRate"] = "1 000 000 000 000";
        form["Input.FrameAmount"] = "150 000";

        var page = await PortalClient.ReadAsync(await kari.PostFormAsync("/rad/hallingdal/avtaler/ny", form));
        Assert.Equal("Beløpet for timeprisen er for stort (høyst kr 999 999 999,99). Sjekk at det er skrevet riktig.", page.FieldError("Input.HourRate"));

        form["Input.HourRate"] = "12 000";
        page = await PortalClient.ReadAsync(await kari.PostFormAsync("/rad/hallingdal/avtaler/ny", form));
        Assert.Equal("Timeprisen kan være høyst kr 10 000,00. Sjekk at den er skrevet riktig.", page.FieldError("Input.HourRate"));
        Assert.Equal("12 000", page.FieldValue("Input.HourRate"));
    }

    [Fact]
    public async Task Hours_OutsideThePeriodOrNotANumber_AreRefusedBesideTheField()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;

        var outside = await PortalClient.ReadAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2027-01-05", "Kari", "Arbeid", "7,5"));
        Assert.Equal("Datoen må ligge i avtaleperioden, 15.01.2026–31.12.2026.", outside.FieldError("Hours.Date"));
        Assert.Equal("Kari", outside.FieldValue("Hours.Person"));

        // Signed 20.01.2026: today's work is registered, tomorrow's is not yet done.
        var tomorrow = await PortalClient.ReadAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-01-21", "Kari", "Arbeid", "7,5"));
        Assert.Equal("Datoen er fram i tid. Timer registreres når arbeidet er gjort. I dag er 20.01.2026.", tomorrow.FieldError("Hours.Date"));
        Assert.Equal("21.01.2026", tomorrow.FieldValue("Hours.Date"));
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-01-20", "Kari", "Arbeid", "7,5"));
        var aheadCost = await PortalClient.ReadAsync(await HallingdalLifecycleTests.RegisterCostAsync(kari, id, "2026-01-21", "Gol kro", "Møteleie", "500", "%PDF-1.4"u8.ToArray(), "faktura.pdf"));
        Assert.Equal("Bilagsdatoen er fram i tid. Registrer kostnaden når du har fått bilaget. I dag er 20.01.2026.", aheadCost.FieldError("Cost.Date"));

        var word = await PortalClient.ReadAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-02-05", "Kari", "Arbeid", "sju"));
        Assert.Equal("Skriv timene som et tall, for eksempel 7,5.", word.FieldError("Hours.Hours"));
        Assert.Equal("sju", word.FieldValue("Hours.Hours"));

        var pasted = new string('x', 3000);
        var tooLong = await PortalClient.ReadAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-02-05", "Kari", pasted, "7,5"));
        Assert.Equal("Aktiviteten kan være på høyst 300 tegn (nå 3 000).", tooLong.FieldError("Hours.Activity"));
        Assert.Equal(pasted, tooLong.FieldValue("Hours.Activity"));

        // After the deadline for the activities (30.11.2026) hours are taken (the report is written then), with a word about the date.
        Portal.Clock.Set(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-12-02", "Kari", "Sluttrapport", "3"));
        Assert.Equal("Timene er registrert. Merk at datoen er etter fristen for aktivitetene (30.11.2026): timer etter fristen bør gjelde arbeidet med sluttrapporten.",
            (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector(".alert-success[role=status]")!.TextContent.Trim());
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-11-30", "Kari", "Aktivitet", "2"));
        Assert.Equal("Timene er registrert.", (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector(".alert-success[role=status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task HoursAndCostsRegisteredByMistake_CanBeTakenBack_UntilTheReportIsDelivered_OnlyByTheCouncil()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        Portal.Clock.Set(AfterTheWork); // the work is done, then registered
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-02-05", "Kari Nordby", "Arbeid", "7,5"));
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-02-06", "Kari Nordby", "Arbeid", "17,5"));
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterCostAsync(kari, id, "2026-03-01", "Leverandør AS", "Møte", "500", "%PDF-1.4"u8.ToArray(), "b.pdf"));
        var page = await kari.GetPageAsync(CouncilUrl(id));
        var typo = page.QuerySelectorAll("[data-testid=hour-rows] form").Single(f => f.TextContent.Contains("17,5 t 06.02.2026"));

        using var hadeland = await Portal.SignedInAsync(Demo.HadelandSecretary);
        Assert.Equal(HttpStatusCode.NotFound, (await hadeland.PostWithTokenAsync(typo.GetAttribute("action")!, [])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sigrid.PostWithTokenAsync(typo.GetAttribute("action")!.Replace("/rad/hallingdal", "/fylke/buskerud"), [])).StatusCode);

        await ExpectRedirectAsync(await kari.PostWithTokenAsync(typo.GetAttribute("action")!, []));
        page = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Equal("Timeføringen er slettet: 17,5 t 06.02.2026, Kari Nordby.", page.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Contains("7,5 t × kr 900,00", page.QuerySelector("[data-testid=spend-table]")!.TextContent);
        // The same «Slett» from a tab opened before: the page says it is gone already (not «page not found»).
        var again = await PortalClient.ReadAsync(await kari.PostWithTokenAsync(typo.GetAttribute("action")!, []));
        Assert.Contains("Raden er allerede slettet.", again.GetElementById("error-summary")!.TextContent, StringComparison.Ordinal);
        await ExpectRedirectAsync(await kari.SubmitAsync(CouncilUrl(id), "[data-testid=cost-rows] form", []));
        page = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Null(page.QuerySelector("[data-testid=cost-rows]"));
        Assert.Equal("Kostnaden er slettet: kr 500,00 01.03.2026, Leverandør AS.", page.QuerySelector("[role=status]")!.TextContent.Trim());

        var deleted = await Portal.WithScopeAsync(sp => sp.GetRequiredService<BioSirk.Portal.Agreements.Data.AgreementsDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == BioSirk.Portal.SharedKernel.Auditing.AuditAction.Deleted).Select(e => e.EntityType).ToListAsync());
        Assert.Equal(["DirectCost", "DirectCost.Voucher", "HourEntry"], deleted.Order());

        var remaining = page.QuerySelector("[data-testid=hour-rows] form")!.GetAttribute("action")!;
        await ExpectRedirectAsync(await Reporting.FinalReportSteps.SubmitReportAsync(kari, id));
        var refused = await PortalClient.ReadAsync(await kari.PostWithTokenAsync(remaining, []));
        Assert.Contains("Sluttrapporten er levert", refused.QuerySelector("#error-summary")!.TextContent);
        Assert.Null(refused.QuerySelector("[data-testid=hour-rows] form"));
    }

    [Fact]
    public async Task Voucher_ThatIsAnExecutableRenamedToPdf_IsRefused()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        byte[] elf = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        var response = await HallingdalLifecycleTests.RegisterCostAsync(kari, id, "2026-03-01", "Leverandør AS", "Noe", "500", elf, "bilag.pdf");

        var page = await PortalClient.ReadAsync(response);
        Assert.StartsWith("Filen er ikke en PDF, JPEG eller PNG", page.GetElementById("Cost_Voucher-error")!.TextContent);
        Assert.Equal("Leverandør AS", page.FieldValue("Cost.Supplier"));
        Assert.Contains("Ingen direkte kostnader er registrert ennå.", page.QuerySelector("#costs")!.TextContent);
    }

    [Fact]
    public async Task Voucher_IsServedToTheCountyButNotToAnotherCouncilOrCounty()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var pdf = "%PDF-1.4 bilag"u8.ToArray();
        Portal.Clock.Set(AfterTheWork); // the work is done, then registered
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterCostAsync(kari, id, "2026-03-01", "Leverandør AS", "Møte", "500", pdf, "bilag.pdf"));
        var link = (await sigrid.GetPageAsync(CountyUrl(id))).QuerySelector("#costs a[href*=Voucher]")!.GetAttribute("href")!;

        var download = await sigrid.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);

        using var hanne = await Portal.SignedInAsync(Demo.InnlandetOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await hanne.GetAsync(link.Replace("/fylke/buskerud/", "/fylke/innlandet/"))).StatusCode);
        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        Assert.Equal(HttpStatusCode.NotFound, (await marte.GetAsync(link.Replace("/fylke/buskerud/", "/rad/hadeland/"))).StatusCode);
    }

    [Fact]
    public async Task AnHourRateInOre_TimesHoursInHundredths_ShowsTheRoundedAmounts_AndSaysWhyTheSettlementMayDifferByAnOre()
    {
        Portal.Clock.Set(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        var id = await DraftFromTemplateAsync(kari, new() { ["Input.HourRate"] = "950,50" });
        await ExpectRedirectAsync(await SignAsync(kari, CouncilUrl(id)));
        await ExpectRedirectAsync(await SignAsync(sigrid, CountyUrl(id)));
        Assert.Null((await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=ore-note]"));

        Portal.Clock.Set(AfterTheWork);
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-02-05", "Kari", "Arbeid", "18,5"));
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-02-06", "Kari", "Arbeid", "18,49"));

        // 36,99 t × kr 950,50 = kr 35 158,995: shown as 35 159,00; the settlement against 112 500,00 paid is rounded once.
        var page = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Contains("kr 35 159,00", page.QuerySelector("[data-testid=spend-table]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sluttoppgjøret regnes av de eksakte beløpene", page.QuerySelector("[data-testid=ore-note]")!.TextContent, StringComparison.Ordinal);

        // The export writes the exact amounts, so that its rows add up to its sum (18,5 × 950,50 = 17 584,25; 18,49 × 950,50 = 17 574,745).
        var csv = System.Text.Encoding.UTF8.GetString(await (await kari.GetAsync(CouncilUrl(id) + "?handler=Export&format=csv")).Content.ReadAsByteArrayAsync());
        Assert.Contains(";18,49;950,50;17574,745;", csv, StringComparison.Ordinal);
        Assert.Contains("Sum timer;;;36,99;;35158,995", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAmendmentProposed_IsTheOtherPartysNextStep_OnTheAgreementPage()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        var form = await kari.FormValuesAsync(CouncilUrl(id) + "/rediger", "main form");
        form["Input.FrameAmount"] = "";
        var both = await PortalClient.ReadAsync(await kari.PostFormAsync(CouncilUrl(id) + "/rediger", form));
        Assert.NotNull(both.FieldError("Input.FrameAmount")); // every mistake at once, the missing reason too
        Assert.Equal("Skriv begrunnelsen for endringen.", both.FieldError("Reason"));

        form["Input.FrameAmount"] = "170 000";
        form["Reason"] = "Mer arbeid med bedriftene.";
        await ExpectRedirectAsync(await kari.PostFormAsync(CouncilUrl(id) + "/rediger", form));

        Assert.Equal("Regionrådet for Hallingdal har foreslått et tillegg til avtalen: godta eller avvis det under «Forslag til tillegg».",
            (await sigrid.GetPageAsync(CountyUrl(id))).QuerySelector("[data-testid=next-step]")!.TextContent.Trim());
        Assert.DoesNotContain("foreslått et tillegg", (await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=next-step]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADraftMadeByMistake_IsDeletedAfterATick_TheOtherPartyIsToldIfItSigned_AndASignedAgreementIsNot()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        var id = await DraftFromTemplateAsync(kari, new() { ["Input.Title"] = "Laget to ganger" });
        await ExpectRedirectAsync(await SignAsync(sigrid, CountyUrl(id)));

        using var hadeland = await Portal.SignedInAsync(Demo.HadelandSecretary);
        Assert.Equal(HttpStatusCode.NotFound, (await hadeland.PostWithTokenAsync($"/rad/hadeland/avtaler/{id}?handler=DeleteDraft", new() { ["ConfirmsDeletion"] = "true" })).StatusCode);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        Assert.Equal(HttpStatusCode.Forbidden, (await ola.PostWithTokenAsync(CouncilUrl(id) + "?handler=DeleteDraft", new() { ["ConfirmsDeletion"] = "true" })).StatusCode);

        var unticked = await PortalClient.ReadAsync(await kari.SubmitAsync(CouncilUrl(id), "form[action*=DeleteDraft]", []));
        Assert.Equal("Kryss av for at du vil slette utkastet. Slettingen kan ikke angres.", unticked.FieldError("ConfirmsDeletion"));

        var deleted = await kari.SubmitAsync(CouncilUrl(id), "form[action*=DeleteDraft]", new() { ["ConfirmsDeletion"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var list = await kari.PageAfterAsync(deleted);
        Assert.Equal("Utkastet «Laget to ganger» er slettet.", list.QuerySelector("[data-testid=message]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync(CouncilUrl(id))).StatusCode);
        Assert.DoesNotContain("Laget to ganger", (await sigrid.GetPageAsync("/fylke/buskerud")).Body!.TextContent, StringComparison.Ordinal);
        var told = Assert.Single(await sigrid.NoticesAsync(), n => n.TextContent.Contains("har slettet utkastet", StringComparison.Ordinal));
        Assert.Contains("Regionrådet for Hallingdal har slettet utkastet «Laget to ganger», som dere hadde signert.", told.TextContent, StringComparison.Ordinal);
        Assert.Null(told.QuerySelector("a")); // nothing left to open

        var (kari2, sigrid2, signedId) = await SignedAgreementAsync(Portal);
        using var _ = kari2;
        using var __ = sigrid2;
        Assert.Null((await kari2.GetPageAsync(CouncilUrl(signedId))).QuerySelector("form[action*=DeleteDraft]"));
        var refused = await PortalClient.ReadAsync(await kari2.PostWithTokenAsync(CouncilUrl(signedId) + "?handler=DeleteDraft", new() { ["ConfirmsDeletion"] = "true" }));
        Assert.Contains("Bare et utkast kan slettes.", refused.GetElementById("error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpendBeyondTheFrame_IsSaidAsSuch_NotAsANegativeAmountLeft()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        Portal.Clock.Set(AfterTheWork);
        await HallingdalLifecycleTests.RegisterWorkdaysAsync(kari, id, 167m); // kr 150 300,00 against kr 150 000,00

        var page = await kari.GetPageAsync(CouncilUrl(id));
        var money = page.GetElementById("money")!;
        Assert.Contains("Kostnadene er over rammen. kr 300,00 er ikke støtteberettiget", Flat(money.QuerySelector("[role=status]")!.TextContent), StringComparison.Ordinal);
        var remaining = page.QuerySelector("[data-testid=remaining]")!.ParentElement!;
        Assert.Equal("Over rammen med", remaining.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal("kr 300,00", Flat(page.QuerySelector("[data-testid=remaining]")!.TextContent));
    }

    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    [Fact]
    public async Task Member_ReadsTheAgreementButCannotAct()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);

        var page = await ola.GetPageAsync(CouncilUrl(id));
        Assert.Null(page.QuerySelector("form[action*=Hours]"));
        Assert.Null(page.QuerySelector("form[action*=Breach]")); // nor the breach notice or rescission, which are the parties'
        Assert.Null(page.QuerySelector("form[action*=Rescind]"));
        Assert.DoesNotContain("}", page.GetElementById("breach")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Du kan lese avtalen.", page.QuerySelector("[data-testid=next-step]")!.TextContent);
        Assert.NotNull((await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("form[action*=Breach]"));
        var post = await ola.PostWithTokenAsync(CouncilUrl(id) + "?handler=Hours", new() { ["Hours.Date"] = "2026-02-02", ["Hours.Person"] = "Ola", ["Hours.Activity"] = "x", ["Hours.Hours"] = "2" });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task EveryChangeToAnAgreementHoursCostsAndPayments_IsInTheAuditLog()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        Portal.Clock.Set(AfterTheWork); // the work is done, then registered
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "2026-02-05", "Kari", "Arbeid", "7,5"));
        await ExpectRedirectAsync(await HallingdalLifecycleTests.RegisterCostAsync(kari, id, "2026-03-01", "Leverandør AS", "Møte", "500", "%PDF-1.4"u8.ToArray(), "b.pdf"));
        await kari.SubmitAsync(CouncilUrl(id), "form[action*=Request]", new() { ["RequestForm.StatusText"] = "Status" });
        await ApproveRequestAsync(sigrid, id);
        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-01-27", ["Payment.Amount"] = "112500", ["Payment.Reference"] = "R-1" }));

        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var audit = await admin.GetPageAsync("/rad/hallingdal/admin/logg");
        var types = audit.QuerySelectorAll("[data-testid=audit-table] > tbody > tr > td:nth-child(3)").Select(td => td.TextContent).ToList();
        foreach (var type in new[] { "Avtale", "Timeføring", "Direkte kostnad", "Utbetalingsanmodning", "Betaling", "Utbetaling etter avtalen", "Avtale: rådets signatur", "Avtale: fylkets signatur" })
        {
            Assert.Contains(types, t => t.StartsWith(type + " ", StringComparison.Ordinal));
        }

        var payment = audit.QuerySelectorAll("[data-testid=audit-table] > tbody > tr").First(r => r.TextContent.Contains("Betaling (opprettet)"));
        Assert.Contains("Sigrid Lien", payment.TextContent);
        var fields = payment.QuerySelectorAll(".audit-changes tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent))).ToList();
        Assert.Contains("Beløp | – | kr 112 500,00", fields);
        Assert.Contains("Dato | – | 27.01.2026", fields);
        Assert.Contains("Registrert | – | 15.05.2026 kl. 11:00", fields); // the clock of AfterTheWork, 09:00 UTC, in Oslo's summer time
        Assert.DoesNotContain(fields, f => f.Contains("Id |", StringComparison.Ordinal) || f.StartsWith("TenantId", StringComparison.Ordinal));
        var hours = audit.QuerySelectorAll("[data-testid=audit-table] > tbody > tr").First(r => r.TextContent.Contains("Timeføring (opprettet)"));
        Assert.Contains("Timer–7,5", hours.QuerySelectorAll(".audit-changes tbody tr").Select(r => r.TextContent));
    }

    [Fact]
    public async Task PaymentRequest_CarriesItsAttachmentsToTheCounty_AndRefusesAFileThatIsNotAPdfOrImage()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;

        var refused = await PortalClient.ReadAsync(await SendRequestAsync(kari, id, "Status", ("program.pdf", [0x4D, 0x5A, 0x90, 0x00])));
        Assert.StartsWith("«program.pdf»: Filen er ikke en PDF", refused.GetElementById("RequestForm_Attachments-error")!.TextContent);
        Assert.Equal("Status", refused.GetElementById("RequestForm_StatusText")!.TextContent);

        // No status and a wrong file: both are said at once, so the files are chosen again only once.
        var both = await PortalClient.ReadAsync(await SendRequestAsync(kari, id, "", ("program.pdf", [0x4D, 0x5A, 0x90, 0x00])));
        Assert.Equal("Skriv en kort status for arbeidet så langt.", both.FieldError("RequestForm.StatusText"));
        Assert.StartsWith("«program.pdf»: Filen er ikke en PDF", both.GetElementById("RequestForm_Attachments-error")!.TextContent);

        await ExpectRedirectAsync(await SendRequestAsync(kari, id, "Oppstart gjennomført", ("timeliste.pdf", "%PDF-1.4 timer"u8.ToArray())));
        var page = await sigrid.GetPageAsync(CountyUrl(id));
        var link = page.QuerySelector("[data-testid=requests] a[href*=Attachment]")!;
        Assert.Equal("timeliste.pdf", link.TextContent);
        var download = await sigrid.GetAsync(link.GetAttribute("href")!);
        Assert.Equal("%PDF-1.4 timer", await download.Content.ReadAsStringAsync());
        Assert.Null(page.QuerySelector("form[action*=Request]"));
    }

    [Fact]
    public async Task PaymentAndRequestAndBreachForms_ExplainBadInputBesideTheFields()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;

        var noStatus = await PortalClient.ReadAsync(await kari.SubmitAsync(CouncilUrl(id), "form[action*=Request]", new() { ["RequestForm.StatusText"] = "" }));
        Assert.Equal("Skriv en kort status for arbeidet så langt.", noStatus.FieldError("RequestForm.StatusText"));
        Assert.Null(noStatus.QuerySelector("[data-testid=choose-attachments-again]")); // nothing was chosen, so nothing to choose again
        var noStatusWithFile = await PortalClient.ReadAsync(await SendRequestAsync(kari, id, "", ("timeliste.pdf", "%PDF-1.4 timer"u8.ToArray())));
        Assert.Equal("Skriv en kort status for arbeidet så langt.", noStatusWithFile.FieldError("RequestForm.StatusText"));
        Assert.Equal("Rett feilene over, og velg vedleggene på nytt før du sender.", noStatusWithFile.QuerySelector("[data-testid=choose-attachments-again]")!.TextContent);
        var longStatus = await PortalClient.ReadAsync(await kari.SubmitAsync(CouncilUrl(id), "form[action*=Request]", new() { ["RequestForm.StatusText"] = new string('x', 3001) }));
        Assert.Equal("Statusen kan være på høyst 3 000 tegn (nå 3 001).", longStatus.FieldError("RequestForm.StatusText"));

        await ExpectRedirectAsync(await kari.SubmitAsync(CouncilUrl(id), "form[action*=Request]", new() { ["RequestForm.StatusText"] = "Oppstart" }));
        var returnWithoutComment = await PortalClient.ReadAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Decide]", new() { ["Decision.Approve"] = "false" }));
        Assert.Equal("Skriv hva rådet må rette før anmodningen sendes på nytt.", returnWithoutComment.FieldError("Decision.Comment"));

        await ApproveRequestAsync(sigrid, id);
        var badPayment = await PortalClient.ReadAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "", ["Payment.Amount"] = "112 500,001", ["Payment.Reference"] = "" }));
        Assert.Equal("Skriv inn betalingsdatoen (dd.mm.åååå).", badPayment.FieldError("Payment.Date"));
        Assert.Equal("Beløpet kan ha høyst to desimaler (hele øre).", badPayment.FieldError("Payment.Amount"));
        Assert.Equal("112 500,001", badPayment.FieldValue("Payment.Amount"));
        Assert.StartsWith("Skriv inn en referanse", badPayment.FieldError("Payment.Reference"));
        var englishThousands = await PortalClient.ReadAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-01-20", ["Payment.Amount"] = "112,500", ["Payment.Reference"] = "B-1" }));
        Assert.Equal("«112,500» kan ikke leses som et beløp: komma står foran øre, og et beløp har høyst to desimaler. Mener du 112 500 kroner, skriv 112500.",
            englishThousands.FieldError("Payment.Amount")); // not kr 112,50 in silence
        var yearTypo = await PortalClient.ReadAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2030-01-01", ["Payment.Amount"] = "112 500,00", ["Payment.Reference"] = "B-1" }));
        Assert.Equal("Betalingsdatoen kan ligge høyst 14 dager fram i tid (til 03.02.2026). Registrer betalingen når den er sendt til utbetaling.",
            yearTypo.FieldError("Payment.Date"));
        Assert.Equal("01.01.2030", yearTypo.FieldValue("Payment.Date"));
        var beforeSigning = await PortalClient.ReadAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2025-01-20", ["Payment.Amount"] = "112 500,00", ["Payment.Reference"] = "B-1" }));
        Assert.Equal("Betalingsdatoen kan ikke være før avtalen ble signert (20.01.2026). Sjekk datoen.", beforeSigning.FieldError("Payment.Date"));
        var longReference = await PortalClient.ReadAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-01-21", ["Payment.Amount"] = "112.500", ["Payment.Reference"] = new string('R', 201) }));
        Assert.Equal("Referansen kan være på høyst 200 tegn (nå 201).", longReference.FieldError("Payment.Reference"));
        Assert.Null(longReference.FieldError("Payment.Amount")); // «112.500» is 112 500 kroner, as a Norwegian writes thousands
        var noDate = await PortalClient.ReadAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "31.02.2026", ["Payment.Amount"] = "112 500", ["Payment.Reference"] = "B-1" }));
        Assert.Equal("«31.02.2026» er ikke en gyldig dato. Skriv datoen som dd.mm.åååå.", noDate.FieldError("Payment.Date"));
        Assert.Equal("31.02.2026", noDate.FieldValue("Payment.Date"));

        var pastDeadline = await PortalClient.ReadAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Breach]",
            new() { ["Breach.Description"] = "Mangler rapport", ["Breach.RemedyDeadline"] = "2026-01-10" }));
        Assert.StartsWith("Fristen for å rette må være etter i dag", pastDeadline.FieldError("Breach.RemedyDeadline"));
        Assert.Equal("Mangler rapport", pastDeadline.GetElementById("Breach_Description")!.TextContent);
        var farDeadline = await PortalClient.ReadAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Breach]",
            new() { ["Breach.Description"] = "Mangler rapport", ["Breach.RemedyDeadline"] = "2099-01-01" }));
        Assert.Equal("Sjekk årstallet: fristen for å rette kan ligge høyst ett år fram i tid.", farDeadline.FieldError("Breach.RemedyDeadline"));

        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=Payment]",
            new() { ["Payment.Date"] = "2026-01-22", ["Payment.Amount"] = "112 500,00", ["Payment.Reference"] = "B-1" }));
        Assert.Contains("betalt", (await sigrid.GetPageAsync(CountyUrl(id))).QuerySelector("[data-testid=milestones]")!.TextContent);
    }

    private static string Text(AngleSharp.Dom.IElement element) => Regex.Replace(element.TextContent, @"\s+", " ").Trim();
}
