using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cms.Data;

/// <summary>
/// A writer that finds the SQLite file locked waits in SQLite's own busy handler, which retries within a
/// few milliseconds of the lock's release, up to the connection's timeout (<c>Default Timeout</c>, 30 s).
/// Without it Microsoft.Data.Sqlite retries a busy statement every 150 ms, so under 50 concurrent writers a
/// comment waited seconds for a lock that had been free for most of that time.
/// </summary>
public sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite)
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = BusyTimeout(sqlite);
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite)
        {
            await using var command = sqlite.CreateCommand();
            command.CommandText = BusyTimeout(sqlite);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string BusyTimeout(SqliteConnection connection)
        => $"PRAGMA busy_timeout = {Math.Max(1, connection.DefaultTimeout) * 1000L}";
}
