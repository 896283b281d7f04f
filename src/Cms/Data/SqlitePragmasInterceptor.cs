using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Cms.Data;

/// <summary>
/// The settings every SQLite connection gets once, when the pool first opens it (they stay with the connection while
/// it is pooled, so a request reusing it pays nothing):
/// <list type="bullet">
/// <item>A writer that finds the file locked waits in SQLite's own busy handler, which retries within a few
/// milliseconds of the lock's release, up to the connection's timeout (<c>Default Timeout</c>, 30 s). Without it
/// Microsoft.Data.Sqlite retries a busy statement every 150 ms, so under 50 concurrent writers a comment waited
/// seconds for a lock that had been free for most of that time.</item>
/// <item>Each connection's page cache (<c>PRAGMA cache_size</c>) is native memory the connection keeps while pooled;
/// a burst of requests pools one connection per request worked on at once, so the cache's size times that many is
/// what the database adds to the site's memory (issue 12, point 4). <c>Cms:Sqlite:CacheSizeKiB</c> sets it.</item>
/// </list>
/// </summary>
public sealed class SqlitePragmasInterceptor(IConfiguration configuration) : DbConnectionInterceptor
{
    public const string CacheSizeKey = "Cms:Sqlite:CacheSizeKiB";

    /// <summary>A quarter of SQLite's own default (2,000 KiB): no measurable cost to pages or imports (bench/README.md).</summary>
    public const int DefaultCacheSizeKiB = 512;

    // The native connections already set up (the pool hands the same one out again under a new SqliteConnection).
    private readonly ConditionalWeakTable<object, object> _prepared = [];

    private readonly int _cacheSizeKiB = CacheSizeKiB(configuration);

    public static int CacheSizeKiB(IConfiguration configuration)
    {
        var kib = configuration.GetValue(CacheSizeKey, DefaultCacheSizeKiB);
        if (kib < 64)
        {
            throw new InvalidOperationException($"{CacheSizeKey} must be at least 64 (KiB); it is {kib}.");
        }

        return kib;
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Pragmas(connection) is { } sql)
        {
            using var command = ((SqliteConnection)connection).CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Pragmas(connection) is { } sql)
        {
            await using var command = ((SqliteConnection)connection).CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private string? Pragmas(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || _prepared.TryGetValue(handle, out _))
        {
            return null;
        }

        _prepared.AddOrUpdate(handle, handle);
        return $"PRAGMA busy_timeout = {Math.Max(1, sqlite.DefaultTimeout) * 1000L}; PRAGMA cache_size = -{_cacheSizeKiB}";
    }
}
