using System.Net;
using BioSirk.Portal.Tests.Infrastructure;
using UglyToad.PdfPig;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Meetings.MeetingSteps;
using static BioSirk.Portal.Tests.Meetings.MinutesSteps;

namespace BioSirk.Portal.Tests.Meetings;

/// <summary>
/// «Avlys møtet» (or deleting a draft), «Fjern saken» (deleting a draft's item, withdrawing a published one), and the
/// notices when a published meeting moves or gets a new item.
/// </summary>
public sealed class MeetingCancelTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Reason = "For mange har meldt forfall.";

    /// <summary>A Hallingdal meeting on 17.03.2026 (everyone of the council invited) with one item, published.</summary>
    private static async Task<string> PublishedMeetingAsync(PortalClient kari)
    {
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte mars", "2026-03-17");
        await AddItemAsync(kari, path, "Budsjett 2027");
        await PublishAsync(kari, path);
        return path;
    }

    private static Task<HttpResponseMessage> CancelAsync(PortalClient client, string meetingPath, string? reason, bool confirms)
    {
        var fields = new Dictionary<string, string>();
        if (reason is not null)
        {
            fields["Reason"] = reason;
        }

        if (confirms)
        {
            fields["Confirms"] = "true";
        }

        return client.SubmitAsync(meetingPath + "/avlys", "form[data-testid=cancel-form]", fields);
    }

    private static Task<HttpResponseMessage> RemoveAsync(PortalClient client, string itemPath, string? reason, bool confirms)
    {
        var fields = new Dictionary<string, string>();
        if (reason is not null)
        {
            fields["Reason"] = reason;
        }

        if (confirms)
        {
            fields["Confirms"] = "true";
        }

        return client.SubmitAsync(itemPath + "/fjern", "form[data-testid=remove-item-form]", fields);
    }

    private static async Task<List<string>> NoticeTextsAsync(PortalClient client) =>
        [.. (await client.NoticesAsync()).Select(n => n.TextContent)];

    [Fact]
    public async Task CancelMeeting_WithoutReasonOrConfirmation_IsRefusedBesideTheFields_AndKeepsTheInput()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var path = await PublishedMeetingAsync(kari);

        var noReason = await PortalClient.ReadAsync(await CancelAsync(kari, path, "  ", confirms: true));
        Assert.Equal("Skriv kort hvorfor møtet avlyses. Deltakerne får beskjed med grunnen.", noReason.FieldError("Reason"));

        var notConfirmed = await PortalClient.ReadAsync(await CancelAsync(kari, path, Reason, confirms: false));
        Assert.Equal("Kryss av for at du vil avlyse møtet. Avlysningen kan ikke angres.", notConfirmed.FieldError("Confirms"));
        Assert.Equal(Reason, notConfirmed.FieldValue("Reason"));

        var page = await kari.GetPageAsync(path);
        Assert.Null(page.QuerySelector("[data-testid=cancelled]"));
        Assert.Equal("Sakslisten er publisert", page.QuerySelector("[data-testid=agenda-state]")!.TextContent.Trim());
    }

    [Fact]
    public async Task CancelMeeting_WithReason_StaysVisibleAsAvlyst_TellsEveryParticipant_CancelsTheIcs_AndTakesNoMoreComments()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var path = await PublishedMeetingAsync(kari);
        var itemId = (await ItemPathAsync(kari, path, "Budsjett 2027")).Split('/').Last();
        var before = await (await ola.GetAsync(path + "/kalender.ics")).Content.ReadAsStringAsync();
        Assert.Contains("\r\nSEQUENCE:0\r\n", before, StringComparison.Ordinal);
        Assert.Contains("\r\nSTATUS:CONFIRMED\r\n", before, StringComparison.Ordinal);

        var response = await CancelAsync(kari, path, Reason, confirms: true);
        await ExpectRedirectAsync(response);
        Assert.Equal(path, response.Headers.Location!.OriginalString);

        // Still there, marked, for the secretary and the participant; nothing left to change.
        var asKari = await kari.GetPageAsync(path);
        Assert.Equal("Avlyst", asKari.QuerySelector("[data-testid=agenda-state]")!.TextContent.Trim());
        Assert.Contains(Reason, asKari.QuerySelector("[data-testid=cancelled]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(asKari.QuerySelector("[data-testid=cancel-link]"));
        Assert.Null(asKari.QuerySelector("[data-testid=new-item]"));
        Assert.Null(asKari.QuerySelector("[data-testid=comment-form]"));
        Assert.Null(asKari.QuerySelector("[data-testid=remove-item-link]"));
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync(path + "/avlys")).StatusCode);
        // Nothing left to do to it: no minutes link, and no form to change it or add to it.
        Assert.Null(asKari.QuerySelector("[data-testid=minutes-link]"));
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync(path + "/endre")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync(path + "/saker/ny")).StatusCode);
        var asOla = await ola.GetPageAsync(path);
        Assert.Contains(Reason, asOla.QuerySelector("[data-testid=cancelled]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["SAK 1/26 Budsjett 2027"], await AgendaAsync(ola, path));
        var row = (await ola.GetPageAsync("/rad/hallingdal/moter")).QuerySelector("[data-testid=meeting-cancelled]")!.TextContent;
        Assert.Contains("Avlyst", row, StringComparison.Ordinal);
        Assert.Contains(Reason, row, StringComparison.Ordinal);

        // Every participant is told, in the portal and by e-mail; the secretary who cancelled is not.
        Assert.Contains(await NoticeTextsAsync(ola), n => n.Contains($"«Rådsmøte mars» 17.03.2026 kl. 10:00 er avlyst. Grunnen: {Reason}", StringComparison.Ordinal));
        using var ingrid = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        Assert.Contains(await NoticeTextsAsync(ingrid), n => n.Contains("er avlyst", StringComparison.Ordinal));
        Assert.DoesNotContain(await NoticeTextsAsync(kari), n => n.Contains("er avlyst", StringComparison.Ordinal));
        var mails = Directory.GetFiles(Portal.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).Where(m => m.Subject == "Avlyst: Rådsmøte mars").ToList();
        Assert.Contains(mails, m => m.To.Mailboxes.Single().Address == Demo.HallingdalMember);

        // Calendars replace the event with a cancelled one.
        var after = await (await ola.GetAsync(path + "/kalender.ics")).Content.ReadAsStringAsync();
        Assert.Contains("\r\nSTATUS:CANCELLED\r\n", after, StringComparison.Ordinal);
        Assert.Contains("\r\nSEQUENCE:1\r\n", after, StringComparison.Ordinal);

        // No more comments (a tab left open still posts its form), agenda changes or minutes.
        var refused = await ola.PostWithTokenAsync($"{path}?handler=Comment&itemId={itemId}", new() { ["CommentText"] = "Synd!" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedBlock = (await PortalClient.ReadAsync(refused)).QuerySelector("[data-testid=comment-refused]")!;
        Assert.Contains("Møtet er avlyst, så det tar ikke imot flere kommentarer.", refusedBlock.TextContent, StringComparison.Ordinal);
        Assert.Equal("Synd!", refusedBlock.QuerySelector("textarea[readonly]")!.TextContent); // what she wrote is not lost
        Assert.Empty((await ola.GetPageAsync(path)).QuerySelectorAll("[data-testid=comments] li"));
        var newItem = await kari.PostWithTokenAsync(path + "/saker/ny", new() { ["Input.Title"] = "Eventuelt" }); // from a tab opened before
        Assert.Equal(HttpStatusCode.OK, newItem.StatusCode);
        Assert.Equal(["SAK 1/26 Budsjett 2027"], await AgendaAsync(kari, path));
        Assert.Null((await kari.GetPageAsync(MinutesPath(path))).QuerySelector("form[data-testid=minutes-pdf-form]"));
    }

    [Fact]
    public async Task DraftMeeting_IsDeletedAfterConfirmation_AndNoOneIsTold()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Arbeidsmøte", "2026-03-20");
        await AddItemAsync(kari, path, "Veikartet");
        Assert.Equal("Slett møtet", (await kari.GetPageAsync(path)).QuerySelector("[data-testid=cancel-link]")!.TextContent.Trim());

        var notConfirmed = await PortalClient.ReadAsync(await CancelAsync(kari, path, null, confirms: false));
        Assert.Equal("Kryss av for at du vil slette møtet. Slettingen kan ikke angres.", notConfirmed.FieldError("Confirms"));
        Assert.Equal(HttpStatusCode.OK, (await kari.GetAsync(path)).StatusCode);

        var deleted = await CancelAsync(kari, path, null, confirms: true);
        await ExpectRedirectAsync(deleted);
        Assert.Equal("/rad/hallingdal/moter", deleted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync(path)).StatusCode);
        Assert.DoesNotContain("Arbeidsmøte", (await kari.GetPageAsync("/rad/hallingdal/moter")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await ola.NoticesAsync());
    }

    [Fact]
    public async Task RemoveItem_FromADraftDeletesIt_FromAPublishedAgendaWithdrawsIt_KeepingItsNumber_AndTellsTheParticipants()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte mars", "2026-03-17");
        await AddItemAsync(kari, path, "Budsjett 2027");
        await AddItemAsync(kari, path, "Feilregistrert sak");

        // A draft's item: deleted after the tick.
        var draftItem = await ItemPathAsync(kari, path, "Feilregistrert sak");
        Assert.Equal("Kryss av for at du vil slette saken. Slettingen kan ikke angres.",
            (await PortalClient.ReadAsync(await RemoveAsync(kari, draftItem, null, confirms: false))).FieldError("Confirms"));
        await ExpectRedirectAsync(await RemoveAsync(kari, draftItem, null, confirms: true));
        Assert.Equal(["Uten nummer Budsjett 2027"], await AgendaAsync(kari, path));
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync(draftItem)).StatusCode);

        await PublishAsync(kari, path);
        await AddItemAsync(kari, path, "Flisfyring i Ål");
        Assert.Contains(await NoticeTextsAsync(ola), n => n.Contains(
            "SAK 2/26 «Flisfyring i Ål» er lagt til på sakslisten til «Rådsmøte mars» 17.03.2026 kl. 10:00.", StringComparison.Ordinal));

        // A published item: withdrawn with a reason (required, input kept), number kept and never given again.
        var item = await ItemPathAsync(kari, path, "Flisfyring i Ål");
        var noReason = await PortalClient.ReadAsync(await RemoveAsync(kari, item, "", confirms: true));
        Assert.Equal("Skriv kort hvorfor saken trekkes. Deltakerne får beskjed med grunnen.", noReason.FieldError("Reason"));
        var notConfirmed = await PortalClient.ReadAsync(await RemoveAsync(kari, item, "Utsatt til april.", confirms: false));
        Assert.Equal("Utsatt til april.", notConfirmed.FieldValue("Reason"));
        Assert.NotNull(notConfirmed.FieldError("Confirms"));

        await ExpectRedirectAsync(await RemoveAsync(kari, item, "Utsatt til april.", confirms: true));
        Assert.Equal(["SAK 1/26 Budsjett 2027", "SAK 2/26 Flisfyring i Ål"], await AgendaAsync(ola, path));
        var withdrawn = (await ola.GetPageAsync(path)).QuerySelectorAll("[data-testid=agenda-item]")[1];
        Assert.Equal("Trukket", withdrawn.QuerySelector("[data-testid=withdrawn-badge]")!.TextContent.Trim());
        Assert.Contains("Utsatt til april.", withdrawn.QuerySelector("[data-testid=withdrawn]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(withdrawn.QuerySelector("s [data-testid=item-title]"));
        Assert.Null(withdrawn.QuerySelector("[data-testid=comment-form]"));
        Assert.Contains("Utsatt til april.", (await ola.GetPageAsync(item)).QuerySelector("[data-testid=withdrawn]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(await NoticeTextsAsync(ola), n => n.Contains(
            "SAK 2/26 «Flisfyring i Ål» er trukket fra sakslisten til «Rådsmøte mars» 17.03.2026 kl. 10:00. Grunnen: Utsatt til april.", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync(item + "/fjern")).StatusCode); // already withdrawn
        // The meetings list counts what is left to deal with.
        var listed = (await ola.GetPageAsync("/rad/hallingdal/moter")).QuerySelectorAll("[data-testid=meeting-row]")
            .Single(r => r.TextContent.Contains("Rådsmøte mars", StringComparison.Ordinal));
        Assert.Contains("Publisert · 1 sak", listed.TextContent, StringComparison.Ordinal);
        // What was withdrawn stays as it was: no «Endre» or moving, and a form kept open from before is refused.
        var row = (await kari.GetPageAsync(path)).QuerySelectorAll("[data-testid=agenda-item]")[1];
        Assert.Null(row.QuerySelector("a[href$='/endre']"));
        var edited = await PortalClient.ReadAsync(await kari.PostWithTokenAsync(item + "/endre", new() { ["Input.Title"] = "Flisfyring i Ål, ny", ["Input.AdoptedResolution"] = "Vedtatt likevel." }));
        Assert.Contains("Saken er trukket, og den endres ikke lenger.", edited.GetElementById("error-summary")!.TextContent, StringComparison.Ordinal);

        await AddItemAsync(kari, path, "Eventuelt");
        Assert.Equal("SAK 3/26 Eventuelt", (await AgendaAsync(kari, path))[2]);
    }

    [Fact]
    public async Task WithdrawnItem_NeedsNoResolution_AndTheMinutesPdfSaysItWasWithdrawn()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte mars", "2026-03-03"); // the clock says 02.03.2026
        await AddItemAsync(kari, path, "Budsjett 2027", "Budsjettet vedtas som foreslått.");
        await AddItemAsync(kari, path, "Flisfyring i Ål");
        await PublishAsync(kari, path);
        await ExpectRedirectAsync(await ola.SubmitAsync(await ItemPathAsync(ola, path, "Budsjett 2027"), "form[data-testid=conflict-form]",
            new() { ["Reason"] = "Styremedlem i Ål Bioenergi AS." }));
        Assert.Equal("Mulig inhabil: Ola Bakken", (await kari.GetPageAsync(path)).QuerySelector("[data-testid=item-conflicts]")!.TextContent.Trim());
        await ExpectRedirectAsync(await RemoveAsync(kari, await ItemPathAsync(kari, path, "Flisfyring i Ål"), "Saken er ikke ferdig utredet.", confirms: true));

        Portal.Clock.Advance(TimeSpan.FromDays(2)); // the meeting has been held
        // A meeting held is not cancelled afterwards (its minutes are what it did).
        Assert.Null((await kari.GetPageAsync(path)).QuerySelector("[data-testid=cancel-link]"));
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync(path + "/avlys")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.PostWithTokenAsync(path + "/avlys", new() { ["Reason"] = "For sent", ["Confirms"] = "true" })).StatusCode);
        Assert.Contains("Møtet har begynt", (await PortalClient.ReadAsync(await RemoveAsync(kari, await ItemPathAsync(kari, path, "Budsjett 2027"), "For sent.", confirms: true)))
            .GetElementById("error-summary")!.TextContent, StringComparison.Ordinal);
        var minutes = await kari.GetPageAsync(MinutesPath(path));
        var withdrawnRow = minutes.QuerySelectorAll("[data-testid=minutes-item]")[1];
        Assert.Equal("Saken ble trukket: Saken er ikke ferdig utredet.", withdrawnRow.QuerySelector("[data-testid=withdrawn]")!.TextContent.Trim());
        Assert.Null(withdrawnRow.QuerySelector("form[data-testid=resolution-form]"));

        await ExpectRedirectAsync(await SaveResolutionAsync(kari, path, "SAK 1/26"));
        await ExpectRedirectToAsync(await MakeMinutesAsync(kari, path), MinutesPath(path)); // no vedtak asked for SAK 2/26
        Assert.Equal(1, await RunQueuedMinutesJobsAsync(Portal));

        var download = (await ola.GetPageAsync(MinutesPath(path))).QuerySelector("a[data-testid=minutes-download]")!.GetAttribute("href")!;
        using var pdf = PdfDocument.Open(await (await ola.GetAsync(download)).Content.ReadAsByteArrayAsync());
        var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Squeeze("SAK 1/26 Budsjett 2027 Habilitet: Ola Bakken meldte mulig inhabilitet (Styremedlem i Ål Bioenergi AS.). Vedtak Budsjettet vedtas som foreslått."), text);
        Assert.Contains(Squeeze("SAK 2/26 Flisfyring i Ål Saken ble trukket: Saken er ikke ferdig utredet."), text);
    }

    [Fact]
    public async Task MovingAPublishedMeeting_TellsEveryParticipantTheOldAndTheNewTimeAndPlace()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var path = await PublishedMeetingAsync(kari);

        var form = await kari.FormListAsync(path + "/endre", "form[data-testid=meeting-form]");
        Set(form, "Input.Date", "2026-03-19");
        Set(form, "Input.Start", "13:00");
        Set(form, "Input.End", "15:00");
        Set(form, "Input.Place", "Ål kulturhus");
        await ExpectRedirectAsync(await kari.Http.PostAsync(path + "/endre", new FormUrlEncodedContent(form)));

        Assert.Contains(await NoticeTextsAsync(ola), n => n.Contains(
            "«Rådsmøte mars» er endret. Før: 17.03.2026 kl. 10:00–12:00, Kommunehuset, Gol og på video. Nå: 19.03.2026 kl. 13:00–15:00, Ål kulturhus og på video.",
            StringComparison.Ordinal));
        Assert.Contains("\r\nSEQUENCE:1\r\n", await (await ola.GetAsync(path + "/kalender.ics")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A new title only is no move: no second notice.
        form = await kari.FormListAsync(path + "/endre", "form[data-testid=meeting-form]");
        Set(form, "Input.Title", "Rådsmøte i mars");
        await ExpectRedirectAsync(await kari.Http.PostAsync(path + "/endre", new FormUrlEncodedContent(form)));
        Assert.Single(await NoticeTextsAsync(ola), n => n.Contains("er endret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangingWhoIsInvitedToAPublishedMeeting_SendsTheNewcomerTheNoticeToAttend_AndTellsWhoIsTakenOff()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        using var ingrid = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var form = await kari.FormListAsync("/rad/hallingdal/moter/nytt", "form[data-testid=meeting-form]");
        var people = (await kari.GetPageAsync("/rad/hallingdal/moter/nytt")).QuerySelectorAll("[data-testid=participant-choice]")
            .ToDictionary(c => c.ParentElement!.QuerySelector("label")!.TextContent.Trim(), c => c.GetAttribute("value")!);
        Invite(form, people["Kari Nordby"], people["Ingrid Haugen"]);
        Set(form, "Input.Title", "Rådsmøte mars");
        Set(form, "Input.Date", "2026-03-17");
        Set(form, "Input.Start", "10:00");
        Set(form, "Input.End", "12:00");
        Set(form, "Input.Place", "Kommunehuset, Gol");
        var created = await kari.Http.PostAsync("/rad/hallingdal/moter/nytt", new FormUrlEncodedContent(form));
        await ExpectRedirectAsync(created);
        var path = created.Headers.Location!.OriginalString;
        await AddItemAsync(kari, path, "Budsjett 2027");
        await PublishAsync(kari, path);
        Assert.DoesNotContain(await NoticeTextsAsync(ola), n => n.Contains("Rådsmøte mars", StringComparison.Ordinal));

        form = await kari.FormListAsync(path + "/endre", "form[data-testid=meeting-form]");
        Invite(form, people["Kari Nordby"], people["Ola Bakken"]);
        await ExpectRedirectAsync(await kari.Http.PostAsync(path + "/endre", new FormUrlEncodedContent(form)));

        var invitation = Assert.Single(await ola.NoticesAsync(), n => n.TextContent.Contains("Rådsmøte mars", StringComparison.Ordinal));
        Assert.Contains("Du er innkalt til «Rådsmøte mars» 17.03.2026 kl. 10:00 (Kommunehuset, Gol). Sakslisten er publisert med 1 sak.", invitation.TextContent, StringComparison.Ordinal);
        Assert.Equal(path, await ola.NoticeTargetAsync(invitation));
        var takenOff = Assert.Single(await ingrid.NoticesAsync(), n => n.TextContent.Contains("ikke lenger", StringComparison.Ordinal));
        Assert.Contains("Du er ikke lenger innkalt til «Rådsmøte mars» 17.03.2026 kl. 10:00–12:00.", takenOff.TextContent, StringComparison.Ordinal);
        Assert.Null(takenOff.QuerySelector("a")); // the meeting is no longer hers to open
        Assert.Equal(HttpStatusCode.NotFound, (await ingrid.GetAsync(path)).StatusCode);
    }

    private static void Invite(List<KeyValuePair<string, string>> form, params string[] userIds)
    {
        form.RemoveAll(f => f.Key == "Input.ParticipantIds");
        form.AddRange(userIds.Select(id => new KeyValuePair<string, string>("Input.ParticipantIds", id)));
    }

    [Fact]
    public async Task AnotherCouncilsSecretary_GetsNotFound_ForCancellingTheMeetingOrRemovingItsItem()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        var path = await PublishedMeetingAsync(kari);
        var item = await ItemPathAsync(kari, path, "Budsjett 2027");

        foreach (var url in new[] { path + "/avlys", item + "/fjern" })
        {
            foreach (var place in new[] { url, url.Replace("/rad/hallingdal/", "/rad/hadeland/", StringComparison.Ordinal) })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await marte.GetAsync(place)).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await marte.PostWithTokenAsync(place, new() { ["Reason"] = "Innbrudd", ["Confirms"] = "true" })).StatusCode);
            }
        }

        Assert.Null((await kari.GetPageAsync(path)).QuerySelector("[data-testid=cancelled]"));
        Assert.Equal(["SAK 1/26 Budsjett 2027"], await AgendaAsync(kari, path));
    }

    // Text extraction puts spaces where the layout has gaps, not where the HTML had them; compare without spaces.
    private static string Squeeze(string text) =>
        new(text.Where(c => !char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F').ToArray());
}
