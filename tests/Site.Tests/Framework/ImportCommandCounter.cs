using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Site.Tests.Framework;

/// <summary>
/// Counts the queries (SELECT and WITH commands), the saves (SaveChanges calls) and every command sent through EF
/// Core (queries, saves' statements, raw SQL) of the work a test wraps in <see cref="MeasureAsync{T}"/>, whatever
/// else the site does meanwhile. The importer's SQLite rows go through one prepared command of its own, re-executed
/// in the process (no round trip), and on PostgreSQL one binary COPY per table and batch; EF sees neither.
/// </summary>
public sealed class ImportCommandCounter : DbCommandInterceptor, ISaveChangesInterceptor
{
    private static readonly AsyncLocal<Tally?> s_current = new();

    public sealed class Tally
    {
        private int _queries, _saves, _commands;

        public int Queries => Volatile.Read(ref _queries);

        /// <summary>Every command EF Core sent: each is a round trip on PostgreSQL.</summary>
        public int Commands => Volatile.Read(ref _commands);

        public void Command() => Interlocked.Increment(ref _commands);

        public int Saves => Volatile.Read(ref _saves);

        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _texts = new();

        /// <summary>The commands whose text holds <paramref name="part"/>.</summary>
        public int CommandsHolding(string part) => _texts.Count(t => t.Contains(part, StringComparison.Ordinal));

        public void Text(string text) => _texts.Enqueue(text);

        public void Query() => Interlocked.Increment(ref _queries);

        public void Save() => Interlocked.Increment(ref _saves);
    }

    public static async Task<(T Result, Tally Tally)> MeasureAsync<T>(Func<Task<T>> work)
    {
        var tally = new Tally();
        s_current.Value = tally;
        try
        {
            return (await work(), tally);
        }
        finally
        {
            s_current.Value = null;
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        CountQuery(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        CountQuery(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        CountQuery(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (s_current.Value is { } tally)
        {
            tally.Save();
        }

        return ValueTask.FromResult(result);
    }

    private static void CountQuery(DbCommand command)
    {
        if (s_current.Value is not { } tally)
        {
            return;
        }

        tally.Command();
        tally.Text(command.CommandText);
        var text = command.CommandText.TrimStart();
        if ((text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("WITH", StringComparison.OrdinalIgnoreCase)))
        {
            tally.Query();
        }
    }
}
