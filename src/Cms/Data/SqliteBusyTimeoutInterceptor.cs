using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cms.Data;

/// <summary>
/// A writer that finds the SQLite file locked waits in SQLite's own busy handler, which retries within a
/// few milliseconds of the lock's release, up to the connection's timeout (<c>Default Timeout</c>, 30 s).
/// Without it Microsoft.Data.Sqlite retries a busy statement every 150 ms, so under 50 concurrent writers a
/// comment waited seconds for a lock that had been free for most of that time.
/// The setting belongs to SQLite's connection handle, which Microsoft.Data.Sqlite's pool keeps open and hands out
/// again: it is set once per handle (at the timeout that handle's first opening asked for), not on every opening,
/// where it was a second statement for every request's one read.
/// </summary>
public sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _set = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite && FirstOpening(sqlite))
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = BusyTimeout(sqlite);
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite && FirstOpening(sqlite))
        {
            await using var command = sqlite.CreateCommand();
            command.CommandText = BusyTimeout(sqlite);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>True the first time this handle is seen (a handle the pool closed and made anew is a new object).</summary>
    private bool FirstOpening(SqliteConnection connection)
        => connection.Handle is not { } handle || _set.TryAdd(handle, this);

    private static string BusyTimeout(SqliteConnection connection)
        => $"PRAGMA busy_timeout = {Math.Max(1, connection.DefaultTimeout) * 1000L}";
}
