using Cms.Data;
using Cms.Display;
using Microsoft.EntityFrameworkCore;
using Modules.Contents.Services;
using Modules.Forecasts.Models;
using Modules.Forecasts.ViewModels;

namespace Modules.Forecasts.Services;

/// <summary>
/// Reads of <see cref="ForecastIndex"/>: the editors' due list and the public record. Each is a fixed
/// number of queries (the rows, which carry their posts' addresses, and the record's version), whatever the number of posts;
/// the record's GROUP BY over every forecast runs once per change of public content.
/// </summary>
public sealed class ForecastQueries(LazyDbContext lazyDb, IAutorouteEntries entries, PublicContentVersion version, ForecastRecordCache kept)
{
    public const int MaxDue = 200;

    private CmsDbContext Db => lazyDb.Context;

    private IQueryable<ForecastIndex> Rows => Db.Set<ForecastIndex>().AsNoTracking();

    /// <summary>Open forecasts whose resolve-by date has come, oldest first.</summary>
    public async Task<IReadOnlyList<ForecastEntry>> DueAsync(DateTime nowUtc)
        => await WithPathsAsync(await Rows.Where(r => r.Outcome == null && r.ResolveByUtc <= nowUtc)
            .OrderBy(r => r.ResolveByUtc).ThenBy(r => r.Id).Take(MaxDue).ToListAsync());

    /// <summary>One page of forecasts, newest post first: all, the open ones, or those of one outcome; of one tag when given.</summary>
    public async Task<(IReadOnlyList<ForecastEntry> Entries, bool HasNext)> PageAsync(ForecastOutcome? outcome, bool openOnly, string? tag, int page, int pageSize)
    {
        var rows = Rows;
        if (tag is not null)
        {
            // An EXISTS on the (Slug, ContentItemId) index, inside the same one query for rows.
            rows = rows.Where(r => Db.Set<ForecastTag>().Any(t => t.Slug == tag && t.ContentItemId == r.ContentItemId));
        }

        if (outcome is { } o)
        {
            rows = rows.Where(r => r.Outcome == o);
        }
        else if (openOnly)
        {
            rows = rows.Where(r => r.Outcome == null);
        }

        var found = await rows.OrderByDescending(r => r.PostPublishedUtc).ThenByDescending(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize + 1).ToListAsync();
        return (await WithPathsAsync(found.Take(pageSize).ToList()), found.Count > pageSize);
    }

    /// <summary>The whole record: one key lookup while public content is unchanged, else one query (how many forecasts per outcome and stated probability).</summary>
    public async Task<ForecastRecord> RecordAsync()
    {
        var current = await version.GetAsync();
        if (kept.Find(current) is { } record)
        {
            return record;
        }

        record = await CountAsync();
        kept.Keep(current, record);
        return record;
    }

    private async Task<ForecastRecord> CountAsync()
    {
        var groups = await Rows.GroupBy(r => new { r.Outcome, r.Probability })
            .Select(g => new { g.Key.Outcome, g.Key.Probability, Count = g.Count() })
            .ToListAsync();
        return ForecastScore.Of(groups.Select(g => (g.Outcome, g.Probability, g.Count)));
    }

    /// <summary>
    /// Each row carries its post's address; only rows indexed before the address was kept (a site made by an
    /// earlier build, until the post is next published) are looked up, in one query.
    /// </summary>
    private async Task<IReadOnlyList<ForecastEntry>> WithPathsAsync(List<ForecastIndex> rows)
    {
        var unknown = rows.Where(r => r.PostPath is null).Select(r => r.ContentItemId).Distinct().ToList();
        var paths = unknown.Count == 0 ? null : await entries.PathsOfAsync(unknown);
        return rows.Select(r => new ForecastEntry(r, r.PostPath ?? paths?.GetValueOrDefault(r.ContentItemId))).ToList();
    }
}
