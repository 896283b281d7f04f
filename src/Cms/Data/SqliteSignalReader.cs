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
/// <remarks>
/// Even prepared, the read was 13 % of a cache miss: beginning a read transaction takes SQLite several locking
/// system calls. So the reader also remembers, per database, select and id, the value it read and the files' stamp
/// (<see cref="SqliteFileStamp"/>) taken just before, and answers from memory while the stamp is unchanged, the files'
/// last write was at least <see cref="SettledAfter"/> before that read, and the read is less than
/// <see cref="ReadAgainAfter"/> old. A commit after the read moves a file's last write past it: the kernel's file clock
/// lags the wall clock by a tick (milliseconds), far less than <see cref="SettledAfter"/>. So a commit by this
/// process, the command line or another node on the same file is seen by the next request, as before. The clock here
/// is the machine's, never a test's: it is compared with the file system's.
/// </remarks>
public sealed class SqliteSignalReader : IDisposable
{
    /// <summary>Connections kept per database: one per request read at the same moment, which a read's few microseconds keep low.</summary>
    public const int KeptConnections = 4;

    /// <summary>How long before a read its files must have been last written for the read to be answered again from memory.</summary>
    public static readonly TimeSpan SettledAfter = TimeSpan.FromSeconds(2);

    /// <summary>A value remembered this long is read again whatever the stamp says: a bound on anything a stamp could miss.</summary>
    public static readonly TimeSpan ReadAgainAfter = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(string ConnectionString, string Select), ConcurrentBag<Held>> _held = new();
    private readonly ConcurrentDictionary<string, SqliteFiles?> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string ConnectionString, string Select, string Id), Remembered> _remembered = new();
    private long _databaseReads;
    private volatile bool _disposed;

    public SqliteSignalReader() => SqlitePools.Cleared += Clear;

    /// <summary>The connections open now (kept between reads), for the tests.</summary>
    public int OpenConnections => _held.Values.Sum(bag => bag.Count);

    /// <summary>How many reads went to the database (the others were answered from memory), for the tests.</summary>
    public long DatabaseReads => Interlocked.Read(ref _databaseReads);

    /// <summary>The value <paramref name="select"/> (one parameter, <c>$id</c>) returns for <paramref name="id"/>, or -1 when none.</summary>
    public long Read(string connectionString, string select, string id)
    {
        var files = _files.GetOrAdd(connectionString, SqliteFileStamp.FilesOf);
        if (files is null)
        {
            return ReadDatabase(connectionString, select, id);
        }

        var generation = SqlitePools.Generation;
        var started = DateTime.UtcNow;
        var stamp = SqliteFileStamp.Of(files);
        var key = (connectionString, select, id);
        if (_remembered.TryGetValue(key, out var known) && known.Generation == generation && known.Stamp == stamp
            && known.Stamp.LastWritten <= known.ReadAt - SettledAfter && started - known.ReadAt < ReadAgainAfter && started >= known.ReadAt)
        {
            return known.Value;
        }

        var value = ReadDatabase(connectionString, select, id);
        _remembered[key] = new Remembered(value, stamp, started, generation);
        return value;
    }

    private long ReadDatabase(string connectionString, string select, string id)
    {
        Interlocked.Increment(ref _databaseReads);
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
        _remembered.Clear();
        foreach (var bag in _held.Values)
        {
            while (bag.TryTake(out var held))
            {
                held.Dispose();
            }
        }
    }

    /// <summary>A value read, the files' stamp taken before it, and when (the machine's clock, before the stamp).</summary>
    private sealed record Remembered(long Value, SqliteFileStamp Stamp, DateTime ReadAt, int Generation);

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
