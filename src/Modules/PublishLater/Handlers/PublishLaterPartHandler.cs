using Cms.Content;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.PublishLater.Models;

namespace Modules.PublishLater.Handlers;

/// <summary>
/// Keeps <see cref="ScheduledPublication"/> in step with the items, inside each change's transaction:
/// a row while the item's latest version is a draft with a schedule, none otherwise. A version being
/// published loses its schedule, whoever publishes it.
/// </summary>
public sealed class PublishLaterPartHandler(CmsDbContext db) : IContentHandler
{
    public Task SavingAsync(ContentItem item)
    {
        if (item.Published && item.As<PublishLaterPart>() is { ScheduledPublishUtc: not null })
        {
            item.Alter<PublishLaterPart>(p => p.ScheduledPublishUtc = null);
        }

        return Task.CompletedTask;
    }

    public async Task ChangedAsync(ContentChange change)
    {
        await ScheduleAsync([change]);
        await db.SaveChangesAsync();
    }

    /// <summary>An imported batch: one read for the batch, no save (the importer saves the batch).</summary>
    public Task ImportedAsync(IReadOnlyList<ContentChange> changes) => ScheduleAsync(changes);

    private async Task ScheduleAsync(IReadOnlyList<ContentChange> changes)
    {
        var rows = db.Set<ScheduledPublication>();
        var stored = new Dictionary<string, ScheduledPublication>(StringComparer.Ordinal);
        foreach (var chunk in changes.Select(c => c.ContentItemId).Chunk(1000))
        {
            foreach (var found in await rows.Where(s => chunk.Contains(s.ContentItemId)).ToListAsync())
            {
                stored[found.ContentItemId] = found;
            }
        }

        foreach (var change in changes)
        {
            var row = stored.GetValueOrDefault(change.ContentItemId);
            var latest = change.Latest;
            if (latest is { Published: false } && latest.As<PublishLaterPart>()?.ScheduledPublishUtc is { } when)
            {
                if (row is null)
                {
                    row = new ScheduledPublication { ContentItemId = latest.ContentItemId };
                    rows.Add(row);
                }

                row.ContentItemVersionId = latest.ContentItemVersionId;
                row.ContentType = latest.ContentType;
                row.DisplayText = latest.DisplayText;
                row.ScheduledPublishUtc = DateTime.SpecifyKind(when, DateTimeKind.Utc);
                row.ClaimedUtc = null;
                row.ClaimedBy = null;
            }
            else if (row is not null)
            {
                rows.Remove(row);
            }
        }
    }
}
