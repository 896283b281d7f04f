using Cms.Content;

namespace Cms.Display;

/// <summary>Composes an item's display or editor from its parts' drivers, in the type's part order.</summary>
public interface IContentDisplayManager
{
    Task<ContentItemDisplay> BuildDisplayAsync(ContentItem item, string displayType = "Detail");

    Task<ContentItemEditor> BuildEditorAsync(ContentItem item);

    /// <summary>Runs every part's update; returns false (and leaves the item unchanged) when any part is invalid.</summary>
    Task<bool> UpdateEditorAsync(ContentItem item, IUpdateModel updater);
}
