using System.Net;
using System.Text;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Meetings.MeetingSteps;

namespace BioSirk.Portal.Tests.Meetings;

public sealed class MeetingTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task StartPage_ShowsTheComingMonthsMeetings_AndTellsTheSecretaryToPublishAnAgendaDueWithinTwoWeeks()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var soon = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte mars", "2026-03-12"); // the clock says 02.03.2026
        await CreateMeetingAsync(kari, "hallingdal", "Arbeidsmøte mars", "2026-03-26");
        await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte mai", "2026-05-07");

        var before = await kari.GetPageAsync("/rad/hallingdal");
        Assert.Equal(["Rådsmøte mars", "Arbeidsmøte mars"], UpcomingTitles(before));
        Assert.Equal(["Publiser sakslisten til «Rådsmøte mars» (torsdag 12.03.2026 kl. 10:00–12:00), så deltakerne kan forberede seg."],
            Tasks(before).Where(t => t.Contains("sakslisten", StringComparison.Ordinal)));
        var olaBefore = await ola.GetPageAsync("/rad/hallingdal");
        Assert.Contains("Sakslisten er ikke publisert ennå", olaBefore.QuerySelectorAll("[data-testid=upcoming-meeting]")[0].TextContent);
        Assert.DoesNotContain(Tasks(olaBefore), t => t.Contains("sakslisten", StringComparison.Ordinal));
        Assert.Empty(UpcomingTitles(await jon.GetPageAsync("/rad/ringerike")));

        await AddItemAsync(kari, soon, "Godkjenning av innkalling");
        await PublishAsync(kari, soon);

        Assert.DoesNotContain(Tasks(await kari.GetPageAsync("/rad/hallingdal")), t => t.Contains("sakslisten", StringComparison.Ordinal));
        Assert.Contains("Sakslisten er publisert", (await ola.GetPageAsync("/rad/hallingdal")).QuerySelectorAll("[data-testid=upcoming-meeting]")[0].TextContent);
    }

    private static List<string> UpcomingTitles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=upcoming-meeting] > a").Select(a => a.TextContent.Trim())];

    private static List<string> Tasks(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("section[aria-labelledby=todo-heading] li").Select(li => li.TextContent.Trim())];

    [Fact]
    public async Task TwoTabsEditingTheMeetingAndAnItem_TheSecondIsTold_AndMaySaveHerVersionOverTheFirst()
    {
        using var first = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var second = await Portal.SignedInAsync(Demo.HallingdalSecretary); // the same secretary in another browser
        var path = await CreateMeetingAsync(first, "hallingdal", "Rådsmøte mars", "2026-03-17");
        await AddItemAsync(first, path, "Missions-avtalen med Buskerud");
        var itemPath = await ItemPathAsync(first, path, "Missions-avtalen med Buskerud");

        await TwoTabs.SecondIsToldAndMaySaveOverAsync(first, second, path + "/endre", "form[data-testid=meeting-form]", "Input.Place", "møtet");
        await TwoTabs.SecondIsToldAndMaySaveOverAsync(first, second, itemPath + "/endre", "form[data-testid=item-form]", "Input.Background", "saken");
    }

    [Fact]
    public async Task DraftAgenda_IsHiddenFromParticipants_UntilPublished_ThenNumbered()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte mars", "2026-03-17");
        await AddItemAsync(kari, path, "Godkjenning av innkalling");
        await AddItemAsync(kari, path, "Missions-avtalen med Buskerud");
        var itemPath = await ItemPathAsync(kari, path, "Missions-avtalen med Buskerud");

        Assert.Equal(["Uten nummer Godkjenning av innkalling", "Uten nummer Missions-avtalen med Buskerud"], await AgendaAsync(kari, path));
        var draft = await ola.GetPageAsync(path);
        Assert.NotNull(draft.QuerySelector("[data-testid=agenda-hidden]"));
        Assert.DoesNotContain("Missions-avtalen", draft.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ola.GetAsync(itemPath)).StatusCode);
        Assert.DoesNotContain("Missions-avtalen", await (await ola.GetAsync(path + "/kalender.ics")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await ola.GetAsync(path + "/saker/ny")).StatusCode);

        await PublishAsync(kari, path);

        Assert.Equal(["SAK 1/26 Godkjenning av innkalling", "SAK 2/26 Missions-avtalen med Buskerud"], await AgendaAsync(ola, path));
        var item = await ola.GetPageAsync(itemPath);
        Assert.Equal("SAK 2/26", item.QuerySelector("[data-testid=case-number]")!.TextContent.Trim());
        Assert.Equal("Saken tas til orientering.", item.QuerySelector("[data-testid=proposed]")!.TextContent.Trim());
        var toComments = item.QuerySelector("[data-testid=item-comments-link]")!.GetAttribute("href")!;
        Assert.Equal(path + "#comments-" + itemPath.Split('/').Last(), toComments);
        Assert.NotNull((await ola.GetPageAsync(path)).GetElementById(toComments.Split('#')[1]));
        Assert.Contains("Rådsmøte mars", (await ola.GetPageAsync("/rad/hallingdal/moter")).QuerySelector("[data-testid=meetings-upcoming]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numbering_KeepsNumbersWhenReordered_ContinuesInTheYear_AndStartsAtOneInTheNextYear()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var december = await CreateMeetingAsync(kari, "hallingdal", "Desembermøtet", "2026-12-10");
        await AddItemAsync(kari, december, "Budsjett");
        await AddItemAsync(kari, december, "Veikartet");
        await PublishAsync(kari, december);

        var page = await kari.GetPageAsync(december);
        var moveUp = page.QuerySelectorAll("form[action*=MoveUp]").Single();
        await ExpectRedirectAsync(await kari.PostWithTokenAsync(moveUp.GetAttribute("action")!));
        Assert.Equal(["SAK 2/26 Veikartet", "SAK 1/26 Budsjett"], await AgendaAsync(kari, december));

        await AddItemAsync(kari, december, "Eventuelt");
        Assert.Equal("SAK 3/26 Eventuelt", (await AgendaAsync(kari, december))[2]);

        var later = await CreateMeetingAsync(kari, "hallingdal", "Ekstramøte", "2026-12-30", start: "23:00", end: "23:30");
        await AddItemAsync(kari, later, "Nyttårsforsett");
        await PublishAsync(kari, later);
        Assert.Equal(["SAK 4/26 Nyttårsforsett"], await AgendaAsync(kari, later));

        var january = await CreateMeetingAsync(kari, "hallingdal", "Januarmøtet", "2027-01-12");
        await AddItemAsync(kari, january, "Årsplan");
        await AddItemAsync(kari, january, "Valg");
        await PublishAsync(kari, january);
        Assert.Equal(["SAK 1/27 Årsplan", "SAK 2/27 Valg"], await AgendaAsync(kari, january));

        // Moving the January meeting into December keeps the numbers it was given.
        var form = await kari.FormListAsync(january + "/endre", "form[data-testid=meeting-form]");
        Set(form, "Input.Date", "2026-12-20");
        await ExpectRedirectAsync(await kari.Http.PostAsync(january + "/endre", new FormUrlEncodedContent(form)));
        Assert.Equal(["SAK 1/27 Årsplan", "SAK 2/27 Valg"], await AgendaAsync(kari, january));
    }

    [Fact]
    public async Task PublishingTheAgenda_SendsEveryOtherParticipantANoticeToAttend_OnceWithALinkInTheirOwnCouncil()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var path = await CreateBioSirkMeetingAsync(jon, "Styringsgruppe for innkallingstest", "2026-04-21");
        await AddItemAsync(jon, path, "Felles veikart 2026–2028");
        Assert.Empty(await marte.NoticesAsync());

        await PublishAsync(jon, path);
        await AddItemAsync(jon, path, "Eventuelt"); // numbered at once on a published agenda; a notice naming it, no second innkalling

        var notices = await marte.NoticesAsync();
        Assert.Equal(2, notices.Count);
        Assert.Contains(notices, n => n.TextContent.Contains(
            "SAK 2/26 «Eventuelt» er lagt til på sakslisten til «Styringsgruppe for innkallingstest» 21.04.2026 kl. 10:00.", StringComparison.Ordinal));
        var notice = Assert.Single(notices, n => n.TextContent.Contains("Du er innkalt til", StringComparison.Ordinal));
        Assert.Contains("Du er innkalt til «Styringsgruppe for innkallingstest» 21.04.2026 kl. 10:00 (Kommunehuset, Gol og på video). " +
            "Sakslisten er publisert med 1 sak. Kan du ikke komme, melder du forfall på møtesiden.", notice.TextContent);
        var link = await marte.NoticeTargetAsync(notice);
        Assert.Equal(path.Replace("/rad/ringerike/", "/rad/hadeland/", StringComparison.Ordinal), link);
        Assert.Equal(HttpStatusCode.OK, (await marte.GetAsync(link)).StatusCode);
        Assert.Empty(await jon.NoticesAsync()); // she published it
        Assert.Empty(await kari.NoticesAsync()); // not invited
        var mails = Directory.GetFiles(Portal.MailFolder, "*.eml").Select(File.ReadAllText).Where(m => m.Contains("Innkalling: Styringsgruppe for innkallingstest")).ToList();
        Assert.Equal(3, mails.Count); // Anders, Marte and Per: everyone invited but Jon
        var toMarte = Directory.GetFiles(Portal.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Single(m => m.Subject == "Innkalling: Styringsgruppe for innkallingstest" && m.To.Mailboxes.Single().Address == Demo.HadelandSecretary);
        Assert.EndsWith("Åpne i BioSirk-portalen: http://localhost:5080" + link, toMarte.TextBody!.TrimEnd()); // a link that works from the e-mail
    }

    [Fact]
    public async Task PartnershipMeeting_InvitesEveryMemberOfItsCouncils_AndNumbersForThePartnership()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var per = await Portal.SignedInAsync(Demo.TwoCouncilMember);
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var path = await CreateBioSirkMeetingAsync(jon, "Fellesmøte BioSirk", "2026-04-21");
        await AddItemAsync(jon, path, "Felles veikart 2026–2028");
        await PublishAsync(jon, path);

        var participants = (await jon.GetPageAsync(path)).QuerySelectorAll("[data-testid=participant-row] td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Anders Lunde", "Jon Aasen", "Marte Grinaker", "Per Solberg"], participants);
        var asHadeland = path.Replace("/rad/ringerike/", "/rad/hadeland/", StringComparison.Ordinal);
        var asGjovik = path.Replace("/rad/ringerike/", "/rad/gjovik/", StringComparison.Ordinal);
        Assert.Equal(["SAK 1/26 Felles veikart 2026–2028"], await AgendaAsync(per, asHadeland));
        Assert.Equal(["SAK 1/26 Felles veikart 2026–2028"], await AgendaAsync(per, asGjovik));
        Assert.Null((await per.GetPageAsync(asHadeland)).QuerySelector("[data-testid=publish-form]"));
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync(path.Replace("/rad/ringerike/", "/rad/hallingdal/", StringComparison.Ordinal))).StatusCode);

        // Hallingdal's own numbers are its own.
        var own = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte", "2026-04-22");
        await AddItemAsync(kari, own, "Budsjett");
        await PublishAsync(kari, own);
        Assert.Equal(["SAK 1/26 Budsjett"], await AgendaAsync(kari, own));
    }

    [Fact]
    public async Task Participant_ReportsAbsence_AndDeclaresConflict_AndTheListsShowIt()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte mai", "2026-05-05");
        await AddItemAsync(kari, path, "Flisfyring i Ål");
        await PublishAsync(kari, path);
        var itemPath = await ItemPathAsync(ola, path, "Flisfyring i Ål");

        await ExpectRedirectAsync(await ola.SubmitAsync(path, "form[data-testid=absence-form]", new() { ["AbsenceNote"] = "Vara møter for meg." }));
        await ExpectRedirectAsync(await ola.SubmitAsync(itemPath, "form[data-testid=conflict-form]", new() { ["Reason"] = "Styremedlem i Ål Bioenergi AS." }));

        var rows = (await kari.GetPageAsync(path)).QuerySelectorAll("[data-testid=participant-row]")
            .Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Contains("Ola Bakken | Regionrådet for Hallingdal | Forfall – Vara møter for meg.", rows);
        Assert.Contains("Kari Nordby | Regionrådet for Hallingdal | Nei", rows);
        Assert.Equal("Mulig inhabil: Ola Bakken", (await kari.GetPageAsync(path)).QuerySelector("[data-testid=item-conflicts]")!.TextContent.Trim());
        Assert.Equal("Ola Bakken: Styremedlem i Ål Bioenergi AS.", (await kari.GetPageAsync(itemPath)).QuerySelector("[data-testid=conflict-list] li")!.TextContent.Trim());
        Assert.Contains("Forfall er registrert for deg", (await ola.GetPageAsync("/rad/hallingdal/moter")).Body!.TextContent, StringComparison.Ordinal);

        await ExpectRedirectAsync(await ola.SubmitAsync(path, "form[data-testid=withdraw-absence-form]", []));
        await ExpectRedirectAsync(await ola.SubmitAsync(itemPath, "form[data-testid=withdraw-conflict-form]", []));
        Assert.Null((await kari.GetPageAsync(path)).QuerySelector("[data-testid=item-conflicts]"));
        Assert.Contains("Ola Bakken | Regionrådet for Hallingdal | Nei",
            (await kari.GetPageAsync(path)).QuerySelectorAll("[data-testid=participant-row]").Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))));
    }

    [Fact]
    public async Task Calendar_IsRfc5545_InOsloTime_OnBothSidesOfSummerTime()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte, vår; budsjett", "2026-04-14", start: "09:30", end: "11:00");
        await AddItemAsync(kari, path, "Et svært langt sakstittel som gjør beskrivelsen lang nok til at linjen må brettes over flere linjer æøå");
        await PublishAsync(kari, path);

        var response = await kari.GetAsync(path + "/kalender.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var ics = Encoding.UTF8.GetString(bytes);
        var id = path[(path.LastIndexOf('/') + 1)..];

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VEVENT\r\nEND:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("\r\nTZID:Europe/Oslo\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains($"\r\nUID:{id}@biosirk-portal\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTART;TZID=Europe/Oslo:20260414T093000\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND;TZID=Europe/Oslo:20260414T110000\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTAMP:20260302T090000Z\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("\r\nSUMMARY:Rådsmøte\\, vår\\; budsjett\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("\r\nLOCATION:Kommunehuset\\, Gol\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("SAK 1/26 Et svært langt sakstittel", unfolded, StringComparison.Ordinal);
        Assert.Contains("Videolenke: https://teams.example.no/mote/123\\n", unfolded, StringComparison.Ordinal);

        // In winter the same wall-clock time is stored an hour later in UTC, and still written as Oslo time.
        var winter = await CreateMeetingAsync(kari, "hallingdal", "Vintermøte", "2026-11-10", start: "09:30", end: "11:00");
        var winterIcs = await (await kari.GetAsync(winter + "/kalender.ics")).Content.ReadAsStringAsync();
        Assert.Contains("\r\nDTSTART;TZID=Europe/Oslo:20261110T093000\r\n", winterIcs, StringComparison.Ordinal);
        Assert.Contains("tirsdag 10.11.2026 kl. 09:30–11:00", (await kari.GetPageAsync(winter)).QuerySelector("[data-testid=meeting-time]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMeetingWhoseStartHasPassed_IsRegisteredOnlyWhenTheSecretarySaysItWasHeld()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        void LastFebruary(List<KeyValuePair<string, string>> form)
        {
            Set(form, "Input.Title", "Arbeidsutvalget i februar");
            Set(form, "Input.Date", "2026-02-26");
            Set(form, "Input.Place", "Gol");
        }

        // 2026-02-26 is before the clock's 2026-03-02: most likely a mistyped year or month.
        var refused = await PostNewMeetingAsync(kari, "hallingdal", LastFebruary);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PortalClient.ReadAsync(refused);
        Assert.Equal("Starttidspunktet 26.02.2026 kl. 10:00 er passert. Rett datoen, eller kryss av hvis møtet allerede er holdt.",
            page.FieldError("Input.ConfirmsPastTime"));
        Assert.Equal("26.02.2026", page.FieldValue("Input.Date"));
        Assert.Equal("Arbeidsutvalget i februar", page.FieldValue("Input.Title"));
        Assert.Equal("#Input_ConfirmsPastTime", page.GetElementById("error-summary")!.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Møtet er allerede holdt: registrer det likevel", page.QuerySelector("label[for=Input_ConfirmsPastTime]")!.TextContent.Trim());

        var held = await PostNewMeetingAsync(kari, "hallingdal", form =>
        {
            LastFebruary(form);
            Set(form, "Input.ConfirmsPastTime", "true");
        });
        await ExpectRedirectAsync(held);
        var path = held.Headers.Location!.OriginalString;
        Assert.Contains("torsdag 26.02.2026 kl. 10:00–12:00", (await kari.GetPageAsync(path)).QuerySelector("[data-testid=meeting-time]")!.TextContent, StringComparison.Ordinal);

        // Correcting its place afterwards is not a new date to confirm; moving it to another passed day is.
        var placeOnly = await kari.FormListAsync(path + "/endre", "form[data-testid=meeting-form]");
        Set(placeOnly, "Input.Place", "Gol rådhus");
        await ExpectRedirectAsync(await kari.Http.PostAsync(path + "/endre", new FormUrlEncodedContent(placeOnly)));
        var moved = await kari.FormListAsync(path + "/endre", "form[data-testid=meeting-form]");
        Set(moved, "Input.Date", "2026-02-25");
        var movedPage = await PortalClient.ReadAsync(await kari.Http.PostAsync(path + "/endre", new FormUrlEncodedContent(moved)));
        Assert.StartsWith("Starttidspunktet 25.02.2026 kl. 10:00 er passert.", movedPage.FieldError("Input.ConfirmsPastTime"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewMeeting_InEnglish_ExplainsWhatToCorrectInEnglish()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        await kari.ChooseEnglishAsync();

        var page = await PortalClient.ReadAsync(await PostNewMeetingAsync(kari, "hallingdal", form =>
        {
            Set(form, "Input.Title", "");
            Set(form, "Input.Start", "13:00");
            Set(form, "Input.End", "12:00");
        }));

        Assert.Equal("Write a title for the meeting.", page.FieldError("Input.Title"));
        Assert.Equal("The meeting must end after it starts.", page.FieldError("Input.End"));
        Assert.Equal("Something needs correcting before you can go on", page.GetElementById("error-summary")!.QuerySelector("h2")!.TextContent.Trim());
    }

    [Fact]
    public async Task NewMeeting_WithBadInput_ShowsMessagesBesideTheFields_AndKeepsInput()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var response = await PostNewMeetingAsync(kari, "hallingdal", form =>
        {
            Set(form, "Input.Title", "");
            Set(form, "Input.Date", "2026-03-29");
            Set(form, "Input.Start", "02:30");
            Set(form, "Input.End", "01:00");
            Set(form, "Input.Place", "");
            Set(form, "Input.VideoLink", "teams-lenke");
            form.RemoveAll(f => f.Key == "Input.ParticipantIds");
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ReadAsync(response);
        Assert.Equal("Skriv en tittel på møtet.", page.FieldError("Input.Title"));
        Assert.Equal("Møtet må slutte etter at det starter.", page.FieldError("Input.End"));
        Assert.Equal("Starttidspunktet finnes ikke den dagen (klokka stilles fram til sommertid). Velg et annet.", page.FieldError("Input.Start"));
        Assert.StartsWith("Videolenken må være en full adresse", page.FieldError("Input.VideoLink"), StringComparison.Ordinal);
        Assert.Equal("Velg minst én deltaker.", page.GetElementById("Input_ParticipantIds-error")!.TextContent.Trim());
        Assert.Equal("teams-lenke", page.FieldValue("Input.VideoLink"));
        Assert.Equal("29.03.2026", page.FieldValue("Input.Date"));
        Assert.NotNull(page.GetElementById("error-summary"));
        // Every link in the summary leads to something on the page (the participants' group too).
        Assert.All(page.GetElementById("error-summary")!.QuerySelectorAll("a[href^='#']"),
            link => Assert.NotNull(page.GetElementById(link.GetAttribute("href")![1..])));

        var noPlace = await PostNewMeetingAsync(kari, "hallingdal", form =>
        {
            Set(form, "Input.Title", "Rådsmøte");
            Set(form, "Input.Place", "");
            Set(form, "Input.VideoLink", "");
        });
        Assert.Equal("Skriv hvor møtet holdes, eller legg inn en videolenke (eller begge).", (await PortalClient.ReadAsync(noPlace)).FieldError("Input.Place"));
        Assert.Equal("Rådsmøte", (await PortalClient.ReadAsync(noPlace)).FieldValue("Input.Title"));

        var farAhead = await PortalClient.ReadAsync(await PostNewMeetingAsync(kari, "hallingdal", form =>
        {
            Set(form, "Input.Title", "Rådsmøte");
            Set(form, "Input.Date", "2090-12-31");
            Set(form, "Input.Start", "10:00");
            Set(form, "Input.End", "09:00");
            Set(form, "Input.Place", "Kommunehuset, Gol");
        }));
        Assert.Equal("Sjekk årstallet: et møte kan ligge høyst 10 år tilbake og 5 år fram i tid.", farAhead.FieldError("Input.Date"));
        Assert.Equal("Møtet må slutte etter at det starter.", farAhead.FieldError("Input.End")); // both at once, not one per try
        Assert.Equal("31.12.2090", farAhead.FieldValue("Input.Date"));

        // Typed by hand (a browser without pickers): a time that does not exist gets one message that says how to write it.
        var badTime = await PortalClient.ReadAsync(await PostNewMeetingAsync(kari, "hallingdal", form =>
        {
            Set(form, "Input.Title", "Rådsmøte");
            Set(form, "Input.Date", "14.04.2026");
            Set(form, "Input.Start", "25:00");
            Set(form, "Input.Place", "Gol");
        }));
        Assert.Equal("«25:00» er ikke et gyldig klokkeslett. Skriv det som tt:mm, for eksempel 09:30.", badTime.FieldError("Input.Start"));
        Assert.Equal(["«25:00» er ikke et gyldig klokkeslett. Skriv det som tt:mm, for eksempel 09:30."], // the date was read; no "fill in the start"
            badTime.QuerySelectorAll("#error-summary a").Select(a => a.TextContent.Trim()));
        Assert.Equal("25:00", badTime.FieldValue("Input.Start"));
        Assert.Equal("14.04.2026", badTime.FieldValue("Input.Date")); // read, so given back as dd.mm.åååå (site.js shows it in the date picker)

        var shortYear = await PortalClient.ReadAsync(await PostNewMeetingAsync(kari, "hallingdal", form =>
        {
            Set(form, "Input.Title", "");
            Set(form, "Input.Date", "1.4.26");
            Set(form, "Input.Start", "9.30");
            Set(form, "Input.Place", "Gol");
        }));
        Assert.Equal("Skriv en tittel på møtet.", shortYear.FieldError("Input.Title"));
        Assert.Equal("01.04.2026", shortYear.FieldValue("Input.Date"));
        Assert.Equal("09:30", shortYear.FieldValue("Input.Start"));
    }

    [Fact]
    public async Task ItemAndConflict_WithBadInput_ShowMessages_AndKeepInput()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte", "2026-03-17");

        var item = await kari.SubmitAsync(path + "/saker/ny", "form[data-testid=item-form]", new() { ["Input.Title"] = " ", ["Input.Background"] = "Viktig bakgrunn" });
        var page = await PortalClient.ReadAsync(item);
        Assert.Equal("Skriv en tittel på saken.", page.FieldError("Input.Title"));
        Assert.Equal("Viktig bakgrunn", page.FieldValue("Input.Background"));

        var publish = await kari.SubmitAsync(path, "form[data-testid=publish-form]", []);
        Assert.Contains("Legg til minst én sak", (await PortalClient.ReadAsync(publish)).GetElementById("error-summary")!.TextContent, StringComparison.Ordinal);

        await AddItemAsync(kari, path, "Budsjett");
        await PublishAsync(kari, path);
        var itemPath = await ItemPathAsync(ola, path, "Budsjett");
        var conflict = await ola.SubmitAsync(itemPath, "form[data-testid=conflict-form]", new() { ["Reason"] = "" });
        Assert.Equal("Skriv kort hvorfor du kan være inhabil i saken.", (await PortalClient.ReadAsync(conflict)).FieldError("Reason"));
        var longNote = new string('x', 501);
        var absence = await ola.SubmitAsync(path, "form[data-testid=absence-form]", new() { ["AbsenceNote"] = longNote });
        var absencePage = await PortalClient.ReadAsync(absence);
        Assert.Equal("Merknaden kan være på høyst 500 tegn.", absencePage.FieldError("AbsenceNote"));
        Assert.Equal(longNote, absencePage.FieldValue("AbsenceNote"));
    }
}
