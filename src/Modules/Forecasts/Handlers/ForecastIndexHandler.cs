using Cms.Content;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.Contents.Services;
using Modules.Forecasts.Models;
using Modules.Forecasts.Services;

namespace Modules.Forecasts.Handlers;

/// <summary>
/// Gives every forecast an id when it is saved (whoever wrote it: editor, recipe, import), and keeps
/// <see cref="ForecastIndex"/> in step with the Published version, in the change's own transaction.
/// </summary>
public sealed class ForecastIndexHandler(CmsDbContext db, IAutorouteEntries entries) : IContentHandler
{
    public Task SavingAsync(ContentItem item)
    {
        if (item.As<ForecastPart>() is { } part && part.Forecasts.Any(f => string.IsNullOrEmpty(f.Id)))
        {
            foreach (var forecast in part.Forecasts.Where(f => string.IsNullOrEmpty(f.Id)))
            {
                forecast.Id = IdGenerator.NewId();
            }

            item.Apply(part);
        }

        return Task.CompletedTask;
    }

    public async Task ChangedAsync(ContentChange change)
    {
        await ReplaceAsync([change]);
        await db.SaveChangesAsync();
    }

    /// <summary>An imported batch: one read of each table for the batch, no save (the importer saves the batch).</summary>
    public Task ImportedAsync(IReadOnlyList<ContentChange> changes) => ReplaceAsync(changes);

    private async Task ReplaceAsync(IReadOnlyList<ContentChange> changes)
    {
        var index = db.Set<ForecastIndex>();
        var tags = db.Set<ForecastTag>();
        foreach (var chunk in changes.Select(c => c.ContentItemId).Chunk(1000))
        {
            index.RemoveRange(await index.Where(i => chunk.Contains(i.ContentItemId)).ToListAsync());
            tags.RemoveRange(await tags.Where(t => chunk.Contains(t.ContentItemId)).ToListAsync());
        }

        foreach (var change in changes)
        {
            if (change.Published is not { } published || published.As<ForecastPart>() is not { } part)
            {
                continue;
            }

            db.AddRows(part.Forecasts.Select(f => new ForecastIndex
            {
                ContentItemId = published.ContentItemId,
                ForecastId = f.Id,
                PostTitle = published.DisplayText ?? "",
                PostPublishedUtc = published.PublishedUtc,
                PostPath = entries.PathOf(published),
                Statement = f.Statement,
                Probability = f.Probability,
                ResolveByUtc = f.ResolveByUtc,
                Outcome = f.Outcome,
                Note = f.Note,
                ResolvedUtc = f.ResolvedUtc,
            }));
            if (part.Forecasts.Count > 0)
            {
                db.AddRows(PostTagSlugs.Of(published).Select(slug => new ForecastTag { ContentItemId = published.ContentItemId, Slug = slug }));
            }
        }
    }
}
