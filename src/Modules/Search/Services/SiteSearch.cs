using Cms.Settings;
using Modules.Search.Models;
using Modules.Search.ViewModels;

namespace Modules.Search.Services;

/// <summary>Runs a reader's search: a count and one page of hits, made ready for the page.</summary>
public sealed class SiteSearch(ISearchStore store, ISiteService site)
{
    public async Task<SearchViewModel> SearchAsync(SearchQuery query, int page)
    {
        var settings = await site.GetAsync();
        var pageSize = Math.Clamp(settings.PageSize, 1, settings.MaxPageSize > 0 ? settings.MaxPageSize : 100);
        if (!query.HasTerms)
        {
            return new SearchViewModel { Query = query.Text, Page = page, PageSize = pageSize };
        }

        var counted = await store.CountAsync(query);
        var total = Math.Min(counted, ISearchStore.RankedLimit);
        var skip = (page - 1) * pageSize;
        var hits = total > skip ? await store.FindAsync(query, skip, pageSize) : [];
        var zone = settings.TimeZone();
        return new SearchViewModel
        {
            Query = query.Text,
            Searched = true,
            Total = total,
            MoreThanRanked = counted > ISearchStore.RankedLimit,
            Page = page,
            PageSize = pageSize,
            Results = hits.Select(hit => new SearchResultViewModel(
                Highlight.ToHtml(hit.Title),
                hit.Url,
                TimeZoneInfo.ConvertTimeFromUtc(DateTimeOffset.FromUnixTimeSeconds(hit.PublishedUnixSeconds).UtcDateTime, zone),
                Highlight.ToHtml(Excerpt(hit)))).ToList(),
        };
    }

    /// <summary>The body's excerpt where it matched; else the emphasised text (a headline) where that matched; else the body's opening.</summary>
    private static string Excerpt(SearchHit hit)
        => Highlight.HasMatch(hit.Body) || !Highlight.HasMatch(hit.Emphasis) && hit.Body.Length > 0 ? hit.Body : hit.Emphasis;
}
