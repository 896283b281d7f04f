using Cms.Content;
using Modules.Search.Models;

namespace Modules.Search.Services;

/// <summary>
/// How a module says what readers can search for in its content. The Search module asks every
/// provider about the Published version of an item when it changes; an item no provider fills in
/// is not searchable. A provider knows nothing of how or whether the text is indexed.
/// </summary>
public interface ISearchContentProvider
{
    /// <summary>Adds the item's title and text to <paramref name="document"/>; leaves it alone for an item this module does not know.</summary>
    void Contribute(ContentItem item, SearchDocument document);
}
