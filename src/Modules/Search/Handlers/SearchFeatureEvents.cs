using Cms.Modules;
using Modules.Search.Services;

namespace Modules.Search.Handlers;

/// <summary>
/// Fills the index whenever Search is enabled: at first from the posts a site already has, and again
/// after a time disabled, so nothing unpublished meanwhile is ever found.
/// </summary>
public sealed class SearchFeatureEvents(SearchIndexer indexer) : IFeatureEventHandler
{
    public Task EnabledAsync() => indexer.RebuildAsync();
}
