namespace Modules.Contents.Services;

/// <summary>
/// Adds a module's public pages that are not content items (tag pages, for instance) to sitemap.xml.
/// Register it with AddFeatureBound, so a disabled feature's pages leave the sitemap.
/// </summary>
public interface ISitemapSource
{
    /// <summary>At most <paramref name="limit"/> pages, the most important first.</summary>
    Task<IReadOnlyList<SitemapEntry>> GetEntriesAsync(int limit);
}

/// <summary>A page by its path from the site's root ("/tags/russia") and when it last changed, if known.</summary>
public sealed record SitemapEntry(string Path, DateTime? ModifiedUtc);
