using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Cms.Data;

/// <summary>
/// Reads a signal document's version on SQLite with a statement prepared once: it keeps a few connections of its own,
/// each opened once with the SELECT prepared on it, and lends each to one read at a time. The public pages' version is
/// read on every page a reader is given (<see cref="Display.PublicContentVersion"/>); preparing the SELECT anew on a
/// pooled connection each time was 6 % of a cache miss's CPU, and the read as a whole 15 % (issue 12 point 1,
/// bench/README.md). <see cref="SqlitePools.ClearAll"/> (a restore, a move, the idle trim) closes them all.
/// </summary>
public sealed class SqliteSignalReader : IDisposable
{
    /// <summary>Connections kept per database: one per request read at the same moment, which a read's few microseconds keep low.</summary>
    public const int KeptConnections = 4;

    private readonly ConcurrentDictionary<(string ConnectionString, string Select), ConcurrentBag<Held>> _held = new();
    private volatile bool _disposed;

    public SqliteSignalReader() => SqlitePools.Cleared += Clear;

    /// <summary>The connections open now (kept between reads), for the tests.</summary>
    public int OpenConnections => _held.Values.Sum(bag => bag.Count);

    /// <summary>The value <paramref name="select"/> (one parameter, <c>$id</c>) returns for <paramref name="id"/>, or -1 when none.</summary>
    public long Read(string connectionString, string select, string id)
    {
        var bag = _held.GetOrAdd((connectionString, select), static _ => []);
        var generation = SqlitePools.Generation;
        Held? held = null;
        while (bag.TryTake(out var taken))
        {
            if (taken.Generation == generation)
            {
                held = taken;
                break;
            }

            taken.Dispose();
        }

        held ??= Held.Open(connectionString, select, generation);
        object? value;
        try
        {
            held.Id.Value = id;
            value = held.Command.ExecuteScalar();
        }
        catch
        {
            held.Dispose();
            throw;
        }

        if (!_disposed && held.Generation == SqlitePools.Generation && bag.Count < KeptConnections)
        {
            bag.Add(held);
        }
        else
        {
            held.Dispose();
        }

        return value is null or DBNull ? -1 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        _disposed = true;
        SqlitePools.Cleared -= Clear;
        Clear();
    }

    private void Clear()
    {
        foreach (var bag in _held.Values)
        {
            while (bag.TryTake(out var held))
            {
                held.Dispose();
            }
        }
    }

    /// <summary>A connection of its own (outside the pool, so closing it closes it) with the SELECT prepared on it.</summary>
    private sealed class Held(SqliteConnection connection, SqliteCommand command, SqliteParameter id, int generation) : IDisposable
    {
        public SqliteCommand Command { get; } = command;

        public SqliteParameter Id { get; } = id;

        public int Generation { get; } = generation;

        public static Held Open(string connectionString, string select, int generation)
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
            try
            {
                connection.Open();
                using (var pragma = connection.CreateCommand())
                {
                    // One row of one small table: a page cache of 64 KiB, not the default 2 MB, for each kept connection.
                    pragma.CommandText = "PRAGMA cache_size = -64";
                    pragma.ExecuteNonQuery();
                }

                var command = connection.CreateCommand();
                command.CommandText = select;
                var id = command.Parameters.Add("$id", SqliteType.Text);
                id.Value = "";
                command.Prepare();
                return new Held(connection, command, id, generation);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            Command.Dispose();
            connection.Dispose();
        }
    }
}
