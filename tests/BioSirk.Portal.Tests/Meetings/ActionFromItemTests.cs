using System.Net;
using BioSirk.Portal.Strategy.Data;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Meetings.MeetingSteps;
using static BioSirk.Portal.Tests.Strategy.RoadmapSteps;

namespace BioSirk.Portal.Tests.Meetings;

/// <summary>A roadmap action (tiltak) made from an agenda item in one step, each linked to the other.</summary>
public sealed class ActionFromItemTests(PortalFactory portal) : PortalTest(portal)
{
    private const string ActionForm = "form[data-testid=action-form]";

    [Fact]
    public async Task Secretary_MakesAnActionFromAPartnershipMeetingsItem_AndTheActionAndTheItemLinkToEachOther()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var per = await Portal.SignedInAsync(Demo.TwoCouncilMember);
        var roadmap = await StartRoadmapAsync(jon);
        var itemPath = await PartnershipItemAsync(jon, "Biokull fra parkslam");

        var form = await jon.FormValuesAsync(itemPath, ActionForm);
        Assert.Equal("Biokull fra parkslam", form["NewAction.Title"]);
        Assert.Equal("21.04.2026", form["NewAction.Start"]);
        Assert.Equal("31.12.2028", form["NewAction.End"]);
        Assert.Equal("Mapping", form["NewAction.Phase"]);
        Assert.NotEqual("", form["NewAction.GoalId"]); // the roadmap's only goal
        Assert.Equal("", form["NewAction.ResponsibleUserId"]);
        form["NewAction.Description"] = "Prøveproduksjon hos Ringerike Biokull.";

        var made = await jon.SubmitAsync(itemPath, ActionForm, form);
        await ExpectRedirectAsync(made);
        var actionPath = made.Headers.Location!.OriginalString;
        Assert.StartsWith(roadmap + "/tiltak/", actionPath, StringComparison.Ordinal);

