using Cms.Data;
using Cms.Settings;
using Microsoft.EntityFrameworkCore;
using Modules.Contents.Services;
using Modules.PublishLater.Models;

namespace Modules.PublishLater.Services;

/// <summary>"Scheduled for 2026-12-01 09:30" beside a scheduled draft in the admin content list: one query per page.</summary>
public sealed class ScheduledListStatus(CmsDbContext db, ISiteService site) : IContentListStatus
{
    public async Task<IReadOnlyDictionary<string, string>> StatusesAsync(IReadOnlyCollection<string> contentItemIds)
    {
        var rows = await db.Set<ScheduledPublication>().AsNoTracking()
            .Where(s => contentItemIds.Contains(s.ContentItemId))
            .Select(s => new { s.ContentItemId, s.ScheduledPublishUtc })
            .ToListAsync();
        if (rows.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var zone = (await site.GetAsync()).TimeZone();
        return rows.ToDictionary(r => r.ContentItemId, r => $"Scheduled for {SiteTime.ToInput(r.ScheduledPublishUtc, zone).Replace('T', ' ')}");
    }
}
