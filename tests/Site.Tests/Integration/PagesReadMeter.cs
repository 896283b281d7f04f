using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Site.Tests.Integration;

/// <summary>
/// SQLite: the database pages the queries of a request touch (page cache hits and misses of the
/// statement's connection, from the query's start to its reader's end). <see cref="RowsReadMeter"/>
/// counts virtual machine instructions, which do not see the work a virtual table does in C: an FTS5
/// function that walks every row holding a word (bm25's document counts) reads pages, not instructions.
/// Work outside a request (the cluster poller) is not counted.
/// </summary>
public sealed class PagesReadMeter : DbCommandInterceptor
{
    private static readonly HttpContextAccessor s_requests = new();
    private readonly ConditionalWeakTable<DbCommand, StrongBox<long>> _atStart = [];
    private long _pages;

    public void Reset() => Interlocked.Exchange(ref _pages, 0);

    /// <summary>The pages counted since <see cref="Reset"/>.</summary>
    public long Read() => Interlocked.Read(ref _pages);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Start(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (_atStart.TryGetValue(command, out var start) && PagesSoFar(command) is { } now)
        {
            Interlocked.Add(ref _pages, now - start.Value);
            _atStart.Remove(command);
        }

        return result;
    }

    private void Start(DbCommand command)
    {
        if (s_requests.HttpContext is not null && PagesSoFar(command) is { } now)
        {
            _atStart.AddOrUpdate(command, new StrongBox<long>(now));
        }
    }

    /// <summary>The connection's pages touched since it opened, or null on another provider.</summary>
    private static long? PagesSoFar(DbCommand command)
    {
        if (command.Connection is not SqliteConnection { Handle: { } handle })
        {
            return null;
        }

        raw.sqlite3_db_status(handle, raw.SQLITE_DBSTATUS_CACHE_HIT, out var hits, out _, 0);
        raw.sqlite3_db_status(handle, raw.SQLITE_DBSTATUS_CACHE_MISS, out var misses, out _, 0);
        return (long)hits + misses;
    }
}
