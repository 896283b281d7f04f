using Cms.Content;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.PublishLater.Models;

namespace Modules.PublishLater.Services;

/// <summary>The scheduled drafts, soonest first, for the admin list: one query over the schedule table.</summary>
public sealed class ScheduledQuery(LazyDbContext lazyDb, IContentManager contentManager)
{
    public const int Max = 200;

    private CmsDbContext Db => lazyDb.Context;

    /// <param name="ownerId">The only owner whose drafts are listed, for a user who may not list everyone's; null for all.</param>
    public Task<List<ScheduledPublication>> ListAsync(string? ownerId)
    {
        var rows = Db.Set<ScheduledPublication>().AsNoTracking();
        if (ownerId is not null)
        {
            var owned = contentManager.Query().Where(r => r.Latest && r.Owner == ownerId).Select(r => r.ContentItemId);
            rows = rows.Where(s => owned.Contains(s.ContentItemId));
        }

        return rows.OrderBy(s => s.ScheduledPublishUtc).ThenBy(s => s.Id).Take(Max).ToListAsync();
    }
}
