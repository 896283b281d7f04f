namespace Modules.Search.Models;

/// <summary>
/// One published item as the index stores it: where it lives, when it was published (for ordering
/// equally relevant results), and its text in three weights: title, emphasis (e.g. a headline), body.
/// </summary>
public sealed record SearchEntry(string ContentItemId, string Url, long PublishedUnixSeconds, string Title, string Emphasis, string Body);
