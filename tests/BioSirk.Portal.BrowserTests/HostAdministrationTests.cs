using System.Text.RegularExpressions;
using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Email;
using BioSirk.Portal.Platform.Features.Invitations;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BioSirk.Portal.BrowserTests;

public sealed class HostAdministrationTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    [Fact]
    public async Task HostAdminPages_HaveNoAccessibilityViolations_AndABadOrganisationNumberIsExplainedBesideTheField()
    {
        await SignInAsync(Demo.HostAdmin, "/vert");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Vertsadministrasjon");
        await Expect(Page.Locator("main")).ToContainTextAsync("Regionrådet for Hallingdal");

        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Nytt regionråd" }), "/vert/rad/nytt");
        await Page.Locator("#Input_Name").FillAsync("Regionrådet for Numedal");
        await Page.Locator("#Input_Slug").FillAsync("numedal");
        await Page.GetByLabel("Organisasjonsnummer").FillAsync("123");
        await Page.Locator("#Input_AdminName").FillAsync("Åse Ødegård");
        await Page.Locator("#Input_AdminEmail").FillAsync("ase@numedal.no");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Opprett og send invitasjon" }), "/vert/rad/nytt");

        var orgNumber = Page.Locator("#Input_OrganisationNumber");
        await Expect(Page.Locator("#Input_OrganisationNumber-error")).ToContainTextAsync("9 siffer og gyldig kontrollsiffer");
        await Expect(orgNumber).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(orgNumber).ToHaveValueAsync("123");
        await Expect(Page.Locator("#Input_AdminName")).ToHaveValueAsync("Åse Ødegård");
        await Expect(Page.Locator("#error-summary")).ToBeFocusedAsync();
        await Expect(Page.Locator("#Input_Slug-error")).ToHaveCountAsync(0);

        await GotoAsync("/vert/logg");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Endringslogg for hele portalen");
        await Expect(Page.Locator("[data-testid=audit-table]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheJobsDashboard_HasNoAccessibilityViolations_ReflowsOnAPhone_AndItsCheckboxesSayWhichJob()
    {
        await SignInAsync(Demo.HostAdmin, "/vert");
        string jobId;
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            jobId = scope.ServiceProvider.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(ExpireStaleInvitations.JobId)
                    ?? throw new InvalidOperationException("The recurring job was not triggered.");
        }

        foreach (var path in new[] { "/jobs", "/jobs/jobs/enqueued", "/jobs/jobs/enqueued/default", "/jobs/jobs/processing", "/jobs/jobs/scheduled", "/jobs/jobs/failed", "/jobs/retries", "/jobs/servers" })
        {
            await GotoAsync(path);
        }

        await GotoAsync("/jobs/recurring");
        await Expect(Page.GetByLabel("Velg jobben platform:expire-stale-invitations", new() { Exact = true })).ToHaveCountAsync(1);
        await Expect(Page.GetByLabel("Velg alle jobbene på siden")).ToHaveCountAsync(1);

        // The job that ran: its page, and the list of jobs that succeeded, where it is named by number and name.
        for (var attempt = 0; ; attempt++)
        {
            await GotoAsync($"/jobs/jobs/details/{jobId}");
            if (await Page.Locator(".state-card-state-success").CountAsync() > 0 || attempt == 30)
            {
                break;
            }

            await Task.Delay(1_000);
        }

        await Expect(Page.Locator(".state-card-state-success")).Not.ToHaveCountAsync(0);
        await GotoAsync("/jobs/jobs/succeeded");
        await Expect(Page.Locator($"input.js-jobs-list-checkbox[value='{jobId}']")).ToHaveAttributeAsync("aria-label", new Regex($"^Velg jobben #{jobId} \\S"));

        // On a phone (320 px, WCAG's reflow width): no sideways scroll, the bar covers nothing, its menu button is named.
        await Page.SetViewportSizeAsync(320, 640);
        foreach (var path in new[] { "/jobs", "/jobs/jobs/enqueued", "/jobs/jobs/enqueued/default", "/jobs/recurring" })
        {
            await GotoAsync(path);
            Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 320"), $"{path} scrolls sideways at 320 px");
            var covered = await Page.EvaluateAsync<bool>(
                "(() => { const bar = document.querySelector('.navbar').getBoundingClientRect(); const top = document.querySelector('h1, .list-group').getBoundingClientRect(); return top.top < bar.bottom; })()");
            Assert.False(covered, $"{path}: the bar covers the top of the page at 320 px");
            await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Meny" })).ToBeVisibleAsync();
        }

        await Page.SetViewportSizeAsync(1280, 900);

        // A host admin whose system is set to dark gets Hangfire's dark theme: it must be readable too.
        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        foreach (var path in new[] { "/jobs", "/jobs/recurring", "/jobs/jobs/succeeded", "/jobs/jobs/enqueued/default", $"/jobs/jobs/details/{jobId}" })
        {
            await GotoAsync(path);
        }
    }

    [Fact]
    public async Task HostAdmin_CorrectsACouncilsNameFromTheList_AndTheChangeIsInTheAuditLog()
    {
        await SignInAsync(Demo.HostAdmin, "/vert");
        var link = Page.GetByRole(AriaRole.Link, new() { Name = "Ringeriksregionen", Exact = true });
        var editUrl = await link.GetAttributeAsync("href");
        await ClickAndCheckAsync(link, editUrl!);
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Ringeriksregionen");
        await Expect(Page.GetByLabel("Rådet er åpent for sine medlemmer")).ToBeCheckedAsync();

        // The council's own form: the page also has a form that invites an administrator, with a name field of its own.
        await Page.Locator("main form").First.GetByLabel("Navn").FillAsync("Ringeriksregionen IPR");
        await ClickAndCheckAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }), "/vert");
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Endringene for Ringeriksregionen IPR er lagret.");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Ringeriksregionen IPR", Exact = true })).ToBeVisibleAsync();

        await GotoAsync("/vert/logg");
        await Expect(Page.Locator("[data-testid=audit-table] > tbody > tr").First).ToContainTextAsync("Ringeriksregionen IPR");
    }

    [Fact]
    public async Task HostAdmin_SeesAnE_mailTheMailServerDidNotTake_AndSendsItNow()
    {
        await Portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var now = Portal.Clock.GetUtcNow().UtcDateTime;
            var email = new OutgoingEmail("ola.bakken@hallingdal.no", "Innkalling: Rådsmøte i april", "Du er innkalt.", now, EmailOutbox.Lease);
            email.MarkFailed(now, "Connection refused 127.0.0.1:25");
            db.OutgoingEmails.Add(email);
            return await db.SaveChangesAsync();
        });

        await SignInAsync(Demo.HostAdmin, "/vert");
        var row = Page.Locator("[data-testid=unsent-emails] tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("ola.bakken@hallingdal.no");
        await Expect(row).ToContainTextAsync("Connection refused");

        await ClickAndCheckAsync(row.GetByRole(AriaRole.Button, new() { Name = "Prøv nå" }), "/vert");
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("E-posten er sendt.");
        await Expect(Page.Locator("[data-testid=unsent-emails]")).ToHaveCountAsync(0);
        Assert.Contains(Directory.GetFiles(Portal.MailFolder, "*.eml"),
            f => File.ReadAllText(f).Contains("To: ola.bakken@hallingdal.no", StringComparison.Ordinal));
    }
}
