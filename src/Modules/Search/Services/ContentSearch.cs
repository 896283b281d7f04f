namespace Modules.Search.Services;

/// <summary>The search index answering another module's list: the ranked matches' ids only.</summary>
public sealed class ContentSearch(ISearchStore store) : IContentSearch
{
    public int RankedLimit => ISearchStore.RankedLimit;

    public async Task<IReadOnlyList<string>?> FindIdsAsync(string text)
    {
        var query = SearchQuery.Parse(text);
        if (!query.HasTerms)
        {
            return null;
        }

        var hits = await store.FindAsync(query, 0, ISearchStore.RankedLimit);
        return hits.Select(h => h.ContentItemId).ToList();
    }
}
