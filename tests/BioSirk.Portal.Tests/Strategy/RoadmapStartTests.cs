using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Strategy.RoadmapSteps;

namespace BioSirk.Portal.Tests.Strategy;

/// <summary>Starting a roadmap in a council that is in two partnerships, neither with a roadmap yet.</summary>
public sealed class RoadmapStartTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task TwoPartnershipsWithoutARoadmap_GetOneFormWithUniqueIds_WhoseLabelsPointAtTheirOwnFields()
    {
        await SecondPartnershipOfRingerikeAsync();
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);

        var page = await jon.GetPageAsync("/rad/ringerike/veikart");
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Empty(ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key));
        var labels = page.QuerySelectorAll("main label[for]").ToList();
        Assert.Equal(6, labels.Count);
        Assert.All(labels, label =>
        {
            var field = page.GetElementById(label.GetAttribute("for")!);
            Assert.NotNull(field);
            Assert.Same(label.Closest("form"), field.Closest("form"));
            Assert.Equal(field.GetAttribute("name"), "Input." + label.GetAttribute("for")!["Input_".Length..]);
        });
        var choices = page.QuerySelectorAll("#Input_PartnershipId option[value]:not([value=''])").Select(o => o.TextContent).ToList();
        Assert.Equal(2, choices.Count);
        Assert.Contains("Ringerike og Hallingdal", choices);
    }

    [Fact]
    public async Task TheChosenPartnership_GetsTheRoadmap_AndAFormSentWithoutAChoiceIsToldBesideTheField()
    {
        var second = await SecondPartnershipOfRingerikeAsync();
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Veikart for Ringerike og Hallingdal",
            ["Input.PeriodStart"] = "2026-01-01",
            ["Input.PeriodEnd"] = "2027-12-31",
        };

        var refused = await PortalClient.ReadAsync(await jon.SubmitAsync("/rad/ringerike/veikart", "main form", fields));
        Assert.Equal("Velg partnerskapet veikartet er for.", refused.FieldError("Input.PartnershipId"));
        Assert.Single(refused.QuerySelectorAll("#error-summary"));
        Assert.Equal("Veikart for Ringerike og Hallingdal", refused.QuerySelector("#Input_Title")!.GetAttribute("value"));

        fields["Input.PartnershipId"] = second.ToString();
        var created = await jon.SubmitAsync("/rad/ringerike/veikart", "main form", fields);
        await ExpectRedirectAsync(created);
        var list = await jon.GetPageAsync("/rad/ringerike/veikart");
        Assert.Contains("Ringerike og Hallingdal", list.QuerySelector("main ul li")!.TextContent);
        Assert.Equal("BioSirk har ikke et veikart ennå", list.QuerySelector("#new-roadmap")!.TextContent.Replace("  ", " "));
    }

    private Task<Guid> SecondPartnershipOfRingerikeAsync() => Portal.WithScopeAsync(async sp =>
    {
        var councils = await CouncilIdsAsync(Portal);
        var platform = sp.GetRequiredService<PlatformDbContext>();
        var partnership = new Partnership("ringerike-hallingdal", "Ringerike og Hallingdal", null);
        partnership.AddMember(councils["ringerike"]);
        partnership.AddMember(councils["hallingdal"]);
        platform.Partnerships.Add(partnership);
        await platform.SaveChangesAsync();
        return partnership.Id;
    });
}
