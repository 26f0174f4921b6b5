using BioSirk.Portal.Agreements.Features;

namespace BioSirk.Portal.Web.Pages.Shared.Agreements;

/// <summary>Loads one page of a county's agreement list with its filter choices, for the pages that show it.</summary>
public static class AgreementListPage
{
    public const int PageSize = 25;

    public static async Task<AgreementListView> LoadAsync(
        AgreementQueries queries, string basePath, string pagePath, AgreementListQuery query, string emptyText, DateOnly today)
    {
        var councils = await queries.CouncilsAsync();
        var page = await queries.ListPageAsync(query.ToFilter(PageSize));
        return new AgreementListView(page.Rows, basePath, ShowCouncil: true, emptyText, today)
        {
            Paging = new AgreementPaging(pagePath, query with { Page = page.Page }, page, councils),
        };
    }
}
