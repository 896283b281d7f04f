using Modules.Contents.Services;

namespace Modules.NewsCommentary.Services;

/// <summary>Puts /tags and each tag's first page in sitemap.xml, the most used tags first.</summary>
public sealed class TagSitemapSource(TagQueries tags) : ISitemapSource
{
    public async Task<IReadOnlyList<SitemapEntry>> GetEntriesAsync(int limit)
    {
        var all = await tags.AllAsync();
        if (all.Count == 0 || limit <= 0)
        {
            return [];
        }

        var pages = all.OrderByDescending(t => t.Count).Take(limit - 1).Select(t => new SitemapEntry(TagPaths.Page(t.Slug), t.NewestUtc));
        return [new SitemapEntry(TagPaths.Index, all.Max(t => t.NewestUtc)), .. pages];
    }
}
