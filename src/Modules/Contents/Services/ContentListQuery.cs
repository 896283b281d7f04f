using Cms.Content;
using Microsoft.EntityFrameworkCore;
using Modules.Contents.ViewModels;

namespace Modules.Contents.Services;

/// <summary>
/// The admin content list: one page of items' latest (or published) versions through the index
/// columns, whether each is published, and its address. Three queries, whatever the page size.
/// </summary>
public sealed class ContentListQuery(
    IContentManager contentManager,
    IAutorouteEntries entries,
    IEnumerable<Cms.Modules.FeatureBound<IContentListStatus>> statusSources,
    Cms.Modules.IFeatureManager features)
{
    /// <param name="ownerId">The only owner whose items are listed, for a user who may not list everyone's; null for all.</param>
    public async Task<(IReadOnlyList<ContentListEntry> Items, bool HasNext)> PageAsync(ContentListFilter filter, string? ownerId, int pageSize)
    {
        var query = Filtered(filter, ownerId);
        query = filter.Sort switch
        {
            "oldest" => query.OrderBy(r => r.ModifiedUtc),
            "title" => query.OrderBy(r => r.DisplayText),
            "published" => query.OrderByDescending(r => r.PublishedUtc),
            _ => query.OrderByDescending(r => r.ModifiedUtc),
        };
        var rows = await query.Skip((filter.Page - 1) * pageSize).Take(pageSize + 1)
            .Select(r => new { r.ContentItemId, r.DisplayText, r.ContentType, r.Author, r.ModifiedUtc, r.Published, r.Latest })
            .ToListAsync();
        var ids = rows.Select(r => r.ContentItemId).ToList();
        var published = await contentManager.Query().Where(r => ids.Contains(r.ContentItemId) && r.Published)
            .Select(r => r.ContentItemId).ToListAsync();
        var paths = await entries.PathsOfAsync(ids);
        var statuses = await OtherStatusesAsync(ids);
        var items = rows.Take(pageSize).Select(r => new ContentListEntry(
            r.ContentItemId, r.DisplayText, r.ContentType, r.Author, r.ModifiedUtc,
            published.Contains(r.ContentItemId),
            r.Latest && !r.Published,
            paths.GetValueOrDefault(r.ContentItemId))
        {
            OtherStatuses = statuses.Select(s => s.GetValueOrDefault(r.ContentItemId)).OfType<string>().ToList(),
        }).ToList();
        return (items, rows.Count > pageSize);
    }

    private async Task<List<IReadOnlyDictionary<string, string>>> OtherStatusesAsync(IReadOnlyCollection<string> ids)
    {
        var enabled = await features.GetEnabledAsync();
        var found = new List<IReadOnlyDictionary<string, string>>();
        foreach (var source in statusSources.Where(s => enabled.Contains(s.FeatureId)))
        {
            found.Add(await source.Service.StatusesAsync(ids));
        }

        return found;
    }

    private IQueryable<ContentItemRecord> Filtered(ContentListFilter filter, string? ownerId)
    {
        var query = contentManager.Query();
        query = filter.Status switch
        {
            "published" => query.Where(r => r.Published),
            "draft" => query.Where(r => r.Latest && !r.Published),
            _ => query.Where(r => r.Latest),
        };
        if (!string.IsNullOrEmpty(filter.Type))
        {
            query = query.Where(r => r.ContentType == filter.Type);
        }

        if (!string.IsNullOrWhiteSpace(filter.Owner))
        {
            query = query.Where(r => r.Author == filter.Owner.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var text = filter.Q.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1862 // Translated to SQL lower(...) LIKE, which runs in the database, not in .NET.
            query = query.Where(r => r.DisplayText.ToLower().Contains(text));
#pragma warning restore CA1304, CA1862
        }

        if (ownerId is not null)
        {
            query = query.Where(r => r.Owner == ownerId);
        }

        return query;
    }
}
