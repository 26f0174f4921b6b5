using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BioSirk.Portal.BrowserTests.Infrastructure;

/// <summary>axe-core on the page as it is now, with the WCAG 2.1 A and AA rules; any violation fails the test.</summary>
public static class Accessibility
{
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        // axe.run straight in the page ("legacy" mode). The default RunAxe runs axe.runPartial and then axe.finishRun in a
        // new browser context for every call, which costs about 2 s a page on a 2-CPU runner (the suite took 2 minutes
        // instead of under one). Both run the same rules with the same options; they differ only for frames, which the
        // portal's pages do not have (asserted here, so that a frame added later cannot go unchecked unnoticed).
        Assert.True(page.Frames.Count == 1, $"{page.Url} has frames; use page.RunAxe(), which checks inside them.");
#pragma warning disable CS0618 // RunAxeLegacy is marked obsolete ("use with caution"); see above.
        var result = await page.RunAxeLegacy(null, new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
            ResultTypes = [ResultType.Violations],
        });
#pragma warning restore CS0618

        var violations = result.Violations ?? [];
        Assert.True(violations.Length == 0, Describe(page.Url, violations));
    }

    /// <summary>One block per rule: id, impact, help and its link, then each element with what axe says is wrong.</summary>
    public static string Describe(string url, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        var list = violations.ToList();
        text.AppendLine($"axe found {list.Count} WCAG 2.1 A/AA violation(s) on {url}:");
        foreach (var violation in list)
        {
            text.AppendLine($"- {violation.Id} ({violation.Impact}): {violation.Help} <{violation.HelpUrl}>");
            foreach (var node in violation.Nodes ?? [])
            {
                text.AppendLine($"    at {node.Target}: {Shorten(node.Html)}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []);
                foreach (var message in checks.Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct())
                {
                    text.AppendLine($"      {message}");
                }
            }
        }

        return text.ToString();
    }

    private static string Shorten(string? html) =>
        html is null ? "" : html.Length <= 200 ? html : html[..200] + "…";
}
