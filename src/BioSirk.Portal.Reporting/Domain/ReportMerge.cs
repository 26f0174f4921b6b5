namespace BioSirk.Portal.Reporting.Domain;

/// <summary>
/// Two people writing the same report from forms read at the same time: each section someone changed keeps that
/// change. Only a section both changed, differently, is a conflict, for the writer to settle by hand.
/// </summary>
public static class ReportMerge
{
    /// <param name="original">The sections as the writer's form was when read.</param>
    /// <param name="mine">What the writer sends.</param>
    /// <param name="theirs">What is stored now, saved by someone else meanwhile.</param>
    /// <returns>The merged sections (the writer's text where both changed a section) and the sections both changed.</returns>
    public static (ReportSections Merged, IReadOnlyList<ReportSection> Conflicts) Merge(ReportSections original, ReportSections mine, ReportSections theirs)
    {
        var conflicts = new List<ReportSection>();
        string Pick(ReportSection section)
        {
            var (was, mineNow, theirsNow) = (Normal(original[section]), Normal(mine[section]), Normal(theirs[section]));
            if (mineNow == was)
            {
                return theirs[section];
            }

            if (theirsNow != was && theirsNow != mineNow)
            {
                conflicts.Add(section);
            }

            return mine[section];
        }

        var merged = new ReportSections(Pick(ReportSection.Activities), Pick(ReportSection.Results), Pick(ReportSection.Deviations),
            Pick(ReportSection.UseOfFunds), Pick(ReportSection.FurtherWork));
        return (merged, conflicts);
    }

    /// <summary>A browser sends \r\n and may keep a trailing line: neither is a change.</summary>
    private static string Normal(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
