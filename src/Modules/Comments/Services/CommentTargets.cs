using Cms.Content;
using Cms.ContentDefinitions;
using Modules.Comments.Models;
using Modules.Comments.Settings;
using Modules.Contents.Services;

namespace Modules.Comments.Services;

/// <summary>An item as a place to comment: its address, whether its type takes comments, and whether its thread is open.</summary>
public sealed record CommentTarget(ContentItem Item, string Path, bool TakesComments, bool IsOpen)
{
    public string Title => string.IsNullOrEmpty(Item.DisplayText) ? "this post" : Item.DisplayText;
}

public sealed class CommentTargets(IContentManager contentManager, IContentDefinitionManager definitions, IAutorouteEntries entries)
{
    /// <summary>The published version of the item, or null when there is none (unknown, draft only, deleted).</summary>
    public async Task<CommentTarget?> FindPublishedAsync(string? contentItemId, CommentSettings settings, DateTime nowUtc)
    {
        if (!IdGenerator.IsValid(contentItemId))
        {
            return null;
        }

        var item = await contentManager.GetAsync(contentItemId!, VersionOptions.Published);
        return item is null ? null : await DescribeAsync(item, settings, nowUtc);
    }

    public async Task<CommentTarget> DescribeAsync(ContentItem item, CommentSettings settings, DateTime nowUtc)
    {
        // The type definition decides, not the item's JSON: items made before the part was attached have none.
        var type = await definitions.GetTypeAsync(item.ContentType);
        var takesComments = type?.ContentTypePartDefinitionRecords.Any(p => p.PartName == nameof(CommentsPart)) == true;
        return new CommentTarget(item, PathOf(item), takesComments, takesComments && IsOpen(item, settings, nowUtc));
    }

    /// <summary>Open unless the item's switch is off or the site closes threads some days after publication.</summary>
    public static bool IsOpen(ContentItem item, CommentSettings settings, DateTime nowUtc)
    {
        if (item.As<CommentsPart>() is { Open: false })
        {
            return false;
        }

        return settings.CloseAfterDays == 0
            || item.PublishedUtc is not { } published
            || published.AddDays(settings.CloseAfterDays) > nowUtc;
    }

    /// <summary>The item's address, or the home page for an item that has none.</summary>
    public string PathOf(ContentItem item) => entries.PathOf(item) ?? "/";
}
