using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;

namespace BioSirk.Portal.Tests.Agreements;

public sealed class DeadlineReminderTests(PortalFactory portal) : PortalTest(portal)
{
    private Task<int> RunJobAsync() => Portal.WithScopeAsync(sp => sp.GetRequiredService<SendDeadlineReminders>().RunAsync());

    [Fact]
    public async Task Reminders_Come30And7DaysBeforeAndWhenPassed_EachOnceEvenWhenTheJobRunsAgain()
    {
        Portal.Clock.Set(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var sigrid = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        var id = await DraftFromTemplateAsync(kari);
        await ExpectRedirectAsync(await SignAsync(kari, CouncilUrl(id)));
        await ExpectRedirectAsync(await SignAsync(sigrid, CountyUrl(id)));

        Portal.Clock.Set(new DateTimeOffset(2026, 10, 1, 4, 0, 0, TimeSpan.Zero)); // 60 days before the activities deadline
        Assert.Equal(0, await RunJobAsync());

        Portal.Clock.Set(new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero)); // 29 days before 30.11.2026
        Assert.Equal(1, await RunJobAsync());
        Assert.Equal(0, await RunJobAsync()); // the job retried or run twice: nothing more

        Portal.Clock.Set(new DateTimeOffset(2026, 11, 24, 4, 0, 0, TimeSpan.Zero)); // 6 days before
        Assert.Equal(1, await RunJobAsync());

        Portal.Clock.Set(new DateTimeOffset(2026, 12, 1, 4, 0, 0, TimeSpan.Zero)); // passed; the report is due in 30 days
        Assert.Equal(2, await RunJobAsync());
        Assert.Equal(0, await RunJobAsync());

        using var again = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var notices = (await again.NoticesAsync()).Select(li => li.TextContent).Where(IsAboutADeadline).ToList(); // not the signing's
        Assert.Equal(4, notices.Count);
        Assert.Contains(notices, n => n.Contains("Påminnelse: Aktivitetene skal være ferdige 30.11.2026, om 29 dager"));
        Assert.Contains(notices, n => n.Contains("Påminnelse: Aktivitetene skal være ferdige 30.11.2026, om 6 dager"));
        Assert.Contains(notices, n => n.Contains("Fristen er passert: Aktivitetene skal være ferdige 30.11.2026"));
        Assert.Contains(notices, n => n.Contains("Påminnelse: Sluttrapporten skal leveres 31.12.2026, om 30 dager"));

        using var officer = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        var countyNotices = (await officer.NoticesAsync()).Select(li => li.TextContent).Where(IsAboutADeadline).ToList();
        var only = Assert.Single(countyNotices);
        Assert.Contains("Regionrådet for Hallingdal: Fristen er passert: Aktivitetene skal være ferdige 30.11.2026", only);

        var mails = Directory.GetFiles(Portal.MailFolder, "*.eml").Select(File.ReadAllText).Where(m => m.Contains("sekretar.hallingdal@demo.biosirk.no") && m.Contains(id.ToString())).ToList(); // the folder is the run's
        Assert.Equal(4, mails.Count(m => m.Contains("30.11.2026") || m.Contains("31.12.2026")));
    }

    [Fact]
    public async Task PassedDeadline_WhenTheCountysNoticeFails_TheRetrySendsTheCountysOnly()
    {
        var (kari, sigrid, _) = await SignedAgreementAsync(Portal);
        using var councilSession = kari;
        using var countySession = sigrid;

        Portal.Clock.Set(new DateTimeOffset(2026, 12, 1, 4, 0, 0, TimeSpan.Zero));
        await Assert.ThrowsAsync<TimeoutException>(() => Portal.WithScopeAsync(sp =>
            ActivatorUtilities.CreateInstance<SendDeadlineReminders>(sp, new CountyUnreachable(sp.GetRequiredService<INotifier>())).RunAsync()));
        await RunJobAsync(); // Hangfire's retry

        using var again = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        Assert.Single((await again.NoticesAsync()).Select(li => li.TextContent), n => n.Contains("Fristen er passert: Aktivitetene", StringComparison.Ordinal));
        using var officer = await Portal.SignedInAsync(Demo.BuskerudOfficer);
        Assert.Single((await officer.NoticesAsync()).Select(li => li.TextContent), n => n.Contains("Fristen er passert: Aktivitetene", StringComparison.Ordinal));
    }

    /// <summary>The county's notices cannot be stored (the database blinked): the council's can.</summary>
    private sealed class CountyUnreachable(INotifier inner) : INotifier
    {
        public Task NotifyCouncilAsync(Guid councilId, CouncilRoles role, NoticeMessage message, CancellationToken ct = default) =>
            inner.NotifyCouncilAsync(councilId, role, message, ct);

        public Task NotifyCountyAsync(Guid countyId, NoticeMessage message, CancellationToken ct = default) => throw new TimeoutException("The database did not answer.");

        public Task NotifyPersonAsync(Guid userId, NoticeMessage message, CancellationToken ct = default) => inner.NotifyPersonAsync(userId, message, ct);
    }

    [Fact]
    public async Task CouncilStartPage_ListsTheNextDeadlineWithin30Days_AndAPassedOneWhileTheAgreementRuns()
    {
        var (kari, sigrid, _) = await SignedAgreementAsync(Portal);
        using var councilSession = kari;
        using var countySession = sigrid;
        async Task<string[]> TasksOnAsync(DateTimeOffset now)
        {
            Portal.Clock.Set(now);
            using var secretary = await Portal.SignedInAsync(Demo.HallingdalSecretary); // months later: a new sign-in
            var page = await secretary.GetPageAsync("/rad/hallingdal");
            return [.. page.QuerySelectorAll("section[aria-labelledby=todo-heading] li").Select(li => li.TextContent.Trim())];
        }

        Assert.DoesNotContain(await TasksOnAsync(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)), t => t.Contains("skal", StringComparison.Ordinal)); // no deadline yet
        Assert.Contains("«Missionssatsingen på sirkulær grønn nærings- og industriutvikling»: Aktivitetene skal være ferdige 30.11.2026 (om 10 dager).",
            await TasksOnAsync(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)));
        Assert.Contains("«Missionssatsingen på sirkulær grønn nærings- og industriutvikling»: Sluttrapporten skal leveres 31.12.2026 (passert).",
            await TasksOnAsync(new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero))); // both passed, no final report yet
    }

    private static bool IsAboutADeadline(string notice) => notice.Contains("Påminnelse:", StringComparison.Ordinal) || notice.Contains("Fristen er passert:", StringComparison.Ordinal);
}
