using Cms.Content;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.Contents.Services;
using Modules.NewsCommentary.Indexes;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.ViewModels;

namespace Modules.NewsCommentary.Services;

/// <summary>
/// A post's neighbours (the next older and newer post) and up to three related posts (most tags in
/// common, then newest). Three queries, each on index columns and each bounded whatever the number of
/// posts: one row per neighbour, and at most <see cref="CandidatesPerTag"/> index rows per tag.
/// </summary>
public sealed class PostNavigationQuery(CmsDbContext db, IContentManager contentManager, IAutorouteEntries entries)
{
    public const int RelatedCount = 3;

    /// <summary>The newest posts looked at for each shared tag: enough to find good company, never a scan of a big tag.</summary>
    public const int CandidatesPerTag = 50;

    public async Task<PostNavigationViewModel?> ForAsync(ContentItem post)
    {
        if (post.PublishedUtc is not { } date)
        {
            return null;
        }

        var id = post.ContentItemId;
        var published = contentManager.Query().Where(r => r.ContentType == Migrations.ContentType && r.Published);
        var older = await contentManager.ListAsync(published
            .Where(r => r.PublishedUtc < date || (r.PublishedUtc == date && string.Compare(r.ContentItemId, id) < 0))
            .OrderByDescending(r => r.PublishedUtc).ThenByDescending(r => r.ContentItemId).Take(1));
        var newer = await contentManager.ListAsync(published
            .Where(r => r.PublishedUtc > date || (r.PublishedUtc == date && string.Compare(r.ContentItemId, id) > 0))
            .OrderBy(r => r.PublishedUtc).ThenBy(r => r.ContentItemId).Take(1));
        var related = await RelatedAsync(post);
        if (older.Count == 0 && newer.Count == 0 && related.Count == 0)
        {
            return null;
        }

        return new PostNavigationViewModel(
            older.Select(Link).FirstOrDefault(), newer.Select(Link).FirstOrDefault(), related.Select(Link).ToList());
    }

    /// <summary>The published posts that share most tags with this one (one query).</summary>
    public async Task<IReadOnlyList<ContentItem>> RelatedAsync(ContentItem post)
    {
        var slugs = post.As<TagsPart>()?.Entries().Select(t => t.Slug).ToList() ?? [];
        if (slugs.Count == 0)
        {
            return [];
        }

        var id = post.ContentItemId;
        IQueryable<TagsPartIndex>? candidates = null;
        foreach (var slug in slugs)
        {
            // Each tag's newest rows, read in the order of the (Slug, ContentType, PublishedUtc) index.
            var forTag = db.Set<TagsPartIndex>().AsNoTracking()
                .Where(t => t.Slug == slug && t.ContentType == Migrations.ContentType && t.ContentItemId != id)
                .OrderByDescending(t => t.PublishedUtc).Take(CandidatesPerTag);
            candidates = candidates is null ? forTag : candidates.Concat(forTag);
        }

        var best = candidates!
            .GroupBy(t => t.ContentItemId)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(t => t.PublishedUtc))
            .Select(g => g.Key)
            .Take(RelatedCount);
        var items = await contentManager.ListAsync(contentManager.Query().Where(r => r.Published && best.Contains(r.ContentItemId)));
        var mine = slugs.ToHashSet(StringComparer.Ordinal);
        return items
            .OrderByDescending(i => i.As<TagsPart>()?.Entries().Count(t => mine.Contains(t.Slug)) ?? 0)
            .ThenByDescending(i => i.PublishedUtc)
            .ToList();
    }

    private PostLink Link(ContentItem item) => new(item.DisplayText, entries.PathOf(item) ?? "/");
}
