using Cms.Content;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.NewsCommentary.Indexes;
using Modules.NewsCommentary.Models;

namespace Modules.NewsCommentary.Handlers;

/// <summary>
/// Stores tags normalised (whoever wrote them: editor, recipe, code) and keeps TagsPartIndex in step
/// with the item's Published version on every change, in the change's own transaction.
/// </summary>
public sealed class TagsPartHandler(CmsDbContext db) : IContentHandler
{
    public Task SavingAsync(ContentItem item)
    {
        if (item.As<TagsPart>() is { } part)
        {
            var normalized = TagsPart.Normalize(part.Tags);
            if (!normalized.SequenceEqual(part.Tags ?? []))
            {
                part.Tags = normalized;
                item.Apply(part);
            }
        }

        return Task.CompletedTask;
    }

    public async Task ChangedAsync(ContentChange change)
    {
        var index = db.Set<TagsPartIndex>();
        index.RemoveRange(await index.Where(i => i.ContentItemId == change.ContentItemId).ToListAsync());
        var published = change.Published;
        var tags = published?.As<TagsPart>()?.Entries() ?? [];
        foreach (var tag in tags)
        {
            index.Add(new TagsPartIndex
            {
                ContentItemId = published!.ContentItemId,
                ContentItemVersionId = published.ContentItemVersionId,
                ContentType = published.ContentType,
                Slug = tag.Slug,
                Name = tag.Name,
                PublishedUtc = published.PublishedUtc,
            });
        }

        await db.SaveChangesAsync();
    }
}
