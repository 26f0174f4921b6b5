using System.Net;
using AngleSharp.Html.Dom;
using BioSirk.Portal.Meetings.Data;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Infrastructure.HeldLocks;
using static BioSirk.Portal.Tests.Meetings.MeetingSteps;
using static BioSirk.Portal.Tests.Meetings.MinutesSteps;

namespace BioSirk.Portal.Tests.Meetings;

/// <summary>
/// Two secretaries (or two tabs) changing a meeting's agenda at the same moment, made deterministic: the test holds a row
/// lock in its own transaction until both requests have checked what they check and wait to write (<see cref="HeldLocks"/>),
/// then lets them go and looks at what they answered and left. Every change to the agenda (an item added, changed or
/// withdrawn, a resolution, a document) renews the meeting's stamp, so the second to save is told instead of leaving an
/// unnumbered item on a published agenda, an item, resolution or document changed on a cancelled meeting, or two items in
/// one place.
/// </summary>
public sealed class MeetingSameMomentTests(PortalFactory portal) : PortalTest(portal)
{
    private const string ItemForm = "form[data-testid=item-form]";

    [Fact]
    public async Task TwoItemsAddedToADraftAgendaAtTheSameMoment_NeverTakeTheSamePlace()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var otherTab = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte april", "2026-04-14");
        await AddItemAsync(kari, path, "Budsjett 2027");
        var pageA = await kari.GetPageAsync(path + "/saker/ny");
        var pageB = await otherTab.GetPageAsync(path + "/saker/ny");

