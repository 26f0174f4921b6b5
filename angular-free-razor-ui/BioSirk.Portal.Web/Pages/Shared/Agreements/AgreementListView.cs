using System.Globalization;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace BioSirk.Portal.Web.Pages.Shared.Agreements;

public sealed record AgreementListView(IReadOnlyList<AgreementRow> Rows, string BasePath, bool ShowCouncil, string EmptyText, DateOnly Today)
{
    /// <summary>Set for a paged, filterable list (the county's pages); null for a list that shows everything.</summary>
    public AgreementPaging? Paging { get; init; }
}

/// <summary>
/// The filter and page links of a paged agreement list. The filter travels in the query string (bookmarkable, works
/// without script): <c>sok</c> (words in the title), <c>rad</c> (council id), <c>status</c> and <c>side</c> (page).
/// </summary>
public sealed record AgreementPaging(string PagePath, AgreementListQuery Query, AgreementPage Page, IReadOnlyList<AgreementCouncil> Councils)
{
    public static readonly AgreementStatus[] Statuses = Enum.GetValues<AgreementStatus>();

    /// <summary>The URL of another page of the same filter; the fragment brings the reader back to the list.</summary>
    public string PageUrl(int page) => Query with { Page = page } is var q ? q.Url(PagePath) + "#avtaler" : "";

    /// <summary>Which page numbers to link: the first, the last and two either side of the current one; 0 = a gap.</summary>
    public IReadOnlyList<int> PageNumbers()
    {
        var count = Page.PageCount;
        var shown = Enumerable.Range(1, count).Where(p => p == 1 || p == count || Math.Abs(p - Page.Page) <= 2).ToList();
        var result = new List<int>();
        for (var i = 0; i < shown.Count; i++)
        {
            if (i > 0 && shown[i] - shown[i - 1] > 1)
            {
                result.Add(0);
            }

            result.Add(shown[i]);
        }

        return result;
    }
}

/// <summary>The list's query string as the page received it.</summary>
public sealed record AgreementListQuery(string? Search, string? Council, AgreementStatus? Status, int Page)
{
    public string Url(string path)
    {
        var query = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            query["sok"] = Search.Trim();
        }

        if (!string.IsNullOrEmpty(Council))
        {
            query["rad"] = Council;
        }

        if (Status is { } status)
        {
            query["status"] = status.ToString();
        }

        if (Page > 1)
        {
            query["side"] = Page.ToString(CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString(path, query);
    }

    /// <summary>The filter for <see cref="AgreementQueries.ListPageAsync"/>; a council id that is not one matches nothing.</summary>
    public AgreementListFilter ToFilter(int pageSize = 25)
    {
        Guid? councilId = string.IsNullOrEmpty(Council) ? null : Guid.TryParse(Council, out var id) ? id : Guid.Empty;
        return new AgreementListFilter(councilId, Status, Search, Page, pageSize);
    }
}
