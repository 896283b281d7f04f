using Cms.ContentDefinitions;
using Cms.Data;
using Cms.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Content;

/// <summary>
/// The only code that writes content versions, and that turns index rows into items. Handlers are
/// resolved when an item changes (so a handler may itself use the content manager) and only those of
/// enabled features run.
/// </summary>
public sealed class ContentManager(
    LazyDbContext lazyDb,
    IContentDefinitionManager definitions,
    IFeatureManager features,
    IServiceProvider services,
    TimeProvider clock) : IContentManager
{
    private CmsDbContext Db => lazyDb.Context;

    public ContentItem New(string contentType) => new()
    {
        ContentItemId = IdGenerator.NewId(),
        ContentItemVersionId = IdGenerator.NewId(),
        ContentType = contentType,
    };

    public async Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options = VersionOptions.Published)
    {
        var query = Db.ContentItems.AsNoTracking().Where(r => r.ContentItemId == contentItemId);
        query = options == VersionOptions.Published ? query.Where(r => r.Published) : query.Where(r => r.Latest);
        var row = await query.FirstOrDefaultAsync();
        return row is null ? null : ToItem(row);
    }

    public async Task<ContentItem?> GetVersionAsync(string contentItemVersionId)
    {
        var row = await Db.ContentItems.AsNoTracking().FirstOrDefaultAsync(r => r.ContentItemVersionId == contentItemVersionId);
        return row is null ? null : ToItem(row);
    }

    public async Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId)
    {
        var rows = await Db.ContentItems.AsNoTracking().Where(r => r.ContentItemId == contentItemId).OrderBy(r => r.Id).ToListAsync();
        return rows.Select(ToItem).ToList();
    }

    public IQueryable<ContentItemRecord> Query() => Db.ContentItems.AsNoTracking();

    public async Task<IReadOnlyList<ContentItem>> ListAsync(IQueryable<ContentItemRecord> rows)
        => (await rows.ToListAsync()).Select(ToItem).ToList();

    /// <summary>Builds an item from its row; the row's flags are the truth, not the JSON's copy.</summary>
    internal static ContentItem ToItem(ContentItemRecord row)
    {
        var item = ContentItem.FromJson(row.Data);
        item.ContentItemId = row.ContentItemId;
        item.ContentItemVersionId = row.ContentItemVersionId;
        item.Latest = row.Latest;
        item.Published = row.Published;
        return item;
    }

    public Task<ContentItem> SaveDraftAsync(ContentItem item) => Db.InTransactionAsync(async () =>
    {
        var rows = await LiveRowsAsync(item.ContentItemId);
        var latest = rows.FirstOrDefault(r => r.Latest);
        ContentItemRecord target;
        if (latest is null || latest.Published)
        {
            if (latest is not null)
            {
                latest.Latest = false;
            }

            item.ContentItemVersionId = IdGenerator.NewId();
            target = NewRow();
        }
        else
        {
            target = latest;
            item.ContentItemVersionId = latest.ContentItemVersionId;
        }

        item.CreatedUtc ??= rows.Select(r => r.CreatedUtc).FirstOrDefault() ?? Now;
        item.ModifiedUtc = Now;
        item.Latest = true;
        item.Published = false;
        await WriteAsync(target, item);
        await PruneHistoryAsync(item);
        await NotifyAsync(item, ContentChangeKind.DraftSaved, publicChanged: false);
        return item;
    });

    public Task<ContentItem> PublishAsync(ContentItem item) => Db.InTransactionAsync(async () =>
    {
        var rows = await LiveRowsAsync(item.ContentItemId);
        var latest = rows.FirstOrDefault(r => r.Latest);
        var published = rows.FirstOrDefault(r => r.Published);
        ContentItemRecord target;
        if (latest is not null && !latest.Published)
        {
            target = latest;
            item.ContentItemVersionId = latest.ContentItemVersionId;
        }
        else
        {
            item.ContentItemVersionId = IdGenerator.NewId();
            target = NewRow();
        }

        foreach (var row in rows.Where(r => r != target))
        {
            row.Latest = false;
            row.Published = false;
        }

        // A post keeps the date it was first published (each version carries it); an edit does not move it
        // unless the editor's publication date field set another.
        item.PublishedUtc = item.PublishedUtc ?? published?.PublishedUtc ?? Now;
        item.CreatedUtc ??= rows.Select(r => r.CreatedUtc).FirstOrDefault() ?? Now;
        item.ModifiedUtc = Now;
        item.Latest = true;
        item.Published = true;
        await WriteAsync(target, item);
        await PruneHistoryAsync(item);
        await NotifyAsync(item, ContentChangeKind.Published, publicChanged: true);
        return item;
    });

    public Task UnpublishAsync(string contentItemId) => Db.InTransactionAsync(async () =>
    {
        var rows = await LiveRowsAsync(contentItemId);
        var published = rows.FirstOrDefault(r => r.Published)
            ?? throw new ContentOperationException("This item is not published.");
        published.Published = false;
        await Db.SaveChangesAsync();
        var item = ToItem(published);
        await PruneHistoryAsync(item);
        await NotifyAsync(item, ContentChangeKind.Unpublished, publicChanged: true);
        return true;
    });

    public Task DiscardDraftAsync(string contentItemId) => Db.InTransactionAsync(async () =>
    {
        var rows = await LiveRowsAsync(contentItemId);
        var latest = rows.FirstOrDefault(r => r.Latest);
        var published = rows.FirstOrDefault(r => r.Published);
        if (latest is null || latest.Published)
        {
            throw new ContentOperationException("This item has no draft to discard.");
        }

        if (published is null)
        {
            throw new ContentOperationException("This item has never been published: delete it instead of discarding its only draft.");
        }

        latest.Latest = false;
        published.Latest = true;
        await Db.SaveChangesAsync();
        var item = ToItem(published);
        await PruneHistoryAsync(item);
        await NotifyAsync(item, ContentChangeKind.DraftDiscarded, publicChanged: false);
        return true;
    });

    public Task RemoveAsync(string contentItemId) => Db.InTransactionAsync(async () =>
    {
        var rows = await LiveRowsAsync(contentItemId);
        if (rows.Count == 0)
        {
            throw new ContentOperationException("This item does not exist or was already deleted.");
        }

        var wasPublished = rows.Any(r => r.Published);
        foreach (var row in rows)
        {
            row.Latest = false;
            row.Published = false;
        }

        await Db.SaveChangesAsync();
        await NotifyAsync(ToItem(rows[0]), ContentChangeKind.Removed, wasPublished);
        return true;
    });

    public async Task<ContentItem> RestoreAsync(string contentItemVersionId)
    {
        var old = await GetVersionAsync(contentItemVersionId)
            ?? throw new ContentOperationException("That version does not exist.");
        return await SaveDraftAsync(old);
    }

    public Task ImportAsync(IEnumerable<ContentItem> items) => Db.InTransactionAsync(async () =>
    {
        await new ContentImporter(Db, definitions, await HandlersAsync(), Now).ImportAsync(items);
        return true;
    });

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task<List<ContentItemRecord>> LiveRowsAsync(string contentItemId)
        => Db.ContentItems.Where(r => r.ContentItemId == contentItemId && (r.Latest || r.Published)).ToListAsync();

    private ContentItemRecord NewRow()
    {
        var row = new ContentItemRecord();
        Db.ContentItems.Add(row);
        return row;
    }

    private async Task WriteAsync(ContentItemRecord row, ContentItem item)
    {
        foreach (var handler in await HandlersAsync())
        {
            await handler.SavingAsync(item);
        }

        Fill(row, item);
        await Db.SaveChangesAsync();
    }

    /// <summary>Copies the item into its row: the index columns and the JSON.</summary>
    internal static void Fill(ContentItemRecord row, ContentItem item)
    {
        row.ContentItemId = item.ContentItemId;
        row.ContentItemVersionId = item.ContentItemVersionId;
        row.ContentType = item.ContentType;
        row.DisplayText = item.DisplayText;
        row.Latest = item.Latest;
        row.Published = item.Published;
        row.CreatedUtc = item.CreatedUtc;
        row.ModifiedUtc = item.ModifiedUtc;
        row.PublishedUtc = item.PublishedUtc;
        row.Owner = item.Owner;
        row.Author = item.Author;
        var data = item.ToJsonString();
        if (row.Data != data)
        {
            row.Data = data;
        }
    }

    /// <summary>Types that are not Versionable keep no history: only the live rows stay.</summary>
    private async Task PruneHistoryAsync(ContentItem item)
    {
        var type = await definitions.GetTypeAsync(item.ContentType);
        if (type?.GetSettings().Versionable == true)
        {
            return;
        }

        var live = await Db.ContentItems.AnyAsync(r => r.ContentItemId == item.ContentItemId && (r.Latest || r.Published));
        if (!live)
        {
            return;
        }

        var old = await Db.ContentItems.Where(r => r.ContentItemId == item.ContentItemId && !r.Latest && !r.Published).ToListAsync();
        if (old.Count > 0)
        {
            Db.ContentItems.RemoveRange(old);
            await Db.SaveChangesAsync();
        }
    }

    /// <summary>Tells the handlers, with the item's live versions as they now stand (one query for them all).</summary>
    private async Task NotifyAsync(ContentItem item, ContentChangeKind kind, bool publicChanged)
    {
        var live = await ListAsync(Query().Where(r => r.ContentItemId == item.ContentItemId && (r.Latest || r.Published)));
        var change = new ContentChange(item.ContentItemId, item.ContentType, kind, publicChanged)
        {
            Published = live.FirstOrDefault(i => i.Published),
            Latest = live.FirstOrDefault(i => i.Latest),
        };
        foreach (var handler in await HandlersAsync())
        {
            await handler.ChangedAsync(change);
        }
    }

    /// <summary>The handlers of the features enabled now (a recipe may have enabled one earlier in this transaction).</summary>
    private async Task<List<IContentHandler>> HandlersAsync()
    {
        var enabled = await features.GetEnabledAsync();
        return services.GetServices<FeatureBound<IContentHandler>>().Where(h => enabled.Contains(h.FeatureId)).Select(h => h.Service).ToList();
    }
}
