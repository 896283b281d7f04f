using Cms.Content;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Modules.PublishLater.Models;

namespace Modules.PublishLater.Services;

/// <summary>
/// Publishes the drafts whose time has come. Every node runs it against one database, so each row
/// is first claimed with one conditional UPDATE: the node whose UPDATE changed the row publishes it,
/// the others skip it. A claim older than <see cref="Lease"/> (a node that died mid-way) may be taken again.
/// </summary>
public sealed class ScheduledPublisher(CmsDbContext db, IContentManager contentManager, TimeProvider clock, ILogger<ScheduledPublisher> logger)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private const int Batch = 50;

    /// <summary>This process, as named in a claim.</summary>
    private static readonly string s_node = $"{Environment.MachineName}:{Environment.ProcessId}" is var name && name.Length > 100 ? name[..100] : name;

    /// <summary>Publishes what is due now; returns the ids of the items this call published.</summary>
    public async Task<IReadOnlyList<string>> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var staleClaim = now - Lease;
        var due = await db.Set<ScheduledPublication>().AsNoTracking()
            .Where(s => s.ScheduledPublishUtc <= now && (s.ClaimedUtc == null || s.ClaimedUtc < staleClaim))
            .OrderBy(s => s.ScheduledPublishUtc).ThenBy(s => s.Id)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        var published = new List<string>();
        foreach (var row in due)
        {
            if (await ClaimAsync(row, now, cancellationToken) && await PublishAsync(row))
            {
                published.Add(row.ContentItemId);
            }
        }

        return published;
    }

    private async Task<bool> ClaimAsync(ScheduledPublication seen, DateTime now, CancellationToken cancellationToken)
    {
        var claimed = await db.Set<ScheduledPublication>()
            .Where(s => s.Id == seen.Id && s.ContentItemVersionId == seen.ContentItemVersionId
                && s.ScheduledPublishUtc == seen.ScheduledPublishUtc && s.ClaimedUtc == seen.ClaimedUtc)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ClaimedUtc, now).SetProperty(s => s.ClaimedBy, s_node), cancellationToken);
        return claimed == 1;
    }

    private async Task<bool> PublishAsync(ScheduledPublication row)
    {
        var item = await contentManager.GetAsync(row.ContentItemId, VersionOptions.Latest);
        if (item is null || item.Published || item.ContentItemVersionId != row.ContentItemVersionId)
        {
            // Deleted, published by hand, or edited since: the handler keeps rows for live drafts only.
            await db.Set<ScheduledPublication>().Where(s => s.Id == row.Id).ExecuteDeleteAsync();
            return false;
        }

        try
        {
            await contentManager.PublishAsync(item);
            logger.LogInformation("Published “{Title}” ({Id}), scheduled for {When:u}", item.DisplayText, item.ContentItemId, row.ScheduledPublishUtc);
            return true;
        }
        catch (ContentOperationException ex)
        {
            // A path taken since, for instance: the claim stays, so it is tried again only after the lease; the scheduled list shows it overdue.
            logger.LogWarning("Could not publish scheduled “{Title}” ({Id}): {Reason}", item.DisplayText, item.ContentItemId, ex.Message);
            return false;
        }
    }
}
