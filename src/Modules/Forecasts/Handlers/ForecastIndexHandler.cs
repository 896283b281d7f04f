using Cms.Content;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.Forecasts.Models;
using Modules.Forecasts.Services;

namespace Modules.Forecasts.Handlers;

/// <summary>
/// Gives every forecast an id when it is saved (whoever wrote it: editor, recipe, import), and keeps
/// <see cref="ForecastIndex"/> in step with the Published version, in the change's own transaction.
/// </summary>
public sealed class ForecastIndexHandler(CmsDbContext db) : IContentHandler
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
        var index = db.Set<ForecastIndex>();
        var tags = db.Set<ForecastTag>();
        index.RemoveRange(await index.Where(i => i.ContentItemId == change.ContentItemId).ToListAsync());
        tags.RemoveRange(await tags.Where(t => t.ContentItemId == change.ContentItemId).ToListAsync());
        if (change.Published is { } published && published.As<ForecastPart>() is { } part)
        {
            index.AddRange(part.Forecasts.Select(f => new ForecastIndex
            {
                ContentItemId = published.ContentItemId,
                ForecastId = f.Id,
                PostTitle = published.DisplayText ?? "",
                PostPublishedUtc = published.PublishedUtc,
                Statement = f.Statement,
                Probability = f.Probability,
                ResolveByUtc = f.ResolveByUtc,
                Outcome = f.Outcome,
                Note = f.Note,
                ResolvedUtc = f.ResolvedUtc,
            }));
            if (part.Forecasts.Count > 0)
            {
                tags.AddRange(PostTagSlugs.Of(published).Select(slug => new ForecastTag { ContentItemId = published.ContentItemId, Slug = slug }));
            }
        }

        await db.SaveChangesAsync();
    }
}
