using Cms.Content;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.ContentApi.Services;
using Modules.Contents.Services;
using Modules.NewsCommentary.Indexes;

namespace Modules.NewsCommentary.Services;

/// <summary>
/// The content APIs' tag filter, REST's <c>?tag=</c> and GraphQL's <c>where: {tag}</c>: items whose published version
/// carries the tag, through TagsPartIndex (slug first in its index) as a subquery. The index holds published versions
/// only, so a draft is matched by its item's published tags.
/// </summary>
public sealed class TagListFilter(LazyDbContext lazyDb) : IContentListFilter
{
    private CmsDbContext Db => lazyDb.Context;

    public string Parameter => "tag";

    public string Description => "Only items carrying this tag, by name or slug (\"Russia\" or \"russia\").";

    public string? Problem(string value)
        => Slug.From(value).Length == 0 ? $"The tag '{value}' has no letters or digits to look for." : null;

    public IQueryable<ContentItemRecord> Apply(IQueryable<ContentItemRecord> rows, string value)
    {
        var slug = Slug.From(value);
        var tagged = Db.Set<TagsPartIndex>().AsNoTracking().Where(t => t.Slug == slug).Select(t => t.ContentItemId);
        return rows.Where(r => tagged.Contains(r.ContentItemId));
    }
}
