namespace Cms.Content;

/// <summary>
/// Reacts to content changes. Handlers run inside the operation's transaction, so an index they
/// write is stored with the version or not at all. Registered with AddContentHandler, a handler is
/// bound to its feature: it does not run while the feature is disabled.
/// </summary>
public interface IContentHandler
{
    /// <summary>Before a version's data is written: derive values (DisplayText, a path).</summary>
    Task SavingAsync(ContentItem item) => Task.CompletedTask;

    /// <summary>After any change to an item's versions: refresh indexes, evict caches.</summary>
    Task ChangedAsync(ContentChange change) => Task.CompletedTask;

    /// <summary>
    /// Before a batch of imported versions is written (each item once per batch, in the recipe's order).
    /// A handler that reads the database for this overrides it with one read for the whole batch; the
    /// default calls <see cref="SavingAsync(ContentItem)"/> for each item.
    /// </summary>
    async Task ImportingAsync(IReadOnlyList<ContentItem> items)
    {
        foreach (var item in items)
        {
            await SavingAsync(item);
        }
    }

    /// <summary>
    /// After a batch of imported versions is written: one change per item. A handler that keeps an index
    /// overrides it with set-based reads and writes, and may leave its changes for the content manager's
    /// one save of the batch. The default calls <see cref="ChangedAsync"/> for each change.
    /// </summary>
    async Task ImportedAsync(IReadOnlyList<ContentChange> changes)
    {
        foreach (var change in changes)
        {
            await ChangedAsync(change);
        }
    }
}

/// <summary>What happened to an item. <see cref="PublicChanged"/> is true when readers may see something new.</summary>
public sealed record ContentChange(string ContentItemId, string ContentType, ContentChangeKind Kind, bool PublicChanged)
{
    /// <summary>The item's Published version after the change; null when it has none (unpublished, deleted, draft only).</summary>
    public ContentItem? Published { get; init; }

    /// <summary>The item's Latest version after the change; null once it is deleted.</summary>
    public ContentItem? Latest { get; init; }
}

public enum ContentChangeKind
{
    Created,
    DraftSaved,
    Published,
    Unpublished,
    DraftDiscarded,
    Removed,
    Imported,
    Restored,
}
