using Cms.Content;
using Cms.Modules;
using Modules.Search.Services;

namespace Modules.ContentApi.Services;

/// <summary>
/// What the API lists and reads, through the content manager's index rows: a page is one query for rows
/// and one for their items, whatever the number of posts; a search (q) ranks at most the search index's
/// limit of newest matches, so it is bounded too.
/// </summary>
public sealed class ContentApiReader(
    IContentManager contentManager,
    IFeatureManager features,
    IEnumerable<FeatureBound<IContentListFilter>> filters,
    IEnumerable<FeatureBound<IContentSearch>> searches)
{
    /// <summary>The filters of enabled features (tag, ...).</summary>
    public async Task<IReadOnlyList<IContentListFilter>> FiltersAsync()
    {
        var enabled = await features.GetEnabledAsync();
        return filters.Where(f => enabled.Contains(f.FeatureId)).Select(f => f.Service).ToList();
    }

    /// <summary>The search, when the feature that offers it is enabled.</summary>
    public async Task<IContentSearch?> SearchAsync()
    {
        var enabled = await features.GetEnabledAsync();
        return searches.FirstOrDefault(s => enabled.Contains(s.FeatureId))?.Service;
    }

    public Task<ContentItem?> GetAsync(string id, bool latest) => contentManager.GetAsync(id, latest ? VersionOptions.Latest : VersionOptions.Published);

    /// <summary>One page of published items, newest first (or most relevant first with <paramref name="matches"/>), and whether a next page exists.</summary>
    public async Task<(IReadOnlyList<ContentItem> Items, bool HasNext)> ListAsync(
        ContentListRequest request, IReadOnlyList<IContentListFilter> activeFilters, IReadOnlyList<string>? matches)
    {
        var rows = contentManager.Query().Where(r => r.Published && r.ContentType == request.Type);
        foreach (var filter in activeFilters)
        {
            rows = filter.Apply(rows, request.Filters[filter.Parameter]);
        }

        var skip = (request.Page - 1) * request.PageSize;
        if (matches is null)
        {
            var page = await contentManager.ListAsync(rows
                .OrderByDescending(r => r.PublishedUtc).ThenByDescending(r => r.Id)
                .Skip(skip).Take(request.PageSize + 1));
            return (page.Take(request.PageSize).ToList(), page.Count > request.PageSize);
        }

        // At most the search's ranked limit of ids: kept in the search's order, paged here.
        var rank = matches.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var found = await contentManager.ListAsync(rows.Where(r => matches.Contains(r.ContentItemId)));
        var ordered = found.OrderBy(i => rank[i.ContentItemId]).Skip(skip).Take(request.PageSize + 1).ToList();
        return (ordered.Take(request.PageSize).ToList(), ordered.Count > request.PageSize);
    }
}