        await using var holder = await Portal.OpenAsync();
        await using var tx = await holder.BeginTransactionAsync();
        // Holds the meeting's row: both have placed their item after the last one, and both wait to write it.
        await LockMeetingAsync(holder, tx, "Rådsmøte april");
        var a = kari.SubmitAsync(pageA, path + "/saker/ny", ItemForm, Item("Flisfyring i Ål"));
        var b = otherTab.SubmitAsync(pageB, path + "/saker/ny", ItemForm, Item("Biokull i Hemsedal"));
        await Portal.WaitUntilBlockedAsync(holder, 2, a, b);
        await tx.RollbackAsync();
        var answers = await Task.WhenAll(a, b);

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        var positions = await ItemsAsync(i => i.Position);
        Assert.Equal(positions.Count, positions.Distinct().Count());
        await AssertToldAndKeptAsync(answers, "Flisfyring i Ål", "Biokull i Hemsedal");
    }

    [Fact]
    public async Task ItemAddedWhileTheAgendaIsPublished_IsNeverLeftWithoutACaseNumber()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var otherTab = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte april", "2026-04-14");
        await AddItemAsync(kari, path, "Budsjett 2027");
        var meetingPage = await kari.GetPageAsync(path);
        var itemPage = await otherTab.GetPageAsync(path + "/saker/ny");

        await using var holder = await Portal.OpenAsync();
        await using var tx = await holder.BeginTransactionAsync();
        // Holds the meeting's row: publishing has numbered the items it found, and the new item is checked against a draft.
        await LockMeetingAsync(holder, tx, "Rådsmøte april");
        var publish = kari.SubmitAsync(meetingPage, path, "form[data-testid=publish-form]", []);
        await Portal.WaitUntilBlockedAsync(holder, 1, publish);
        var add = otherTab.SubmitAsync(itemPage, path + "/saker/ny", ItemForm, Item("Flisfyring i Ål"));
        await Portal.WaitUntilBlockedAsync(holder, 2, publish, add);
        await tx.RollbackAsync();
        var answers = await Task.WhenAll(publish, add);

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        var published = await Portal.WithScopeAsync(sp => sp.GetRequiredService<MeetingsDbContext>().Meetings.IgnoreQueryFilters().Select(m => m.PublishedAtUtc).SingleAsync());
        if (published is not null)
        {
            Assert.DoesNotContain(null, await ItemsAsync(i => i.CaseNumber));
        }

        await AssertToldAndKeptAsync(answers, "Flisfyring i Ål");
    }

    [Fact]
    public async Task ItemAddedWhileTheMeetingIsCancelled_IsNotAddedToTheCancelledMeeting()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var otherTab = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte april", "2026-04-14");
        await AddItemAsync(kari, path, "Budsjett 2027");
        await PublishAsync(kari, path);
        var cancelPage = await kari.GetPageAsync(path + "/avlys");
        var itemPage = await otherTab.GetPageAsync(path + "/saker/ny");

        await using var holder = await Portal.OpenAsync();
        await using var tx = await holder.BeginTransactionAsync();
        // Holds the meeting's row: the cancellation waits to be saved, and the new item was checked against a meeting not cancelled.
        await LockMeetingAsync(holder, tx, "Rådsmøte april");
        var cancel = kari.SubmitAsync(cancelPage, path + "/avlys", "form[data-testid=cancel-form]", new() { ["Reason"] = "For mange har meldt forfall.", ["Confirms"] = "true" });
        await Portal.WaitUntilBlockedAsync(holder, 1, cancel);
        var add = otherTab.SubmitAsync(itemPage, path + "/saker/ny", ItemForm, Item("Flisfyring i Ål"));
        await Portal.WaitUntilBlockedAsync(holder, 2, cancel, add);
        await tx.RollbackAsync();
        var answers = await Task.WhenAll(cancel, add);

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        var cancelled = await Portal.WithScopeAsync(sp => sp.GetRequiredService<MeetingsDbContext>().Meetings.IgnoreQueryFilters().Select(m => m.CancelledAtUtc).SingleAsync());
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Redirect);
        if (cancelled is not null)
        {
            Assert.Equal(["Budsjett 2027"], await ItemsAsync(i => i.Title));
        }
        else
        {
            // The item was saved first: the cancellation was checked against the meeting without it, so she is told to look again.
            Assert.Contains("Noen andre har endret møtet mens du var her.", (await PortalClient.ReadAsync(answers[0])).GetElementById("error-summary")!.TextContent,
                StringComparison.Ordinal);
        }

        await AssertToldAndKeptAsync(answers, "Flisfyring i Ål");
    }

    [Fact]
    public async Task AttachmentUploadedWhileTheMeetingIsCancelled_IsNotLeftOnTheCancelledMeeting()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var otherTab = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte april", "2026-04-14");
        await AddItemAsync(kari, path, "Budsjett 2027");
        await PublishAsync(kari, path);
        var itemPath = await ItemPathAsync(kari, path, "Budsjett 2027");
        var cancelPage = await kari.GetPageAsync(path + "/avlys");
        var itemId = (await ItemsAsync(i => i.Id)).Single();

        await using var holder = await Portal.OpenAsync();
        await using var tx = await holder.BeginTransactionAsync();
        // Holds the item's row: the upload has found the meeting not cancelled and waits to attach the file to the item.
        await ExecuteAsync(holder, tx, """SELECT 1 FROM meetings.agenda_items WHERE "Id" = @item FOR UPDATE""", ("item", itemId));
        var upload = ItemAttachmentTests.UploadAsync(otherTab, itemPath, "budsjett.pdf", ItemAttachmentTests.Pdf(2_000));
        await Portal.WaitUntilBlockedAsync(holder, 1, upload);
        var cancel = kari.SubmitAsync(cancelPage, path + "/avlys", "form[data-testid=cancel-form]", new() { ["Reason"] = "For mange har meldt forfall.", ["Confirms"] = "true" });
        await Portal.WaitUntilBlockedOrDoneAsync(holder, 2, cancel);
        await tx.RollbackAsync();
        var answers = await Task.WhenAll(upload, cancel);

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        var (cancelled, attachments) = await Portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MeetingsDbContext>();
            return (await db.Meetings.IgnoreQueryFilters().Select(m => m.CancelledAtUtc).SingleAsync(),
                await db.Meetings.IgnoreQueryFilters().SelectMany(m => m.Items).SelectMany(i => i.Attachments).CountAsync());
        });
        Assert.False(cancelled is not null && attachments > 0, "A document was attached to the meeting after it was cancelled.");
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task ItemChangedWhileTheMeetingIsCancelled_IsNotChangedOnTheCancelledMeeting()
    {
        var (kari, otherTab, path) = await PublishedMeetingInTwoTabsAsync();
        var editPath = await ItemPathAsync(otherTab, path, "Budsjett 2027") + "/endre";
        var editPage = await otherTab.GetPageAsync(editPath);

        var answers = await CancelAtTheSameMomentAsync(kari, path, () => otherTab.SubmitAsync(editPage, editPath, ItemForm, Item("Budsjett 2027 og 2028")));

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Redirect);
        if (await CancelledAsync())
        {
            Assert.Equal(["Budsjett 2027"], await ItemsAsync(i => i.Title));
        }

        await AssertToldAndKeptAsync(answers, "Budsjett 2027 og 2028");
        kari.Dispose();
        otherTab.Dispose();
    }

    [Fact]
    public async Task ItemWithdrawnWhileTheMeetingIsCancelled_IsNotWithdrawnFromTheCancelledMeeting()
    {
        var (kari, otherTab, path) = await PublishedMeetingInTwoTabsAsync();
        var removePath = await ItemPathAsync(otherTab, path, "Budsjett 2027") + "/fjern";
        var removePage = await otherTab.GetPageAsync(removePath);

        var answers = await CancelAtTheSameMomentAsync(kari, path, () => otherTab.SubmitAsync(removePage, removePath, "form[data-testid=remove-item-form]",
            new() { ["Reason"] = "Saken er ikke ferdig utredet.", ["Confirms"] = "true" }));

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        if (await CancelledAsync())
        {
            Assert.Equal([null], await ItemsAsync(i => i.WithdrawalReason));
            // Her withdrawal was not carried out: she is taken to the item, which says the meeting is cancelled.
            var itemPath = removePath[..^"/fjern".Length];
            Assert.Equal(itemPath, answers[1].Headers.Location?.OriginalString);
            Assert.NotNull((await otherTab.GetPageAsync(itemPath)).QuerySelector("[data-testid=cancelled]"));
        }
        else
        {
            Assert.NotNull((await PortalClient.ReadAsync(answers[0])).GetElementById("error-summary"));
        }

        kari.Dispose();
        otherTab.Dispose();
    }

    [Fact]
    public async Task ResolutionRecordedWhileTheMeetingIsCancelled_IsNotRecordedOnTheCancelledMeeting()
    {
        var (kari, otherTab, path) = await PublishedMeetingInTwoTabsAsync();
        var form = ResolutionForm(await otherTab.GetPageAsync(MinutesPath(path)), "SAK 1/26");

        var answers = await CancelAtTheSameMomentAsync(kari, path, () => PostResolutionAsync(otherTab, form, "Budsjettet vedtas som foreslått."));

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Redirect);
        if (await CancelledAsync())
        {
            Assert.Equal([null], await ItemsAsync(i => i.AdoptedResolution));
        }

        kari.Dispose();
        otherTab.Dispose();
    }

    [Fact]
    public async Task TwoItemsAddedToAPublishedAgendaAtTheSameMoment_NeverShareACaseNumber()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var otherTab = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte april", "2026-04-14");
        await AddItemAsync(kari, path, "Budsjett 2027");
        await PublishAsync(kari, path);
        var pageA = await kari.GetPageAsync(path + "/saker/ny");
        var pageB = await otherTab.GetPageAsync(path + "/saker/ny");

        // Holds the council's case number counter: both have taken SAK 2/26 from it and wait to save.
        var answers = await Portal.AtTheSameMomentAsync("SELECT 1 FROM meetings.case_number_counters FOR UPDATE",
            () => kari.SubmitAsync(pageA, path + "/saker/ny", ItemForm, Item("Flisfyring i Ål")),
            () => otherTab.SubmitAsync(pageB, path + "/saker/ny", ItemForm, Item("Biokull i Hemsedal")));

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        var numbers = await ItemsAsync(i => i.CaseNumber);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        await AssertToldAndKeptAsync(answers, "Flisfyring i Ål", "Biokull i Hemsedal");
    }

    [Fact]
    public async Task ResolutionRecordedInTwoTabsAtTheSameMoment_TheSecondIsToldAndKeepsHerText()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var otherTab = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var path = await HeldMeetingAsync(kari);
        var formA = ResolutionForm(await kari.GetPageAsync(MinutesPath(path)), "SAK 1/26");
        var formB = ResolutionForm(await otherTab.GetPageAsync(MinutesPath(path)), "SAK 1/26");
        var itemId = await Portal.WithScopeAsync(sp =>
            sp.GetRequiredService<MeetingsDbContext>().Meetings.IgnoreQueryFilters().SelectMany(m => m.Items).Where(i => i.CaseNumber == 1).Select(i => i.Id).SingleAsync());

        // Holds the item's row: both tabs have read the same stamp and wait to save their resolution.
        var answers = await Portal.AtTheSameMomentAsync("""SELECT 1 FROM meetings.agenda_items WHERE "Id" = @item FOR UPDATE""",
            () => PostResolutionAsync(kari, formA, "Budsjettet vedtas som foreslått."),
            () => PostResolutionAsync(otherTab, formB, "Budsjettet vedtas med endringene fra arbeidsutvalget."),
            ("item", itemId));

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Redirect);
        var loser = answers.Single(r => r.StatusCode != HttpStatusCode.Redirect);
        var page = await PortalClient.ReadAsync(loser);
        var field = formA.QuerySelector("textarea")!.Id!;
        Assert.StartsWith("Noen andre har lagret endringer i vedtaket mens du arbeidet.", page.FieldError(field), StringComparison.Ordinal);
        Assert.Equal(loser == answers[0] ? "Budsjettet vedtas som foreslått." : "Budsjettet vedtas med endringene fra arbeidsutvalget.", page.FieldValue(field));
        var stored = await ItemsAsync(i => i.AdoptedResolution);
        Assert.Contains(loser == answers[0] ? "Budsjettet vedtas med endringene fra arbeidsutvalget." : "Budsjettet vedtas som foreslått.", stored);
    }

    private static Dictionary<string, string> Item(string title) => new()
    {
        ["Input.Title"] = title, ["Input.Background"] = "Rådet ba sekretariatet om en sak.", ["Input.ProposedResolution"] = "Saken tas til orientering.",
    };

    private static Task<HttpResponseMessage> PostResolutionAsync(PortalClient client, IHtmlFormElement form, string text) =>
        client.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value,
            ["Stamp"] = ((IHtmlInputElement)form.QuerySelector("input[name=Stamp]")!).Value,
            ["Resolution"] = text,
        }));

    /// <summary>Kari's published meeting «Rådsmøte april» (14.04.2026) with SAK 1/26 «Budsjett 2027», and a second tab of hers.</summary>
    private async Task<(PortalClient Kari, PortalClient OtherTab, string Path)> PublishedMeetingInTwoTabsAsync()
    {
        var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var otherTab = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte april", "2026-04-14");
        await AddItemAsync(kari, path, "Budsjett 2027");
        await PublishAsync(kari, path);
        return (kari, otherTab, path);
    }

    /// <summary>
    /// Kari cancels the meeting while the other tab changes its agenda: the cancellation waits to be saved first, and the
    /// change was checked against a meeting not cancelled. Answers the cancellation's response, then the change's.
    /// </summary>
    private async Task<HttpResponseMessage[]> CancelAtTheSameMomentAsync(PortalClient kari, string path, Func<Task<HttpResponseMessage>> change)
    {
        var cancelPage = await kari.GetPageAsync(path + "/avlys");
        await using var holder = await Portal.OpenAsync();
        await using var tx = await holder.BeginTransactionAsync();
        await LockMeetingAsync(holder, tx, "Rådsmøte april");
        var cancel = kari.SubmitAsync(cancelPage, path + "/avlys", "form[data-testid=cancel-form]", new() { ["Reason"] = "For mange har meldt forfall.", ["Confirms"] = "true" });
        await Portal.WaitUntilBlockedAsync(holder, 1, cancel);
        var changed = change();
        await Portal.WaitUntilBlockedOrDoneAsync(holder, 2, changed);
        await tx.RollbackAsync();
        return await Task.WhenAll(cancel, changed);
    }

    private Task<bool> CancelledAsync() =>
        Portal.WithScopeAsync(async sp => await sp.GetRequiredService<MeetingsDbContext>().Meetings.IgnoreQueryFilters().Select(m => m.CancelledAtUtc).SingleAsync() is not null);

    private async Task LockMeetingAsync(Npgsql.NpgsqlConnection holder, Npgsql.NpgsqlTransaction tx, string title)
    {
        var id = await Portal.WithScopeAsync(sp => sp.GetRequiredService<MeetingsDbContext>().Meetings.IgnoreQueryFilters().Where(m => m.Title == title).Select(m => m.Id).SingleAsync());
        await ExecuteAsync(holder, tx, """SELECT 1 FROM meetings.meetings WHERE "Id" = @meeting FOR UPDATE""", ("meeting", id));
    }

    private Task<List<T>> ItemsAsync<T>(System.Linq.Expressions.Expression<Func<BioSirk.Portal.Meetings.Domain.AgendaItem, T>> select) =>
        Portal.WithScopeAsync(sp => sp.GetRequiredService<MeetingsDbContext>().Meetings.IgnoreQueryFilters().SelectMany(m => m.Items).Select(select).ToListAsync());

    /// <summary>An item form that was not saved came back (not a 500) with a message and with what she typed.</summary>
    private static async Task AssertToldAndKeptAsync(HttpResponseMessage[] answers, params string[] titles)
    {
        foreach (var answer in answers.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var page = await PortalClient.ReadAsync(answer);
            if (page.QuerySelector(ItemForm) is null)
            {
                continue; // not an item form (the publish or cancel page)
            }

            Assert.NotNull(page.GetElementById("error-summary"));
            Assert.Contains(page.FieldValue("Input.Title"), titles);
        }
    }
}
