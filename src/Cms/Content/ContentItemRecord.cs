namespace Cms.Content;

/// <summary>
/// One version of a content item: the Orchard-shaped JSON plus the index columns that every
/// query goes through (Orchard's ContentItemIndex), so no query ever reads the JSON.
/// </summary>
public sealed class ContentItemRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string DisplayText { get; set; } = "";
    public bool Latest { get; set; }
    public bool Published { get; set; }
    public DateTime? CreatedUtc { get; set; }
    public DateTime? ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }
    public string Owner { get; set; } = "";
    public string Author { get; set; } = "";

    /// <summary>Orchard's "soft delete": a removed item keeps its rows with every flag cleared.</summary>
    public string Data { get; set; } = "{}";
}
