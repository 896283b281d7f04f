using Cms.Content;
using Cms.Data;
using Cms.Display;
using Microsoft.EntityFrameworkCore;
using Modules.Contents.Services;
using Modules.NewsCommentary.Indexes;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.ViewModels;

namespace Modules.NewsCommentary.Services;

/// <summary>
/// A post's neighbours (the next older and newer post) and up to three related posts (most tags in
/// common, then newest), in one query bounded whatever the number of posts: the ids, picked on index
/// columns (one row per neighbour, at most <see cref="CandidatesPerTag"/> tag index rows per shared tag),
/// joined to the (at most five) posts they name. The answer depends on public content alone, so it is kept
/// per post version until that content changes (<see cref="PublicContentCache{TValue}"/>): the query was a
/// quarter of a post page's time (issue 12's profile).
/// </summary>
public sealed class PostNavigationQuery(LazyDbContext lazyDb, IContentManager contentManager, IAutorouteEntries entries,
    PublicContentVersion version, PublicContentCache<PostNavigationViewModel?> kept)
{
    public const int RelatedCount = 3;

    /// <summary>The newest posts looked at for each shared tag: enough to find good company, never a scan of a big tag.</summary>
    public const int CandidatesPerTag = 50;

    private CmsDbContext Db => lazyDb.Context;

    public async Task<PostNavigationViewModel?> ForAsync(ContentItem post)
        => post.PublishedUtc is null ? null : await kept.GetOrBuildAsync(await version.GetAsync(), post.ContentItemVersionId, () => BuildAsync(post));

    private async Task<PostNavigationViewModel?> BuildAsync(ContentItem post)
    {
        var date = post.PublishedUtc!.Value;

        var id = post.ContentItemId;
        var slugs = post.As<TagsPart>()?.Entries().Select(t => t.Slug).ToList() ?? [];
        var published = contentManager.Query().Where(r => r.ContentType == Migrations.ContentType && r.Published);

        // The post itself is left out by id: PostgreSQL keeps its date to the microsecond while the item's
        // JSON keeps 100 ns ticks, so by date alone the post can look older than itself (and hide the real one).
        var others = published.Where(r => r.ContentItemId != id);
        var older = others
            .Where(r => r.PublishedUtc < date || (r.PublishedUtc == date && string.Compare(r.ContentItemId, id) < 0))
            .OrderByDescending(r => r.PublishedUtc).ThenByDescending(r => r.ContentItemId).Select(r => r.ContentItemId).Take(1);
        var newer = others
            .Where(r => r.PublishedUtc > date || (r.PublishedUtc == date && string.Compare(r.ContentItemId, id) > 0))
            .OrderBy(r => r.PublishedUtc).ThenBy(r => r.ContentItemId).Select(r => r.ContentItemId).Take(1);
        var wanted = older.Concat(newer);
        if (RelatedIds(id, slugs) is { } related)
        {
            wanted = wanted.Concat(related);
        }

        // The ids as a derived table joined to the posts, not an IN subquery: EF keeps each limit's ordering
        // in a FROM clause on every provider, and prunes it (with a warning) inside IN. A post that is both
        // a neighbour and related comes twice.
        var rows = from wantedId in wanted
                   join row in published on wantedId equals row.ContentItemId
                   select row;
        var items = (await contentManager.ListAsync(rows)).DistinctBy(i => i.ContentItemId).ToList();
        var before = items.Where(i => IsBefore(i, date, id)).OrderByDescending(i => i.PublishedUtc).ThenByDescending(i => i.ContentItemId, StringComparer.Ordinal).FirstOrDefault();
        var after = items.Where(i => i.ContentItemId != id && !IsBefore(i, date, id)).OrderBy(i => i.PublishedUtc).ThenBy(i => i.ContentItemId, StringComparer.Ordinal).FirstOrDefault();
        var mine = slugs.ToHashSet(StringComparer.Ordinal);
        var relatedItems = items
            .Select(i => (Item: i, Shared: i.As<TagsPart>()?.Entries().Count(t => mine.Contains(t.Slug)) ?? 0))
            .Where(x => x.Shared > 0 && x.Item.ContentItemId != id)
            .OrderByDescending(x => x.Shared).ThenByDescending(x => x.Item.PublishedUtc)
            .Take(RelatedCount)
            .Select(x => Link(x.Item))
            .ToList();
        if (before is null && after is null && relatedItems.Count == 0)
        {
            return null;
        }

        return new PostNavigationViewModel(before is null ? null : Link(before), after is null ? null : Link(after), relatedItems);
    }

    /// <summary>The ids of the published posts that share most tags with this one, as a subquery (null without tags).</summary>
    private IQueryable<string>? RelatedIds(string id, IReadOnlyList<string> slugs)
    {
        IQueryable<TagsPartIndex>? candidates = null;
        foreach (var slug in slugs)
        {
            // Each tag's newest rows, read in the order of the (Slug, ContentType, PublishedUtc) index.
            var forTag = Db.Set<TagsPartIndex>().AsNoTracking()
                .Where(t => t.Slug == slug && t.ContentType == Migrations.ContentType && t.ContentItemId != id)
                .OrderByDescending(t => t.PublishedUtc).Take(CandidatesPerTag);
            candidates = candidates is null ? forTag : candidates.Concat(forTag);
        }

        return candidates?
            .GroupBy(t => t.ContentItemId)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(t => t.PublishedUtc))
            .Select(g => g.Key)
            .Take(RelatedCount);
    }

    private static bool IsBefore(ContentItem item, DateTime date, string id)
        => item.PublishedUtc < date || (item.PublishedUtc == date && string.CompareOrdinal(item.ContentItemId, id) < 0);

    private PostLink Link(ContentItem item) => new(item.DisplayText, entries.PathOf(item) ?? "/");
}
