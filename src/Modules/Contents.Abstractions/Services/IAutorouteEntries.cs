using Cms.Content;

namespace Modules.Contents.Services;

/// <summary>
/// Items' public addresses, owned by the Contents module (Orchard's IAutorouteEntries): the only code
/// that reads AutoroutePartIndex or makes an item's URL. Site paths start with '/' ("/2020/09/11/sochi-meeting");
/// absolute URLs come from the configured base URL (<see cref="Cms.Settings.IPublicUrls"/>).
/// </summary>
public interface IAutorouteEntries
{
    /// <summary>The published item at a path given without its leading '/', or null; one query.</summary>
    Task<ContentItem?> FindPublishedAsync(string path);

    /// <summary>The site paths of those items that are published and have one, by item id; one query for any number.</summary>
    Task<IReadOnlyDictionary<string, string>> PathsOfAsync(IReadOnlyCollection<string> contentItemIds);

    /// <summary>The item's site path from its AutoroutePart, or null when it has none. Reads no table.</summary>
    string? PathOf(ContentItem item);

    /// <summary>The item's absolute URL, or null when it has no path.</summary>
    Task<string?> UrlOfAsync(ContentItem item);

    /// <summary>Published items with a path, most recently published first, for sitemap.xml.</summary>
    Task<IReadOnlyList<AutorouteEntry>> ListPublishedAsync(int limit);

    /// <summary>True when an item other than <paramref name="contentItemId"/> has the path (published or latest version).</summary>
    Task<bool> IsTakenAsync(string path, string contentItemId);
}

/// <summary>An item's site path and when it last changed.</summary>
public sealed record AutorouteEntry(string ContentItemId, string Path, DateTime? ModifiedUtc);
