using Cms.ContentDefinitions;
using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cms.Content;

/// <summary>
/// Imports items in batches (issue 12: 10,000 posts at 1,000 a second): one query reads the stored rows
/// of a batch's items, the handlers get the batch at once (<see cref="IContentHandler.ImportingAsync"/>,
/// <see cref="IContentHandler.ImportedAsync"/>) and update their indexes in sets, and one save writes the
/// batch. Then the batch's rows stop being tracked, so memory and the time of a save stay flat however
/// long the recipe is. The caller's transaction holds every batch: a failure anywhere writes nothing.
/// </summary>
internal sealed class ContentImporter(CmsDbContext db, IContentDefinitionManager definitions, IReadOnlyList<IContentHandler> handlers, DateTime now)
{
    /// <summary>Items per batch: large enough that queries and saves are few, small enough that a batch's rows stay small.</summary>
    public const int BatchSize = 500;

    private readonly Dictionary<string, bool> _versionable = new(StringComparer.Ordinal);

    public async Task ImportAsync(IEnumerable<ContentItem> items)
    {
        var before = db.ChangeTracker.Entries().Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        var writer = new RowInserter(db);

        // Changes are looked for once a batch, before its save, not at every query and Add of the batch.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // The handlers' new index rows (CmsDbContext.AddRows) come to the writer untracked.
        db.CollectHandedRows();
        try
        {
            foreach (var batch in Batches(items))
            {
                await ImportBatchAsync(batch);

                // New rows go in sets (a COPY on PostgreSQL; EF Core sends one statement per row), updates and deletes through EF.
                await writer.SaveAsync();

                // What the batch and its handlers wrote is saved: stop tracking it, or every later save looks at
                // every row imported before it (a recipe's time per item grew with its length).
                foreach (var entry in db.ChangeTracker.Entries().Where(e => !before.Contains(e.Entity)).ToList())
                {
                    entry.State = EntityState.Detached;
                }
            }
        }
        finally
        {
            db.StopCollectingHandedRows();
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// Batches in the items' order, each holding an item at most once: a recipe that gives an item two
    /// versions (a draft over its published one) writes the second in a later batch, after the first.
    /// </summary>
    private static IEnumerable<List<ContentItem>> Batches(IEnumerable<ContentItem> items)
    {
        var batch = new List<ContentItem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (batch.Count == BatchSize || !ids.Add(item.ContentItemId))
            {
                yield return batch;
                batch = [item];
                ids.Clear();
                ids.Add(item.ContentItemId);
                continue;
            }

            batch.Add(item);
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private async Task ImportBatchAsync(List<ContentItem> batch)
    {
        var ids = batch.Select(i => i.ContentItemId).ToList();
        var stored = (await db.ContentItems.Where(r => ids.Contains(r.ContentItemId)).ToListAsync())
            .ToLookup(r => r.ContentItemId, StringComparer.Ordinal);
        var writes = new List<(ContentItem Item, ContentItemRecord Row, List<ContentItemRecord> Rows)>();
        foreach (var item in batch)
        {
            var rows = stored[item.ContentItemId].ToList();
            var target = rows.FirstOrDefault(r => r.ContentItemVersionId == item.ContentItemVersionId);
            var old = target is null ? null : ContentManager.ToItem(target);

            // A date the recipe leaves out keeps the stored version's, so applying a recipe again changes nothing.
            item.CreatedUtc ??= old?.CreatedUtc ?? now;
            item.ModifiedUtc ??= old?.ModifiedUtc ?? now;
            if (item.Published)
            {
                item.PublishedUtc ??= old?.PublishedUtc ?? now;
            }

            // As in Orchard, a version that is already stored as it is imported is skipped.
            if (old is not null && old.ToJsonString() == item.ToJsonString())
            {
                continue;
            }

            if (target is null)
            {
                target = new ContentItemRecord();
                db.AddRows([target]);
                rows.Add(target);
            }

            foreach (var row in rows.Where(r => r != target))
            {
                row.Latest &= !item.Latest;
                row.Published &= !item.Published;
            }

            writes.Add((item, target, rows));
        }

        if (writes.Count == 0)
        {
            return;
        }

        var items = writes.Select(w => w.Item).ToList();
        foreach (var handler in handlers)
        {
            await handler.ImportingAsync(items);
        }

        var changes = new List<ContentChange>(writes.Count);
        foreach (var (item, target, rows) in writes)
        {
            ContentManager.Fill(target, item);
            await PruneHistoryAsync(item, rows);
            var published = rows.FirstOrDefault(r => r.Published) is { } p ? ContentManager.ToItem(p) : null;
            var latest = rows.FirstOrDefault(r => r.Latest) is { } l ? (published?.Latest == true ? published : ContentManager.ToItem(l)) : null;
            changes.Add(new ContentChange(item.ContentItemId, item.ContentType, ContentChangeKind.Imported, PublicChanged: true)
            {
                Published = published,
                Latest = latest,
            });
        }

        // The handlers' indexes read the content rows only through the changes, so the rows need not be saved first.
        foreach (var handler in handlers)
        {
            await handler.ImportedAsync(changes);
        }
    }

    /// <summary>Types that are not Versionable keep no history: only the live rows stay (the batch holds every row of the item).</summary>
    private async Task PruneHistoryAsync(ContentItem item, List<ContentItemRecord> rows)
    {
        if (!_versionable.TryGetValue(item.ContentType, out var versionable))
        {
            versionable = (await definitions.GetTypeAsync(item.ContentType))?.GetSettings().Versionable == true;
            _versionable[item.ContentType] = versionable;
        }

        if (versionable || !rows.Any(r => r.Latest || r.Published))
        {
            return;
        }

        foreach (var old in rows.Where(r => !r.Latest && !r.Published).ToList())
        {
            // A row added in this batch is never old: it is the version being written.
            db.ContentItems.Remove(old);
            rows.Remove(old);
        }
    }
}
