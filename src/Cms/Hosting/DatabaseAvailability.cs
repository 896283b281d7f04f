using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cms.Hosting;

/// <summary>
/// Whether the site's database answers, as the last command found: a failure that means "the database
/// is away" (not a bad query) marks it down, the next command that succeeds marks it up again. The
/// change is logged once each way, not once per request; going down also empties Npgsql's pools, so
/// connections broken by a server restart are not handed out again when it is back.
/// </summary>
public sealed class DatabaseAvailability(TimeProvider clock, ILogger<DatabaseAvailability> logger)
{
    private readonly Lock _gate = new();
    private long _downSinceTicks;

    /// <summary>True from a failure until the next success.</summary>
    public bool IsDown => Interlocked.Read(ref _downSinceTicks) != 0;

    /// <summary>How long the database has been away; zero while it answers.</summary>
    public TimeSpan DownFor
    {
        get
        {
            var since = Interlocked.Read(ref _downSinceTicks);
            return since == 0 ? TimeSpan.Zero : clock.GetUtcNow() - new DateTimeOffset(since, TimeSpan.Zero);
        }
    }

    public void ReportSuccess()
    {
        if (!IsDown)
        {
            return;
        }

        lock (_gate)
        {
            if (IsDown)
            {
                logger.LogWarning("The database answers again, after {Seconds:0.0} s away", DownFor.TotalSeconds);
                Interlocked.Exchange(ref _downSinceTicks, 0);
            }
        }
    }

    public void ReportFailure(Exception exception)
    {
        if (IsDown || !IsUnavailable(exception))
        {
            return;
        }

        lock (_gate)
        {
            if (!IsDown)
            {
                Interlocked.Exchange(ref _downSinceTicks, clock.GetUtcNow().UtcTicks);
                logger.LogError("The database does not answer ({Reason}): cached pages are still served, other requests answer 503 until it is back",
                    exception.GetBaseException().Message);
                NpgsqlConnection.ClearAllPools();
            }
        }
    }

    /// <summary>
    /// True when the exception says the database cannot be reached or cannot serve now (connection
    /// refused or broken, server shutting down or starting, too many connections, disk full, a SQLite
    /// lock held past the busy timeout), as opposed to a fault in the query or the data.
    /// </summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                case SocketException:
                case TimeoutException:
                    return true;
                case PostgresException postgres:
                    // 08: connection exception; 53: insufficient resources; 57P0x: shutdown, crash, cannot connect now.
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || postgres.SqlState is "57P01" or "57P02" or "57P03";
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case SqliteException sqlite:
                    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL (a missing file is a setup matter, not an outage).
                    return sqlite.SqliteErrorCode is 5 or 6 or 10 or 13;
            }
        }

        return false;
    }
}
