using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Meetings.Data;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BioSirk.Portal.BrowserTests;

/// <summary>The secretary's work on one agenda item in the browser: attachments, and a roadmap action made from it.</summary>
public sealed class AgendaItemTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    [Fact]
    public async Task Secretary_AttachesADocument_AndMakesARoadmapActionFromTheItem()
    {
        await Portal.WithScopeAsync(sp => sp.GetRequiredService<StrategyDemoSeeder>().SeedAsync());
        var (meetingId, itemId) = await PartnershipMeetingAsync();
        var itemPath = $"/rad/ringerike/moter/{meetingId}/saker/{itemId}";
        await SignInAsync(Demo.RingerikeSecretary, "/rad/ringerike");
        await GotoAsync(itemPath);

        // A text file named .pdf is refused beside the field; a real PDF is listed with its size and type.
        await Page.GetByLabel("Legg ved et dokument").SetInputFilesAsync(new FilePayload { Name = "budsjett.pdf", MimeType = "application/pdf", Buffer = "ikke en pdf"u8.ToArray() });
        await NavigateAsync(Page, () => Page.GetByRole(AriaRole.Button, new() { Name = "Last opp" }).ClickAsync());
        await CheckAsync();
        await Expect(Page.Locator("#Upload-error")).ToContainTextAsync("Filen er ikke en PDF, JPEG, PNG, Word (.docx) eller Excel (.xlsx)");
        await Page.GetByLabel("Legg ved et dokument").SetInputFilesAsync(new FilePayload { Name = "budsjett.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7 budsjett"u8.ToArray() });
        await NavigateAsync(Page, () => Page.GetByRole(AriaRole.Button, new() { Name = "Last opp" }).ClickAsync());
        await CheckAsync();
        await Expect(Page.Locator("[data-testid=attachment]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"budsjett\.pdf\s+\(17 byte · PDF\)"));

        await Page.GetByText("Lag et tiltak i veikartet fra saken").ClickAsync();
        await Expect(Page.GetByLabel("Navn på tiltaket")).ToHaveValueAsync("Biokull fra parkslam");
        await Page.GetByLabel("Mål i veikartet").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await CheckAsync();
        await NavigateAsync(Page, () => Page.GetByRole(AriaRole.Button, new() { Name = "Lag tiltaket" }).ClickAsync());
        await CheckAsync();
        await Expect(Page.Locator("[role=status]")).ToContainTextAsync("Tiltaket «Biokull fra parkslam» er lagt i veikartet");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Link, new() { Name = "SAK 1/26 Biokull fra parkslam (Fellesmøte BioSirk 21.04.2026)" }), itemPath);
        await Expect(Page.Locator("[data-testid=item-links] a")).ToHaveTextAsync("Biokull fra parkslam");
    }

    private Task<(Guid MeetingId, Guid ItemId)> PartnershipMeetingAsync() => Portal.WithScopeAsync(async sp =>
    {
        var platform = sp.GetRequiredService<PlatformDbContext>();
        var ringerike = await platform.Tenants.SingleAsync(t => t.Slug == "ringerike");
        var biosirk = await platform.Partnerships.SingleAsync(p => p.Slug == "biosirk");
        var jon = await platform.Users.SingleAsync(u => u.Email == Demo.RingerikeSecretary);
        var db = sp.GetRequiredService<MeetingsDbContext>();
        var meeting = new Meeting(ringerike.Id, biosirk.Id);
        meeting.Schedule(new MeetingDetails("Fellesmøte BioSirk", new DateOnly(2026, 4, 21), new TimeOnly(10, 0), new TimeOnly(12, 0), "Hønefoss", null));
        meeting.Invite([new Invitee(jon.Id, "Jon Aasen", ringerike.Id)]);
        var item = meeting.AddItem(new AgendaItemText("Biokull fra parkslam", "Bakgrunn", null, "Forslag", null)).Value!;
        var counter = new CaseNumberCounter(meeting);
        meeting.Publish(counter, DateTime.UtcNow);
        db.Meetings.Add(meeting);
        db.CaseNumberCounters.Add(counter);
        await db.SaveChangesAsync();
        return (meeting.Id, item.Id);
    });
}
