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
        index.AddRange(RowsOf(change));
        await db.SaveChangesAsync();
    }

    /// <summary>An imported batch: one read of the batch's rows, no save (the importer saves the batch).</summary>
    public async Task ImportedAsync(IReadOnlyList<ContentChange> changes)
    {
        var index = db.Set<TagsPartIndex>();
        foreach (var chunk in changes.Select(c => c.ContentItemId).Chunk(1000))
        {
            index.RemoveRange(await index.Where(i => chunk.Contains(i.ContentItemId)).ToListAsync());
        }

        db.AddRows(changes.SelectMany(RowsOf));
    }

    private static IEnumerable<TagsPartIndex> RowsOf(ContentChange change)
    {
        if (change.Published is not { } published)
        {
            return [];
        }

        return (published.As<TagsPart>()?.Entries() ?? []).Select(tag => new TagsPartIndex
        {
            ContentItemId = published.ContentItemId,
            ContentItemVersionId = published.ContentItemVersionId,
            ContentType = published.ContentType,
            Slug = tag.Slug,
            Name = tag.Name,
            PublishedUtc = published.PublishedUtc,
        });
    }
}
