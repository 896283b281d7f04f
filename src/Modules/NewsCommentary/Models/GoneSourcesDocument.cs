namespace Modules.NewsCommentary.Models;

/// <summary>
/// The posts whose source the checker found gone, with the URL it found gone. Kept as a document so
/// the post page reads it from every node's document cache without a query; the checker rewrites it
/// after each pass from the <see cref="SourceLinkCheck"/> table, and the version bump tells the other nodes.
/// </summary>
public sealed class GoneSourcesDocument
{
    public const string DocumentId = "NewsCommentary:GoneSources";

    /// <summary>Content item id to the source URL found gone.</summary>
    public Dictionary<string, string> Items { get; set; } = new(StringComparer.Ordinal);
}
