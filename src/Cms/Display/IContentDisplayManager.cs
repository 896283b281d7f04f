using Cms.Content;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Display;

/// <summary>
/// Decides how items show (Orchard's IContentItemDisplayManager): composes an item's display or editor
/// from its parts' drivers in the type's part order, and an item's whole page: its view and its metadata.
/// </summary>
public interface IContentDisplayManager
{
    Task<ContentItemDisplay> BuildDisplayAsync(ContentItem item, string displayType = DisplayTypes.Detail);

    /// <summary>The displays of a list's items; drivers load what the whole list needs at once (no query per item).</summary>
    Task<IReadOnlyList<ContentItemDisplay>> BuildDisplaysAsync(IReadOnlyList<ContentItem> items, string displayType);

    /// <summary>
    /// The item's page: its Detail display in the first view that exists of "Content-{Type}" and "Content"
    /// (a theme overrides either by name), with its metadata and its date in the site's time zone.
    /// </summary>
    Task<ContentPage> BuildPageAsync(ContentItem item, ActionContext context, bool isPreview = false);

    Task<ContentItemEditor> BuildEditorAsync(ContentItem item);

    /// <summary>Runs every part's update; returns false (and leaves the item unchanged) when any part is invalid.</summary>
    Task<bool> UpdateEditorAsync(ContentItem item, IUpdateModel updater);
}
