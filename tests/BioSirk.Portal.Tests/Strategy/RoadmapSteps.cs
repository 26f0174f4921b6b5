using System.Text.RegularExpressions;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;

namespace BioSirk.Portal.Tests.Strategy;

/// <summary>What the councils' secretaries do with a roadmap, through the pages.</summary>
public static partial class RoadmapSteps
{
    public static Task<IReadOnlyList<DemoGoal>> SeedDemoRoadmapAsync(PortalFactory portal) =>
        portal.WithScopeAsync(sp => sp.GetRequiredService<StrategyDemoSeeder>().SeedAsync());

    public static Task<Dictionary<string, Guid>> CouncilIdsAsync(PortalFactory portal) =>
        portal.WithScopeAsync(async sp => (await sp.GetRequiredService<IPlatformDirectory>().ListCouncilsAsync()).ToDictionary(c => c.Slug, c => c.Id));

    /// <summary>Ringerike's secretary starts the BioSirk roadmap with one focus area and one goal; returns the roadmap's URL path.</summary>
    public static async Task<string> StartRoadmapAsync(PortalClient ringerike)
    {
        var partnershipId = (await ringerike.FormValuesAsync("/rad/ringerike/veikart", "main form"))["Input.PartnershipId"];
        var created = await ringerike.SubmitAsync("/rad/ringerike/veikart", "main form", new()
        {
            ["Input.PartnershipId"] = partnershipId,
            ["Input.Title"] = "Felles veikart 2026–2028",
            ["Input.PeriodStart"] = "2026-01-01",
            ["Input.PeriodEnd"] = "2028-12-31",
            ["Input.ReportingDates"] = "01.06.2026, 01.12.2026",
        });
        await ExpectRedirectAsync(created);
        var basePath = created.Headers.Location!.OriginalString.Replace("/struktur", "", StringComparison.Ordinal);
        await ExpectRedirectAsync(await ringerike.SubmitAsync(basePath + "/struktur", "form[action*=Area]", new() { ["Area.AreaTitle"] = "Bioenergi og biokull" }));
        var goalForm = await ringerike.FormValuesAsync(basePath + "/struktur", "form[action*=Goal]");
        var areaId = (await ringerike.GetPageAsync(basePath + "/struktur")).QuerySelector("#NewGoal_FocusAreaId option[value]:not([value=''])")!.GetAttribute("value")!;
        await ExpectRedirectAsync(await ringerike.SubmitAsync(basePath + "/struktur", "form[action*=Goal]", new()
        {
            ["NewGoal.FocusAreaId"] = areaId,
            ["NewGoal.GoalTitle"] = "Biokull fra lokale sidestrømmer",
        }));
        _ = goalForm;
        return basePath;
    }

    /// <summary>A secretary adds an action owned by her council; returns the action's URL path.</summary>
    public static async Task<string> AddActionAsync(PortalClient secretary, string basePath, string title, Action<Dictionary<string, string>>? change = null)
    {
        var form = await secretary.FormValuesAsync(basePath + "/tiltak/ny", "main form");
        var page = await secretary.GetPageAsync(basePath + "/tiltak/ny");
        form["Input.GoalId"] = page.QuerySelector("#Input_GoalId option[value]:not([value=''])")!.GetAttribute("value")!;
        form["Input.Title"] = title;
        form["Input.Start"] = "2026-03-01";
        form["Input.End"] = "2027-06-30";
        form["Input.Phase"] = "Mapping";
        change?.Invoke(form);
        var response = await secretary.PostFormAsync(basePath + "/tiltak/ny", form);
        await ExpectRedirectAsync(response);
        return response.Headers.Location!.OriginalString;
    }

    public static Guid IdAtEnd(string path) => Guid.Parse(GuidAtEnd().Match(path).Value);

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex GuidAtEnd();
}
