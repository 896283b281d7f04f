using System.Text.Json;
using Cms.Content;
using Cms.Display;
using Cms.Settings;
using Microsoft.EntityFrameworkCore;
using Modules.Contents.Services;
using Modules.NewsCommentary.ViewModels;

namespace Modules.NewsCommentary.Services;

/// <summary>
/// The lists readers browse. Each page is one query on the index columns (type, published, date);
/// the item JSON comes in the same rows, so there is no query per post.
/// </summary>
public sealed class PostQueries(IContentManager contentManager, IContentDisplayManager displayManager, ISiteService site,
    PublicContentVersion version, ArchiveMonths archive, PublicContentCache<PostQueries.KeptPage> keptPages, KeptShapes shapes)
{
    /// <summary>The home page's posts as JSON (each request makes items of its own from them) and whether more follow.</summary>
    public sealed record KeptPage(IReadOnlyList<JsonElement> Items, bool HasNext);

    public async Task<(IReadOnlyList<ContentItem> Items, bool HasNext)> PageAsync(int page, int pageSize, DateTime? fromUtc = null, DateTime? toUtc = null)
    {
        // The first page of all posts (the home page, what most readers open) is kept under the public-pages signal's
        // version, which every publication moves; other pages are read each time (a crawler's sweep would keep them all).
        if (page == 1 && fromUtc is null && toUtc is null)
        {
            var kept = await keptPages.GetOrBuildAsync(await version.GetAsync(), "home/" + pageSize, async () =>
            {
                var (items, hasNext) = await ReadPageAsync(page, pageSize, null, null);
                return new KeptPage(items.Select(i => i.ToJsonElement()).ToList(), hasNext);
            });
            return (kept.Items.Select(static element => ContentItem.FromJson(element)).ToList(), kept.HasNext);
        }

        return await ReadPageAsync(page, pageSize, fromUtc, toUtc);
    }

    private async Task<(IReadOnlyList<ContentItem> Items, bool HasNext)> ReadPageAsync(int page, int pageSize, DateTime? fromUtc, DateTime? toUtc)
    {
        var query = contentManager.Query().Where(r => r.ContentType == Migrations.ContentType && r.Published);
        if (fromUtc is { } from)
        {
            query = query.Where(r => r.PublishedUtc >= from);
        }

        if (toUtc is { } to)
        {
            query = query.Where(r => r.PublishedUtc < to);
        }

        var items = await contentManager.ListAsync(query
            .OrderByDescending(r => r.PublishedUtc).ThenByDescending(r => r.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize + 1));
        return (items.Take(pageSize).ToList(), items.Count > pageSize);
    }

    /// <summary>
    /// Builds each post's Summary display and groups the posts by their local publication date. A published post's
    /// summary is the same for every reader and changes only with public content, so the HTML it rendered to is kept
    /// (<see cref="KeptShapes"/>) and only the posts not kept are built.
    /// </summary>
    public async Task<IReadOnlyList<PostDateGroup>> GroupByDateAsync(IEnumerable<ContentItem> items)
    {
        var zone = (await site.GetAsync()).TimeZone();
        var current = await version.GetAsync();
        var list = items.ToList();
        var kept = new string?[list.Count];
        var toBuild = new List<ContentItem>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Published && shapes.TryGet(current, list[i].ContentItemVersionId, DisplayTypes.Summary, out var html))
            {
                kept[i] = html;
            }
            else
            {
                toBuild.Add(list[i]);
            }
        }

        var built = toBuild.Count == 0 ? [] : await displayManager.BuildDisplaysAsync(toBuild, DisplayTypes.Summary);
        var summaries = new List<PostSummaryViewModel>(list.Count);
        var next = 0;
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            var local = item.PublishedUtc is { } utc ? TimeZoneInfo.ConvertTimeFromUtc(utc, zone) : (DateTime?)null;
            summaries.Add(kept[i] is { } html
                ? new PostSummaryViewModel(new ContentItemDisplay(item, DisplayTypes.Summary, []), local) { KeptHtml = html }
                : new PostSummaryViewModel(built[next++], local)
                {
                    Keep = item.Published ? rendered => shapes.Keep(current, item.ContentItemVersionId, DisplayTypes.Summary, rendered) : null,
                });
        }

        return summaries
            .GroupBy(s => DateOnly.FromDateTime(s.PublishedLocal ?? DateTime.MinValue))
            .Select(g => new PostDateGroup(g.Key, g.ToList()))
            .ToList();
    }

    /// <summary>Every month that has posts, newest first, in the site's time zone; counted once per change of public content.</summary>
    public async Task<IReadOnlyList<ArchiveMonthViewModel>> MonthsAsync()
    {
        var zone = (await site.GetAsync()).TimeZone();
        var generation = await version.GetAsync();
        if (archive.Find(generation, zone.Id) is { } kept)
        {
            return kept;
        }

        var months = await CountMonthsAsync(zone);
        archive.Keep(generation, zone.Id, months);
        return months;
    }

    private async Task<IReadOnlyList<ArchiveMonthViewModel>> CountMonthsAsync(TimeZoneInfo zone)
    {
        var dates = await contentManager.Query()
            .Where(r => r.ContentType == Migrations.ContentType && r.Published && r.PublishedUtc != null)
            .Select(r => r.PublishedUtc!.Value)
            .ToListAsync();
        return dates
            .Select(d => TimeZoneInfo.ConvertTimeFromUtc(d, zone))
            .GroupBy(d => (d.Year, d.Month))
            .OrderByDescending(g => g.Key)
            .Select(g => new ArchiveMonthViewModel(g.Key.Year, g.Key.Month, g.Count()))
            .ToList();
    }
}
