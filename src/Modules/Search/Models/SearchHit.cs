namespace Modules.Search.Models;

/// <summary>
/// A matching item as the database answers it. Title, Emphasis and Body are plain text with each match
/// between <see cref="Sentinels.Start"/> and <see cref="Sentinels.End"/>; they are never HTML.
/// </summary>
public sealed class SearchHit
{
    public string ContentItemId { get; set; } = "";
    public string Url { get; set; } = "";
    public long PublishedUnixSeconds { get; set; }
    public string Title { get; set; } = "";
    public string Emphasis { get; set; } = "";
    public string Body { get; set; } = "";
}

/// <summary>
/// Private-use characters the database puts around matches. Being neither markup nor anything an
/// author can type into the index (they are removed from indexed text), they survive HTML-encoding
/// and only then become &lt;mark&gt;.
/// </summary>
public static class Sentinels
{
    public const char Start = '\uE000';
    public const char End = '\uE001';

    public static string Remove(string text) => text.Replace(Start.ToString(), "", StringComparison.Ordinal)
        .Replace(End.ToString(), "", StringComparison.Ordinal)
        .Replace("\0", "", StringComparison.Ordinal);
}
