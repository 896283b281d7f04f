using System.Collections.Concurrent;
using System.Diagnostics;
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
/// <para>
/// The stamp itself (two <c>lstat</c> calls) was then 7 % of a cache miss: system calls are dear on this machine. So
/// one stamp serves every read of the next <see cref="StampKeptFor"/> (a millisecond): a commit by another process
/// is seen at most that much later, less than a command takes to exit after its commit. This process's own moves of
/// the signal are told at once (<see cref="SignalMoved"/>, called after the public pages' signal is bumped): the next
/// read takes a new stamp, so a change is seen by the request after it, as before.
/// </para>
/// </remarks>
public sealed class SqliteSignalReader : IDisposable
{
    /// <summary>Connections kept per database: one per request read at the same moment, which a read's few microseconds keep low.</summary>
    public const int KeptConnections = 4;

    /// <summary>How long before a read its files must have been last written for the read to be answered again from memory.</summary>
    public static readonly TimeSpan SettledAfter = TimeSpan.FromSeconds(2);

    /// <summary>A value remembered this long is read again whatever the stamp says: a bound on anything a stamp could miss.</summary>
    public static readonly TimeSpan ReadAgainAfter = TimeSpan.FromSeconds(1);

    /// <summary>How long one stamp of a database's files serves the reads after it (unless this process moved a signal since).</summary>
    public static readonly TimeSpan StampKeptFor = TimeSpan.FromMilliseconds(1);

    // Moved by SignalMoved: a stamp taken before this process's last move of a signal is not used again.
    private static long s_signalMoves;

    private readonly ConcurrentDictionary<(string ConnectionString, string Select), ConcurrentBag<Held>> _held = new();
    private readonly ConcurrentDictionary<string, FilesWatch?> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string ConnectionString, string Select, string Id), Remembered> _remembered = new();
    private long _databaseReads;
    private volatile bool _disposed;

    private readonly long _stampKeptFor;

    /// <param name="stampKeptFor">How long one stamp serves (<see cref="StampKeptFor"/> unless given; zero: a stamp per read).</param>
    public SqliteSignalReader(TimeSpan? stampKeptFor = null)
    {
        _stampKeptFor = (long)((stampKeptFor ?? StampKeptFor).TotalSeconds * Stopwatch.Frequency);
        SqlitePools.Cleared += Clear;
    }

    /// <summary>
    /// This process has just committed a move of a signal's version: every reader's next read takes a new stamp of the
    /// files instead of one taken before (so the move is seen by the next request, however soon it comes).
    /// </summary>
    public static void SignalMoved() => Interlocked.Increment(ref s_signalMoves);

    /// <summary>The connections open now (kept between reads), for the tests.</summary>
    public int OpenConnections => _held.Values.Sum(bag => bag.Count);

    /// <summary>How many reads went to the database (the others were answered from memory), for the tests.</summary>
    public long DatabaseReads => Interlocked.Read(ref _databaseReads);

    /// <summary>The value <paramref name="select"/> (one parameter, <c>$id</c>) returns for <paramref name="id"/>, or -1 when none.</summary>
    public long Read(string connectionString, string select, string id)
    {
        var files = _files.GetOrAdd(connectionString, static connectionString => SqliteFileStamp.FilesOf(connectionString) is { } files ? new FilesWatch(files) : null);
        if (files is null)
        {
            return ReadDatabase(connectionString, select, id);
        }

        var generation = SqlitePools.Generation;
        var started = DateTime.UtcNow;
        var stamp = files.Stamp(_stampKeptFor);
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
        foreach (var files in _files.Values)
        {
            files?.Forget();
        }

        foreach (var bag in _held.Values)
        {
            while (bag.TryTake(out var held))
            {
                held.Dispose();
            }
        }
    }

    /// <summary>A database's files and the last stamp taken of them, which serves the reads of the next moments.</summary>
    private sealed class FilesWatch(SqliteFiles files)
    {
        private volatile Taken? _last;

        /// <summary>The last stamp if it is younger than <paramref name="keptFor"/> (stopwatch ticks) and no signal moved since; else a new one.</summary>
        public SqliteFileStamp Stamp(long keptFor)
        {
            var now = Stopwatch.GetTimestamp();
            var moves = Interlocked.Read(ref s_signalMoves);
            if (_last is { } last && last.Moves == moves && now - last.At < keptFor && now >= last.At)
            {
                return last.Stamp;
            }

            var stamp = SqliteFileStamp.Of(files);
            _last = new Taken(stamp, now, moves);
            return stamp;
        }

        public void Forget() => _last = null;

        // The time is taken before the stamp: a stamp is never younger than it says.
        private sealed record Taken(SqliteFileStamp Stamp, long At, long Moves);
    }

    /// <summary>A value read, the files' stamp taken before it (a shared one at most <see cref="StampKeptFor"/> before), and when (the machine's clock, just before the read).</summary>
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
