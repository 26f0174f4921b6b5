namespace BioSirk.Portal.Web.Pages.Shared;

/// <param name="Section">The path under which the item is the current one (default: its own link).</param>
public sealed record MenuItem(string Href, string Text, string? Section = null)
{
    public string SectionPath => Section ?? Href;
}

/// <summary>Which item of a menu the page belongs to, so the menu can show where the person is.</summary>
public static class MainMenu
{
    /// <summary>The item whose section holds the path, the most specific one when several do (Oversikt holds them all).</summary>
    public static MenuItem? Current(IReadOnlyList<MenuItem> items, PathString path) =>
        items.Where(i => path.StartsWithSegments(i.SectionPath, StringComparison.OrdinalIgnoreCase)).MaxBy(i => i.SectionPath.Length);

    /// <summary>aria-current for an item: "page" on the item's own page, "true" elsewhere in its section.</summary>
    public static string? AriaCurrent(MenuItem item, MenuItem? current, PathString path) =>
        item != current ? null : path.Equals(item.Href, StringComparison.OrdinalIgnoreCase) ? "page" : "true";
}
