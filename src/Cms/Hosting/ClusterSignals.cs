using Cms.Data;
using Cms.Display;
using Cms.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Hosting;

/// <summary>
/// Keeps a node's caches true when another node changes the site. Every change that a cache
/// depends on bumps a document's Version in the shared database (settings, features, definitions,
/// and the signal documents of roles and public pages); each node reads all versions once per
/// interval and drops what changed. So a change on one node shows on the others within
/// <see cref="CmsOptions.ClusterPollMilliseconds"/> (1 s by default).
/// </summary>
public sealed class ClusterSignals(
    ShellSettingsStore shell,
    IServiceScopeFactory scopes,
    DocumentCache documents,
    IRolePermissions roles,
    PublicCache publicCache,
    IOptions<CmsOptions> options,
    StartupTiming timing,
    ILogger<ClusterSignals> logger) : BackgroundService
{
    public const string RolesSignal = "Signal:Roles";
    public const string PublicPagesSignal = "Signal:PublicPages";

    /// <summary>The look's query is tagged with this (a comment in its SQL), so a database's statistics tell it apart.</summary>
    public const string LookTag = "Cluster signals: every document version";

    private Dictionary<string, int>? _seen;

    /// <summary>
    /// Takes the first look before the node serves anything: that look empties the local cache (whatever was
    /// cached before it may be stale), which, taken later, threw away pages the node had just cached.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (shell.IsSetUp)
            {
                await PollAsync(cancellationToken);
                timing.Mark("the cluster signals' first look taken");
            }
        }
        catch (Exception ex) when (DatabaseAvailability.IsUnavailable(ex) || ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The database is not there yet: the loop's first look, when it is, empties the cache instead.
            logger.LogDebug(ex, "The first look for other nodes' changes waits for the database");
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(100, options.Value.ClusterPollMilliseconds));

        // StartAsync has just taken the first look (unless the database was not there): the loop's own first look
        // waits an interval, instead of reading the same versions again while the node serves its first request
        // (issue 12 point 5: that second read was about a twentieth of a start's CPU).
        var wait = _seen is not null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (wait)
                {
                    await Task.Delay(interval, stoppingToken);
                }

                // Every look, failed or not, is followed by an interval: a database that keeps failing is not asked
                // again at once, nor its failure logged in a loop.
                wait = true;
                if (shell.IsSetUp)
                {
                    await PollAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (DatabaseAvailability.IsUnavailable(ex))
            {
                // DatabaseAvailability has said so once; saying it every poll would bury the log.
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // A database that is briefly away must not stop the node; the next poll tries again.
                logger.LogWarning(ex, "Could not read change signals from the database");
            }
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var versions = await db.Documents.AsNoTracking().TagWith(LookTag).ToDictionaryAsync(d => d.Id, d => d.Version, StringComparer.Ordinal, cancellationToken);
        var seen = _seen;
        _seen = versions;
        if (seen is null)
        {
            // Whatever this node cached before its first look may already be stale: start clean.
            documents.Clear();
            roles.Invalidate();
            await publicCache.EvictLocalAsync();
            return;
        }

        var changed = versions.Where(v => !seen.TryGetValue(v.Key, out var old) || old != v.Value).Select(v => v.Key).ToList();
        foreach (var id in changed)
        {
            documents.RemoveUnlessAt(id, versions[id]);
        }

        // Every changed document is forgotten before pages are evicted, so a page rebuilt at once
        // cannot be made from a document this poll was about to refresh.
        if (changed.Contains(RolesSignal))
        {
            roles.Invalidate();
        }

        if (changed.Contains(PublicPagesSignal)
            && !publicCache.OnlyOwnChange(seen.TryGetValue(PublicPagesSignal, out var before) ? before : null, versions[PublicPagesSignal]))
        {
            await publicCache.EvictLocalAsync();
        }
    }
}
