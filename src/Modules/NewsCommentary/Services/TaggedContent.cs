using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.NewsCommentary.Indexes;

namespace Modules.NewsCommentary.Services;

/// <summary>The tag index's answer to "which items carry this tag", as a subquery on its (Slug, ...) index.</summary>
public sealed class TaggedContent(CmsDbContext db) : ITaggedContent
{
    public IQueryable<string> ItemIdsTagged(string slug)
        => db.Set<TagsPartIndex>().AsNoTracking().Where(t => t.Slug == slug).Select(t => t.ContentItemId);
}