        var action = await jon.GetPageAsync(actionPath);
        Assert.Equal("Tiltaket «Biokull fra parkslam» er lagt i veikartet «Felles veikart 2026–2028» og koblet til saken.",
            action.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal("Biokull fra parkslam", action.QuerySelector("h1")!.TextContent.Trim());
        var toItem = Assert.Single(action.QuerySelectorAll("[data-testid=action-links] li a"));
        Assert.Equal("SAK 1/26 Biokull fra parkslam (Fellesmøte BioSirk 21.04.2026)", toItem.TextContent.Trim());
        Assert.Equal(itemPath, toItem.GetAttribute("href"));

        var toAction = Assert.Single((await jon.GetPageAsync(itemPath)).QuerySelectorAll("[data-testid=item-links] li"));
        Assert.Equal("Tiltak: Biokull fra parkslam", string.Join(' ', toAction.TextContent.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        Assert.Equal(actionPath, toAction.QuerySelector("a")!.GetAttribute("href"));

        // A participant from another council of the partnership follows the links in her own council's pages.
        var asHadeland = actionPath.Replace("/rad/ringerike/", "/rad/hadeland/", StringComparison.Ordinal);
        Assert.Equal(itemPath.Replace("/rad/ringerike/", "/rad/hadeland/", StringComparison.Ordinal),
            (await per.GetPageAsync(asHadeland)).QuerySelector("[data-testid=action-links] li a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task OnlyTheOrganisingSecretaries_MakeActions_AndABadFormKeepsWhatWasTyped()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var per = await Portal.SignedInAsync(Demo.TwoCouncilMember);
        using var marte = await Portal.SignedInAsync(Demo.HadelandSecretary);
        await StartRoadmapAsync(jon);
        var itemPath = await PartnershipItemAsync(jon, "Tekstilgjenvinning");
        var asHadeland = itemPath.Replace("/rad/ringerike/", "/rad/hadeland/", StringComparison.Ordinal);

        // A member, and a secretary of another council of the partnership, read the item but make no action from it.
        foreach (var reader in new[] { per, marte })
        {
            Assert.Null((await reader.GetPageAsync(asHadeland)).QuerySelector(ActionForm));
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostWithTokenAsync(asHadeland + "?handler=Action", new()
            {
                ["NewAction.GoalId"] = (await jon.FormValuesAsync(itemPath, ActionForm))["NewAction.GoalId"],
                ["NewAction.Title"] = "Snikende tiltak", ["NewAction.Start"] = "2026-05-01", ["NewAction.End"] = "2026-12-31", ["NewAction.Phase"] = "Mapping",
            })).StatusCode);
        }

        var form = await jon.FormValuesAsync(itemPath, ActionForm);
        form["NewAction.GoalId"] = "";
        form["NewAction.Title"] = "";
        form["NewAction.Description"] = "Kartlegge tekstilavfall i tre regioner.";
        form["NewAction.End"] = "2026-01-31";
        var refused = await jon.SubmitAsync(itemPath, ActionForm, form);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PortalClient.ReadAsync(refused);
        Assert.Equal("Velg målet tiltaket hører til.", page.FieldError("NewAction.GoalId"));
        Assert.Equal("Skriv hva tiltaket heter.", page.FieldError("NewAction.Title"));
        Assert.Equal("Sluttdatoen må være samme dag som eller etter startdatoen.", page.FieldError("NewAction.End"));
        Assert.Equal("Kartlegge tekstilavfall i tre regioner.", page.FieldValue("NewAction.Description"));
        Assert.Equal("31.01.2026", page.FieldValue("NewAction.End"));
        Assert.True(page.QuerySelector("[data-testid=action-details]")!.HasAttribute("open"));
        Assert.NotNull(page.GetElementById("error-summary"));
        Assert.Null(page.QuerySelector("[data-testid=item-links]"));
        Assert.Equal(0, await Portal.WithScopeAsync(sp => sp.GetRequiredService<StrategyDbContext>().Actions.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task CouncilMeeting_PutsTheActionInTheRoadmapOfTheCouncilsPartnership_AndACouncilWithoutOneIsTold()
    {
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var roadmap = await StartRoadmapAsync(jon);
        var path = await CreateMeetingAsync(jon, "ringerike", "Regionrådet", "2026-05-12");
        await AddItemAsync(jon, path, "Biogass på Follum");
        var itemPath = await ItemPathAsync(jon, path, "Biogass på Follum");

        var made = await jon.SubmitAsync(itemPath, ActionForm, await jon.FormValuesAsync(itemPath, ActionForm));
        await ExpectRedirectAsync(made);
        Assert.StartsWith(roadmap + "/tiltak/", made.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // Made before the agenda was published: the label has no case number, the meeting says which.
        Assert.Equal("Biogass på Follum (Regionrådet 12.05.2026)",
            (await jon.GetPageAsync(made.Headers.Location!.OriginalString)).QuerySelector("[data-testid=action-links] li a")!.TextContent.Trim());

        var own = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte", "2026-05-12");
        await AddItemAsync(kari, own, "Flisfyring");
        var page = await kari.GetPageAsync(await ItemPathAsync(kari, own, "Flisfyring"));
        Assert.NotNull(page.QuerySelector("[data-testid=no-roadmap]"));
        Assert.Null(page.QuerySelector(ActionForm));
    }

    /// <summary>Ringerike's secretary holds a BioSirk meeting with one item and publishes the agenda; returns the item's path.</summary>
    private static async Task<string> PartnershipItemAsync(PortalClient ringerike, string title)
    {
        var path = await CreateBioSirkMeetingAsync(ringerike, "Fellesmøte BioSirk", "2026-04-21");
        await AddItemAsync(ringerike, path, title);
        await PublishAsync(ringerike, path);
        return await ItemPathAsync(ringerike, path, title);
    }
}
