using System.Net;
using System.Security.Cryptography;
using BioSirk.Portal.Meetings.Data;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Meetings.MeetingSteps;
using static BioSirk.Portal.Tests.Meetings.MinutesSteps;
using BioSirk.Portal.SharedKernel.Pdf;

namespace BioSirk.Portal.Tests.Meetings;

/// <summary>The minutes (protokoll): the secretary records the resolutions and who was absent, and makes the PDF.</summary>
public sealed class MeetingMinutesTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Budget = "Budsjettet for 2027 vedtas med de endringene som kom fram i møtet.\n\nRådet ber om en ny sak om økonomi i juni.";

    [Fact]
    public async Task Secretary_RecordsResolutionsAndAbsence_MakesTheMinutes_AndAParticipantDownloadsThePdf()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var path = await HeldMeetingAsync(kari);
        await ExpectRedirectAsync(await ola.SubmitAsync(await ItemPathAsync(ola, path, "Flisfyring i Ål"), "form[data-testid=conflict-form]",
            new() { ["Reason"] = "Styremedlem i Ål Bioenergi AS." }));
        Assert.NotNull((await kari.GetPageAsync(path)).QuerySelector("a[data-testid=minutes-link]"));

        // Until the secretary saves it, the field holds the proposal and the item is "not recorded".
        var page = await kari.GetPageAsync(MinutesPath(path));
        Assert.Equal("Budsjettet vedtas som foreslått.", ResolutionForm(page, "SAK 1/26").QuerySelector("textarea")!.TextContent);
        Assert.Equal(["Ikke registrert", "Ikke registrert"], page.QuerySelectorAll("[data-testid=resolution-state]").Select(s => s.TextContent.Trim()));
        Assert.Contains("Ola Bakken (Styremedlem i Ål Bioenergi AS.)", page.QuerySelector("[data-testid=minutes-conflicts]")!.TextContent, StringComparison.Ordinal);

        // Ingrid did not come: the secretary records it.
        var ingrid = page.QuerySelectorAll("[data-testid=minutes-person]").Single(r => r.TextContent.Contains("Ingrid Haugen", StringComparison.Ordinal));
        await ExpectRedirectAsync(await kari.PostWithTokenAsync(ingrid.QuerySelector("form")!.GetAttribute("action")!));

        await ExpectRedirectToAsync(await SaveResolutionAsync(kari, path, "SAK 1/26", Budget), MinutesPath(path));
        await ExpectRedirectAsync(await SaveResolutionAsync(kari, path, "SAK 2/26")); // the proposal, confirmed as it stands
        page = await kari.GetPageAsync(MinutesPath(path));
        Assert.Equal(["Vedtak registrert", "Vedtak registrert"], page.QuerySelectorAll("[data-testid=resolution-state]").Select(s => s.TextContent.Trim()));
        Assert.Contains("Ingrid Haugen | Regionrådet for Hallingdal | Forfall",
            page.QuerySelectorAll("[data-testid=minutes-person]").Select(r => string.Join(" | ", r.Children.Take(3).Select(c => c.TextContent.Trim()))));

        await ExpectRedirectToAsync(await MakeMinutesAsync(kari, path), MinutesPath(path));
        page = await kari.GetPageAsync(MinutesPath(path));
        Assert.Equal("Protokoll 1 står i kø.", page.QuerySelector("[data-testid=minutes-status]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=minutes-download]"));

        Assert.Equal(1, await RunQueuedMinutesJobsAsync(Portal));

        // The participant reads the minutes and downloads the version; what he gets is what the page lists.
        var asOla = await ola.GetPageAsync(MinutesPath(path));
        Assert.Null(asOla.QuerySelector("form[data-testid=resolution-form]"));
        Assert.Null(asOla.QuerySelector("form[data-testid=minutes-pdf-form]"));
        Assert.Equal("Saken tas til orientering.", asOla.QuerySelectorAll("[data-testid=adopted]")[1].TextContent.Trim());
        var row = Assert.Single(asOla.QuerySelectorAll("[data-testid=minutes-version]"));
        Assert.Contains("Klar", row.TextContent, StringComparison.Ordinal);
        var response = await ola.GetAsync(row.QuerySelector("a[data-testid=minutes-download]")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("protokoll-2026-02-24-1.pdf", response.Content.Headers.ContentDisposition!.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), row.QuerySelector("[data-testid=minutes-sha]")!.GetAttribute("data-sha"));

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal("Protokoll – Rådsmøte februar, 24.02.2026", pdf.Information.Title);
        Assert.Equal("nb", Assert.IsType<StringToken>(Resolve(pdf, pdf.Structure.Catalog.CatalogDictionary.Data["Lang"])).Data);
        var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Squeeze("Regionrådet for Hallingdal"), text);
        Assert.Contains(Squeeze("tirsdag 24.02.2026 kl. 10:00–12:00"), text);
        Assert.Contains(Squeeze("Kommunehuset, Gol, og på video"), text);
        Assert.Contains(Squeeze("Til stede Kari Nordby Ola Bakken Forfall Ingrid Haugen Saker"), text);
        Assert.Contains(Squeeze("SAK 1/26 Budsjett 2027 Vedtak " + Budget), text);
        Assert.Contains(Squeeze("SAK 2/26 Flisfyring i Ål Habilitet: Ola Bakken meldte mulig inhabilitet (Styremedlem i Ål Bioenergi AS.). Vedtak Saken tas til orientering."), text);
        Assert.Contains(Squeeze($"Side 1 av {pdf.NumberOfPages}"), text);
        var å = pdf.GetPage(1).Letters.First(l => l.Value == "å");
        Assert.True(å.FontName?.Contains("DejaVu", StringComparison.Ordinal) == true || å.FontName?.Contains("Liberation", StringComparison.Ordinal) == true, å.FontName);
    }

    [Fact]
    public async Task OnceTheMeetingHasBegun_AttendanceIsTheSecretariats_AndEveryChangeOfItIsInTheChangeLog()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        using var ingrid = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte februar", "2026-02-24", alreadyHeld: true);
        await AddItemAsync(kari, path, "Eventuelt", proposed: "");
        await PublishAsync(kari, path);
        Assert.Equal("Saken har ikke noe forslag til vedtak. Skriv vedtaket slik møtet gjorde det, og lagre. Ble det ikke gjort vedtak, velg «Ingen vedtak».",
            ResolutionForm(await kari.GetPageAsync(MinutesPath(path)), "SAK 1/26").QuerySelector("[data-testid=resolution-hint]")!.TextContent.Trim());

        var olaRow = (await kari.GetPageAsync(MinutesPath(path))).QuerySelectorAll("[data-testid=minutes-person]")
            .Single(r => r.TextContent.Contains("Ola Bakken", StringComparison.Ordinal));
        await ExpectRedirectAsync(await kari.PostWithTokenAsync(olaRow.QuerySelector("form")!.GetAttribute("action")!));

        // Ola did not report it himself and is not told he did; he can no longer change it from the meeting page.
        var asOla = await ola.GetPageAsync(path);
        Assert.StartsWith("Du står med forfall i protokollen.", asOla.QuerySelector("[data-testid=my-absence]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(asOla.QuerySelector("form[data-testid=withdraw-absence-form]"));
        Assert.Null(asOla.QuerySelector("form[data-testid=absence-form]"));
        var refused = await PortalClient.ReadAsync(await ola.PostWithTokenAsync(path + "?handler=WithdrawAbsence"));
        Assert.Contains("Møtet har begynt, så forfall meldes ikke lenger her.", refused.GetElementById("error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ola Bakken | Regionrådet for Hallingdal | Forfall",
            (await kari.GetPageAsync(MinutesPath(path))).QuerySelectorAll("[data-testid=minutes-person]").Select(r => string.Join(" | ", r.Children.Take(3).Select(c => c.TextContent.Trim()))));

        var log = (await ingrid.GetPageAsync("/rad/hallingdal/admin/logg?type=MeetingParticipant")).QuerySelector("[data-testid=audit-table] > tbody > tr")!.TextContent;
        Assert.Contains("Deltaker i møte", log, StringComparison.Ordinal);
        Assert.Contains("Forfall registrert", log, StringComparison.Ordinal);
        Assert.Contains("Kari Nordby", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_CannotRecordResolutionsOrAbsence_NorMakeTheMinutes()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var path = await HeldMeetingAsync(kari);
        var asKari = await kari.GetPageAsync(MinutesPath(path));
        var resolution = ResolutionForm(asKari, "SAK 1/26").GetAttribute("action")!;
        var absence = asKari.QuerySelectorAll("[data-testid=minutes-person] form").First().GetAttribute("action")!;

        Assert.Equal(HttpStatusCode.NotFound, (await ola.PostWithTokenAsync(resolution, new() { ["Resolution"] = "Ola bestemmer." })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ola.PostWithTokenAsync(absence)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ola.PostWithTokenAsync(MinutesPath(path) + "?handler=Pdf")).StatusCode);

        var page = await kari.GetPageAsync(MinutesPath(path));
        Assert.Equal(["Ikke registrert", "Ikke registrert"], page.QuerySelectorAll("[data-testid=resolution-state]").Select(s => s.TextContent.Trim()));
        Assert.All(page.QuerySelectorAll("[data-testid=minutes-person]"), row => Assert.Equal("Til stede", row.Children[2].TextContent.Trim()));
        Assert.Empty(await MinutesPdfsAsync(Portal));
    }

    [Fact]
    public async Task ADraftMeeting_HasNoMinutes_AbsenceCannotBeRecordedForIt()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte april", "2026-04-14");
        await AddItemAsync(kari, path, "Budsjett 2027");
        var meetingId = Guid.Parse(path.Split('/').Last());
        var participantId = await Portal.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<MeetingsDbContext>().Set<MeetingParticipant>().AsNoTracking().FirstAsync(p => p.MeetingId == meetingId)).Id);

        Assert.Empty((await kari.GetPageAsync(MinutesPath(path))).QuerySelectorAll("[data-testid=minutes-person] form"));
        var refused = await kari.PostWithTokenAsync($"{MinutesPath(path)}?handler=Absent&participantId={participantId}");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.False(await Portal.WithScopeAsync(sp => sp.GetRequiredService<MeetingsDbContext>().Set<MeetingParticipant>().AnyAsync(p => p.Id == participantId && p.AbsenceReportedAtUtc != null)));
    }

    [Fact]
    public async Task BadInput_IsRefusedBesideTheField_KeepingWhatWasTyped()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var path = await HeldMeetingAsync(kari);

        // The minutes need every resolution: each missing one is named beside its field.
        var refused = await PortalClient.ReadAsync(await MakeMinutesAsync(kari, path));
        var budgetField = ResolutionForm(refused, "SAK 1/26").QuerySelector("textarea")!.Id!;
        Assert.Equal("SAK 1/26: skriv vedtaket og lagre det, eller velg «Ingen vedtak» og lagre hvis møtet ikke vedtok noe i saken.", refused.FieldError(budgetField));
        Assert.Equal("SAK 2/26: skriv vedtaket og lagre det, eller velg «Ingen vedtak» og lagre hvis møtet ikke vedtok noe i saken.",
            refused.FieldError(ResolutionForm(refused, "SAK 2/26").QuerySelector("textarea")!.Id!));
        Assert.Contains("#" + budgetField, refused.GetElementById("error-summary")!.InnerHtml, StringComparison.Ordinal);
        var summary = refused.QuerySelectorAll("#error-summary li").Select(li => li.TextContent).ToList();
        Assert.Equal(summary.Where(t => t.StartsWith("SAK ", StringComparison.Ordinal)).OrderBy(t => t, StringComparer.Ordinal), summary.Where(t => t.StartsWith("SAK ", StringComparison.Ordinal)));
        Assert.Empty(await MinutesPdfsAsync(Portal));

        var blank = await PortalClient.ReadAsync(await SaveResolutionAsync(kari, path, "SAK 1/26", "   "));
        Assert.Equal("Skriv vedtaket før du lagrer det, eller velg «Ingen vedtak» hvis møtet ikke vedtok noe i saken.", blank.FieldError(budgetField));

        var tooLong = "Vedtak. " + new string('x', AgendaItem.MaxTextLength);
        var response = await SaveResolutionAsync(kari, path, "SAK 1/26", tooLong);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ReadAsync(response);
        Assert.Equal("Vedtaket kan være på høyst 20 000 tegn. Gjør det kortere.", page.FieldError(budgetField));
        Assert.Equal(tooLong, page.FieldValue(budgetField));
        Assert.Equal("true", page.GetElementById(budgetField)!.GetAttribute("aria-invalid"));

        // Someone else saved the item meanwhile: refused, and what she typed stays.
        var stale = await kari.GetPageAsync(MinutesPath(path));
        await ExpectRedirectAsync(await SaveResolutionAsync(kari, path, "SAK 1/26", "Først lagret."));
        var form = ResolutionForm(stale, "SAK 1/26");
        var conflict = await kari.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value,
            ["Stamp"] = ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("input[name=Stamp]")!).Value,
            ["Resolution"] = "Sist skrevet.",
        }));
        var conflictPage = await PortalClient.ReadAsync(conflict);
        Assert.StartsWith("Noen andre har lagret endringer i vedtaket mens du arbeidet.", conflictPage.FieldError(budgetField), StringComparison.Ordinal);
        Assert.Equal("Sist skrevet.", conflictPage.FieldValue(budgetField));

        // Told, she saves again from the form shown to her, and her text stands.
        var again = ResolutionForm(conflictPage, "SAK 1/26");
        await ExpectRedirectAsync(await kari.Http.PostAsync(again.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ((AngleSharp.Html.Dom.IHtmlInputElement)again.QuerySelector("input[name=__RequestVerificationToken]")!).Value,
            ["Stamp"] = ((AngleSharp.Html.Dom.IHtmlInputElement)again.QuerySelector("input[name=Stamp]")!).Value,
            ["Resolution"] = conflictPage.FieldValue(budgetField)!,
        })));
        Assert.Equal("Sist skrevet.", (await kari.GetPageAsync(MinutesPath(path))).FieldValue(budgetField));
    }

    [Fact]
    public async Task RetriedAndRepeatedJobs_AndASecondClick_MakeOneVersion()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var path = await HeldMeetingAsync(kari);
        await ExpectRedirectAsync(await SaveResolutionAsync(kari, path, "SAK 1/26"));
        await ExpectRedirectAsync(await SaveResolutionAsync(kari, path, "SAK 2/26"));
        await ExpectRedirectAsync(await MakeMinutesAsync(kari, path));

        // A second click while the first is waiting makes no second version.
        var again = await PortalClient.ReadAsync(await MakeMinutesAsync(kari, path));
        Assert.Contains("Protokoll 1 lages allerede", again.GetElementById("error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await MinutesPdfsAsync(Portal));

        // Still waiting ten minutes later: its job was lost (a restart with in-memory job storage); asking again
        // queues the same version again, it makes no second one.
        Portal.Clock.Set(Portal.Clock.GetUtcNow().AddMinutes(11));
        await ExpectRedirectAsync(await MakeMinutesAsync(kari, path));
        var queued = Assert.Single(await MinutesPdfsAsync(Portal));

        // The job delivered twice at once, then once more (a retry after it finished): one version, unchanged.
        await Task.WhenAll(
            RunMinutesJobAsync(Portal, queued.TenantId, queued.Id, lastAttempt: false),
            RunMinutesJobAsync(Portal, queued.TenantId, queued.Id, lastAttempt: false));
        var ready = Assert.Single(await MinutesPdfsAsync(Portal));
        Assert.Equal(PdfState.Ready, ready.State);
        Assert.NotNull(ready.FileId); // the run that found it being printed may have taken it over (2 attempts): still one version
        await RunMinutesJobAsync(Portal, queued.TenantId, queued.Id, lastAttempt: true);
        var after = Assert.Single(await MinutesPdfsAsync(Portal));
        Assert.Equal((ready.FileId, ready.Sha256, ready.Size, ready.Attempts), (after.FileId, after.Sha256, after.Size, after.Attempts));
        Assert.Single((await kari.GetPageAsync(MinutesPath(path))).QuerySelectorAll("[data-testid=minutes-version]"));

        // A new click after that is a new version, numbered 2; the first stays as it was.
        await ExpectRedirectAsync(await MakeMinutesAsync(kari, path));
        await RunQueuedMinutesJobsAsync(Portal);
        var versions = await MinutesPdfsAsync(Portal);
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(ready.Sha256, versions[0].Sha256);
    }

    [Fact]
    public async Task Minutes_AreForThoseWhoSeeTheMeeting_AndWaitForTheMeetingToStart()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ingrid = await Portal.SignedInAsync(Demo.HallingdalAdmin);
        var newForm = await kari.GetPageAsync("/rad/hallingdal/moter/nytt");
        var ingridId = newForm.QuerySelectorAll("[data-testid=participant-choice]")
            .Single(i => newForm.QuerySelector($"label[for='{i.Id}']")!.TextContent.Contains("Ingrid Haugen", StringComparison.Ordinal)).GetAttribute("value");
        var created = await PostNewMeetingAsync(kari, "hallingdal", form =>
        {
            Set(form, "Input.Title", "Arbeidsutvalget");
            Set(form, "Input.Date", "2026-03-02");
            Set(form, "Input.Start", "11:00");
            Set(form, "Input.End", "12:00");
            Set(form, "Input.Place", "Gol");
            form.RemoveAll(f => f.Key == "Input.ParticipantIds" && f.Value == ingridId);
        });
        await ExpectRedirectAsync(created);
        var path = created.Headers.Location!.OriginalString;
        await AddItemAsync(kari, path, "Høringssvar");
        await PublishAsync(kari, path);
        await ExpectRedirectAsync(await SaveResolutionAsync(kari, path, "SAK 1/26"));

        // Not invited, though of the council: the minutes do not exist for her.
        Assert.Equal(HttpStatusCode.NotFound, (await ingrid.GetAsync(MinutesPath(path))).StatusCode);

        // Before the meeting there are no minutes to make.
        var early = await PortalClient.ReadAsync(await MakeMinutesAsync(kari, path));
        Assert.Contains("Protokollen kan lages når møtet har startet.", early.GetElementById("error-summary")!.TextContent, StringComparison.Ordinal);

        Portal.Clock.Set(new DateTimeOffset(2026, 3, 2, 10, 30, 0, TimeSpan.Zero)); // 11:30 in Oslo
        await ExpectRedirectAsync(await MakeMinutesAsync(kari, path));
        await RunQueuedMinutesJobsAsync(Portal);
        var download = (await kari.GetPageAsync(MinutesPath(path))).QuerySelector("a[data-testid=minutes-download]")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await kari.GetAsync(download)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ingrid.GetAsync(download)).StatusCode);
    }

    [Fact]
    public async Task EventueltAndAnOrientation_AreRecordedAsNoResolution_WhileAForgottenResolutionStillStopsTheMinutes()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte februar", "2026-02-24", alreadyHeld: true);
        await AddItemAsync(kari, path, "Budsjett 2027", "Budsjettet vedtas som foreslått.");
        await AddItemAsync(kari, path, "Orientering fra fylkeskommunen", proposed: "");
        await AddItemAsync(kari, path, "Eventuelt", proposed: "");
        await PublishAsync(kari, path);

        // Eventuelt with nothing decided: «Ingen vedtak» with a short note; the orientation without one.
        await ExpectRedirectAsync(await SaveResolutionAsync(kari, path, "SAK 3/26", "Ingen saker.", noResolution: true));
        await ExpectRedirectAsync(await SaveResolutionAsync(kari, path, "SAK 2/26", "", noResolution: true));
        var page = await kari.GetPageAsync(MinutesPath(path));
        Assert.Equal(["Ikke registrert", "Ført uten vedtak", "Ført uten vedtak"], page.QuerySelectorAll("[data-testid=resolution-state]").Select(s => s.TextContent.Trim()));
        var eventuelt = ResolutionForm(page, "SAK 3/26");
        Assert.Equal("Ingen saker.", eventuelt.QuerySelector("textarea")!.TextContent);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)eventuelt.QuerySelector("input[value=ingen-vedtak]")!).IsChecked);

        // The ordinary item was forgotten: the minutes wait for it, and for it only.
        var refused = await PortalClient.ReadAsync(await MakeMinutesAsync(kari, path));
        Assert.Equal(["SAK 1/26: skriv vedtaket og lagre det, eller velg «Ingen vedtak» og lagre hvis møtet ikke vedtok noe i saken."],
            refused.QuerySelectorAll("#error-summary li").Select(li => li.TextContent.Trim()));
        Assert.Empty(await MinutesPdfsAsync(Portal));

        await ExpectRedirectAsync(await SaveResolutionAsync(kari, path, "SAK 1/26"));
        await ExpectRedirectAsync(await MakeMinutesAsync(kari, path));
        Assert.Equal(1, await RunQueuedMinutesJobsAsync(Portal));

        var asOla = await ola.GetPageAsync(MinutesPath(path));
        Assert.Equal(["Budsjettet vedtas som foreslått.", "Ingen vedtak.", "Ingen vedtak. Ingen saker."],
            asOla.QuerySelectorAll("[data-testid=adopted]").Select(a => string.Join(" ", a.TextContent.Split(new[] { ' ', '\n' }, StringSplitOptions.RemoveEmptyEntries))));
        var bytes = await (await ola.GetAsync(asOla.QuerySelector("a[data-testid=minutes-download]")!.GetAttribute("href")!)).Content.ReadAsByteArrayAsync();
        using var pdf = PdfDocument.Open(bytes);
        var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Squeeze("SAK 1/26 Budsjett 2027 Vedtak Budsjettet vedtas som foreslått."), text);
        Assert.Contains(Squeeze("SAK 2/26 Orientering fra fylkeskommunen Vedtak Ingen vedtak. SAK 3/26"), text);
        Assert.Contains(Squeeze("SAK 3/26 Eventuelt Vedtak Ingen vedtak. Notat Ingen saker."), text);

        // A resolution saved afterwards replaces «Ingen vedtak»: an item has one or the other.
        await ExpectRedirectAsync(await SaveResolutionAsync(kari, path, "SAK 3/26", "Rådet ber om en sak om kollektivtrafikk.", noResolution: false));
        Assert.Equal("Vedtak registrert", (await kari.GetPageAsync(MinutesPath(path))).QuerySelectorAll("[data-testid=resolution-state]")[2].TextContent.Trim());
    }

    // Text extraction puts spaces where the layout has gaps, not where the HTML had them; compare without spaces.
    private static string Squeeze(string text) =>
        new(text.Where(c => !char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F').ToArray());

    private static IToken Resolve(PdfDocument document, IToken token) =>
        token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data).Data : token;
}
