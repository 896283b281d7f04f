namespace Cms.Content;

/// <summary>
/// Creates, versions and publishes content items with Orchard's rules: per item at most one
/// version is Latest and at most one is Published, and they may be the same row.
/// </summary>
public interface IContentManager
{
    /// <summary>A new item of the type with fresh ids, not yet stored.</summary>
    ContentItem New(string contentType);

    Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options = VersionOptions.Published);

    Task<ContentItem?> GetVersionAsync(string contentItemVersionId);

    /// <summary>
    /// The index rows (Orchard's ContentItemIndex: type, flags, dates, owner), for an index query
    /// service to filter, order, page and join with its own index; <see cref="ListAsync"/> loads the items.
    /// </summary>
    IQueryable<ContentItemRecord> Query();

    /// <summary>The items of the rows the query selects, in its order, in one database query.</summary>
    Task<IReadOnlyList<ContentItem>> ListAsync(IQueryable<ContentItemRecord> rows);

    /// <summary>Every version of the item, oldest first.</summary>
    Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId);

    /// <summary>
    /// Stores the item as its Latest, unpublished version. Over a published latest version it adds
    /// a new version and the published one stays live; over a draft it updates that draft.
    /// </summary>
    Task<ContentItem> SaveDraftAsync(ContentItem item);

    /// <summary>Stores the item as Latest and makes it the Published version.</summary>
    Task<ContentItem> PublishAsync(ContentItem item);

    /// <summary>Takes the published version down; an unpublished latest version stays as the draft.</summary>
    Task UnpublishAsync(string contentItemId);

    /// <summary>Drops the draft; the published version becomes Latest again.</summary>
    Task DiscardDraftAsync(string contentItemId);

    /// <summary>Soft delete: rows are kept, every Latest and Published flag is cleared.</summary>
    Task RemoveAsync(string contentItemId);

    /// <summary>Makes an old version the new draft (a new version with its content).</summary>
    Task<ContentItem> RestoreAsync(string contentItemVersionId);

    /// <summary>Imports items as Orchard's content step does: same version id updates, else adds a version.</summary>
    Task ImportAsync(IEnumerable<ContentItem> items);
}
