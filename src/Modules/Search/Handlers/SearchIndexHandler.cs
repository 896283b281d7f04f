using Cms.Content;
using Modules.Search.Services;

namespace Modules.Search.Handlers;

/// <summary>
/// Keeps the index in step with what readers can see: publish, import and restore re-index the
/// Published version; unpublish and delete remove the item. It runs inside the content operation's
/// transaction, so the index never holds what was rolled back. While Search is disabled it does not
/// run; enabling the feature again rebuilds the index (<see cref="SearchFeatureEvents"/>).
/// </summary>
public sealed class SearchIndexHandler(SearchIndexer indexer) : IContentHandler
{
    public async Task ChangedAsync(ContentChange change)
    {
        // Saving or discarding a draft leaves the Published version as it was.
        if (change.PublicChanged)
        {
            await indexer.IndexAsync(change.ContentItemId, change.Published);
        }
    }

    /// <summary>An imported batch, indexed in sets.</summary>
    public Task ImportedAsync(IReadOnlyList<ContentChange> changes) => indexer.IndexAsync(changes.Where(c => c.PublicChanged).ToList());
}
