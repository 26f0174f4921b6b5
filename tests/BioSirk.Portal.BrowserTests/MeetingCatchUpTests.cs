using BioSirk.Portal.BrowserTests.Infrastructure;
using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Web.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Meetings.MeetingSteps;
using static Microsoft.Playwright.Assertions;

namespace BioSirk.Portal.BrowserTests;

/// <summary>
/// With several web nodes, a push can be lost (Redis away) while the page stays connected. The meeting page then
/// catches up by itself: when a later comment shows it missed one, and when the server asks it to re-join.
/// </summary>
public sealed class MeetingCatchUpTests(BrowserPortalFactory portal) : BrowserTest(portal)
{
    [Fact]
    public async Task PageThatMissedAPush_CatchesUp_WhenALaterCommentArrives_AndWhenTheServerAsksItToRejoin()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte", "2026-04-14");
        await AddItemAsync(kari, path, "Budsjett 2027");
        await PublishAsync(kari, path);
        var meetingId = Guid.Parse(path.Split('/')[4]);
        var itemId = Guid.Parse((await ItemPathAsync(kari, path, "Budsjett 2027")).Split('/')[^1]);
        await SignInAsync(Demo.HallingdalMember, "/rad/hallingdal");
        await GotoAsync(path);
        await Expect(Page.Locator("[data-live=on]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        var shown = Page.Locator($"[data-comments-for=\"{itemId}\"] [data-testid=comment-text]");

        // Comment 1 is stored but its push is lost; comment 2's push shows the page that it missed one.
        await StoreWithoutPushAsync(meetingId, itemId, "Den tapte");
        await ExpectRedirectAsync(await kari.SubmitAsync(path, $"[data-item=\"{itemId}\"] form[data-testid=comment-form]", new() { ["CommentText"] = "Den neste" }));
        await Expect(shown).ToHaveTextAsync(["Den tapte", "Den neste"], new() { Timeout = 10_000 });

        // Comment 3 is lost too, and nothing comes after it: the server asks the page to re-join (its link to Redis is back).
        await StoreWithoutPushAsync(meetingId, itemId, "Den siste");
        await Portal.Services.GetRequiredService<IHubContext<PortalHub>>().Clients.All.SendAsync(PortalHub.RejoinMethod);
        await Expect(shown).ToHaveTextAsync(["Den tapte", "Den neste", "Den siste"], new() { Timeout = 10_000 });
        await CheckAsync();
    }

    private Task StoreWithoutPushAsync(Guid meetingId, Guid itemId, string text) => Portal.WithScopeAsync(async sp =>
    {
        var platform = sp.GetRequiredService<PlatformDbContext>();
        var hallingdal = await platform.Tenants.SingleAsync(t => t.Slug == "hallingdal");
        var kari = await platform.Users.SingleAsync(u => u.Email == Demo.HallingdalSecretary);
        using (sp.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(hallingdal.Id)))
        {
            var stored = await sp.GetRequiredService<MeetingComments>().PostAsync(
                meetingId, itemId, text, new MeetingActor(kari.Id, "Kari Sekretær", hallingdal.Id, IsSecretary: true), "text");
            Assert.True(stored?.Succeeded, "The comment was not stored.");
        }

        return true;
    });
}
