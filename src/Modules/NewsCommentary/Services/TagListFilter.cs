using Cms.Content;
using Cms.Data;
using Modules.ContentApi.Services;
using Modules.Contents.Services;
using Modules.NewsCommentary.Indexes;

namespace Modules.NewsCommentary.Services;

/// <summary>The Content API's <c>?tag=</c>: items whose version carries the tag, through TagsPartIndex (slug first in its index).</summary>
public sealed class TagListFilter(CmsDbContext db) : IContentListFilter
{
    public string Parameter => "tag";

    public string Description => "Only items carrying this tag, by name or slug (\"Russia\" or \"russia\").";

    public string? Problem(string value)
        => Slug.From(value).Length == 0 ? $"The tag '{value}' has no letters or digits to look for." : null;

    public IQueryable<ContentItemRecord> Apply(IQueryable<ContentItemRecord> rows, string value)
    {
        var slug = Slug.From(value);
        var tagged = db.Set<TagsPartIndex>().Where(t => t.Slug == slug).Select(t => t.ContentItemVersionId);
        return rows.Where(r => tagged.Contains(r.ContentItemVersionId));
    }
}
