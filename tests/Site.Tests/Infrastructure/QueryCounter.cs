using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Site.Tests.Infrastructure;

/// <summary>Counts the database commands the site runs for requests, to show pages use a bounded number of queries.</summary>
/// <remarks>Background work (the cluster poller, the link checker) runs outside any request and is not counted,
/// so a poll that lands mid-measurement cannot make a bounded page look unbounded.</remarks>
public sealed class QueryCounter : DbCommandInterceptor
{
    // The accessor's slot is an AsyncLocal shared by every instance: this sees the request the command runs for.
    private static readonly HttpContextAccessor s_requests = new();

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _commands = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// The public-pages signal's version read, once a request: on SQLite one statement outside EF Core
    /// (<c>PublicContentVersion</c>, issue 12 point 1), which this interceptor does not see; on PostgreSQL an EF Core query.
    /// </summary>
    public static int VersionRead => PostgresCluster.Enabled ? 1 : 0;

    /// <summary>The text of each command counted since the last <see cref="Reset"/>, for a failure to say which ran.</summary>
    public IReadOnlyList<string> Commands => [.. _commands];

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        _commands.Clear();
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        CountIfInRequest(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        CountIfInRequest(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        CountIfInRequest(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void CountIfInRequest(DbCommand command)
    {
        if (s_requests.HttpContext is not null)
        {
            Interlocked.Increment(ref _count);
            _commands.Enqueue(command.CommandText);
        }
    }
}
