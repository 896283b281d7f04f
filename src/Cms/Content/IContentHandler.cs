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
