namespace Cms.Content;

/// <summary>
/// Reacts to content changes. Handlers run inside the operation's transaction, so an index they
/// write is stored with the version or not at all.
/// </summary>
public interface IContentHandler
{
    /// <summary>Before a version's data is written: derive values (DisplayText, a path).</summary>
    Task SavingAsync(ContentItem item) => Task.CompletedTask;

    /// <summary>After any change to an item's versions: refresh indexes, evict caches.</summary>
    Task ChangedAsync(ContentChange change) => Task.CompletedTask;
}

/// <summary>What happened to an item. <see cref="PublicChanged"/> is true when readers may see something new.</summary>
public sealed record ContentChange(string ContentItemId, string ContentType, ContentChangeKind Kind, bool PublicChanged);

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
