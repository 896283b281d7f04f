using Cms.Data;
using Microsoft.Data.Sqlite;

namespace Cms.Tests.Data;

/// <summary>
/// Issue 12 point 1: the public pages' version is read with a statement prepared once on a connection kept for it. It
/// still reads what was committed last (by this process or another), keeps at most a few connections, and after
/// <see cref="SqlitePools.ClearAll"/> (a restore replacing the file) reads the new file, never the old one.
/// </summary>
// Not beside IdleMemoryTrimTests: its SqlitePools.ClearAll would add a read to the counts asserted here.
[Collection(nameof(SqlitePools))]
public sealed class SqliteSignalReaderTests : IDisposable
{
    private const string Select = "SELECT \"Version\" FROM \"Documents\" WHERE \"Id\" = $id";

    // A stamp of the files for every read: these tests commit and read again within the default millisecond.
    private static readonly TimeSpan s_everyRead = TimeSpan.Zero;
    private readonly string _folder = Directory.CreateTempSubdirectory("signal-reader-").FullName;

    [Fact]
    public void ReadsTheLastCommittedVersion_OnOneKeptConnection()
    {
        var file = Database("site.db", version: 3);
        using var reader = new SqliteSignalReader(s_everyRead);

        Assert.Equal(3, reader.Read(ConnectionString(file), Select, "signal"));
        Execute(file, "UPDATE \"Documents\" SET \"Version\" = 4 WHERE \"Id\" = 'signal'");
        Assert.Equal(4, reader.Read(ConnectionString(file), Select, "signal"));
        Assert.Equal(-1, reader.Read(ConnectionString(file), Select, "no such signal"));
        Assert.Equal(1, reader.OpenConnections);
    }

    [Fact]
    public void WhileTheFilesAreUnchanged_AndSettled_TheValueComesFromMemory_AndACommitIsSeenAtOnce()
    {
        var file = Database("site.db", version: 3);
        using var reader = new SqliteSignalReader(s_everyRead);
        Assert.Equal(3, reader.Read(ConnectionString(file), Select, "signal"));

        // Files last written a minute ago: settled. The next read takes their stamp, the one after is answered from it.
        Settle(file);
        Assert.Equal(3, reader.Read(ConnectionString(file), Select, "signal"));
        Assert.Equal(2, reader.DatabaseReads);
        Assert.Equal(3, reader.Read(ConnectionString(file), Select, "signal"));
        Assert.Equal(3, reader.Read(ConnectionString(file), Select, "signal"));
        Assert.Equal(2, reader.DatabaseReads);

        // Another connection (the command line, another node) commits: the log's last write moves, the next read sees it.
        Execute(file, "UPDATE \"Documents\" SET \"Version\" = 4 WHERE \"Id\" = 'signal'");
        Assert.Equal(4, reader.Read(ConnectionString(file), Select, "signal"));
        Assert.Equal(3, reader.DatabaseReads);
    }

    [Fact]
    public void OneStampServesTheReadsAfterIt_UntilThisProcessMovesASignal()
    {
        var file = Database("site.db", version: 3);
        using var reader = new SqliteSignalReader(TimeSpan.FromMinutes(1));
        Assert.Equal(3, reader.Read(ConnectionString(file), Select, "signal"));

        // The files settle, and this process says it moved a signal: the next read takes a new (settled) stamp.
        Settle(file);
        SqliteSignalReader.SignalMoved();
        Assert.Equal(3, reader.Read(ConnectionString(file), Select, "signal"));
        Assert.Equal(3, reader.Read(ConnectionString(file), Select, "signal"));
        Assert.Equal(2, reader.DatabaseReads);

        // Another connection commits: while the stamp serves (here a minute; in the site a millisecond) it is not seen...
        Execute(file, "UPDATE \"Documents\" SET \"Version\" = 4 WHERE \"Id\" = 'signal'");
        Assert.Equal(3, reader.Read(ConnectionString(file), Select, "signal"));
        Assert.Equal(2, reader.DatabaseReads);

        // ...until this process moves a signal (its own commits say so at once), or the stamp is older than its time.
        SqliteSignalReader.SignalMoved();
        Assert.Equal(4, reader.Read(ConnectionString(file), Select, "signal"));
        Assert.Equal(3, reader.DatabaseReads);
    }

    [Fact]
    public void AStampOlderThanItsTime_IsTakenAgain_AndACommitIsSeen()
    {
        var keptFor = TimeSpan.FromMilliseconds(50);
        var file = Database("site.db", version: 3);
        using var reader = new SqliteSignalReader(keptFor);
        Assert.Equal(3, reader.Read(ConnectionString(file), Select, "signal"));
        Settle(file);
        Thread.Sleep(keptFor * 2);
        Assert.Equal(3, reader.Read(ConnectionString(file), Select, "signal"));

        Execute(file, "UPDATE \"Documents\" SET \"Version\" = 4 WHERE \"Id\" = 'signal'");
        Thread.Sleep(keptFor * 2);

        Assert.Equal(4, reader.Read(ConnectionString(file), Select, "signal"));
        Assert.Equal(3, reader.DatabaseReads);
    }

    [Fact]
    public void FilesWrittenJustNow_AreReadEveryTime()
    {
        // A commit in the same tick of the kernel's file clock could leave the stamp as it was: only settled files are trusted.
        var file = Database("site.db", version: 5);
        using var reader = new SqliteSignalReader(s_everyRead);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(5, reader.Read(ConnectionString(file), Select, "signal"));
        }

        Assert.Equal(3, reader.DatabaseReads);
    }

    [Fact]
    public void ARememberedValue_IsReadAgainAfterASecond_WhateverTheStamp()
    {
        var file = Database("site.db", version: 6);
        using var reader = new SqliteSignalReader(s_everyRead);
        ReadSettled(reader, file);
        Assert.Equal(2, reader.DatabaseReads);

        Thread.Sleep(SqliteSignalReader.ReadAgainAfter + TimeSpan.FromMilliseconds(100));

        Assert.Equal(6, reader.Read(ConnectionString(file), Select, "signal"));
        Assert.Equal(3, reader.DatabaseReads);
    }

    [Fact]
    public void AfterClearAll_TheRememberedValueIsForgotten()
    {
        var file = Database("site.db", version: 1);
        using var reader = new SqliteSignalReader(s_everyRead);
        ReadSettled(reader, file);

        SqlitePools.ClearAll();

        reader.Read(ConnectionString(file), Select, "signal");
        Assert.Equal(3, reader.DatabaseReads);
    }

    [Fact]
    public async Task ManyReadsAtOnce_KeepAtMostAFewConnections()
    {
        var file = Database("site.db", version: 7);
        using var reader = new SqliteSignalReader(s_everyRead);

        var values = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => reader.Read(ConnectionString(file), Select, "signal"))));

        Assert.All(values, v => Assert.Equal(7, v));
        Assert.InRange(reader.OpenConnections, 1, SqliteSignalReader.KeptConnections);
    }

    [Fact]
    public void AfterClearAll_AReplacedFileIsRead_NotTheOldOne()
    {
        var file = Database("site.db", version: 1);
        using var reader = new SqliteSignalReader(s_everyRead);
        Assert.Equal(1, reader.Read(ConnectionString(file), Select, "signal"));

        // A restore: the backup's file takes the database's place.
        var restored = Database("restored.db", version: 9);
        SqlitePools.ClearAll();
        Assert.Equal(0, reader.OpenConnections);
        File.Move(restored, file, overwrite: true);

        Assert.Equal(9, reader.Read(ConnectionString(file), Select, "signal"));
    }

    [Fact]
    public void Dispose_ClosesTheKeptConnections()
    {
        var file = Database("site.db", version: 2);
        var reader = new SqliteSignalReader(s_everyRead);
        reader.Read(ConnectionString(file), Select, "signal");

        reader.Dispose();

        Assert.Equal(0, reader.OpenConnections);
        File.Delete(file); // nothing holds it
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Two reads, the files settled between them: the second's stamp is one the next read may answer from.</summary>
    private static void ReadSettled(SqliteSignalReader reader, string file)
    {
        reader.Read(ConnectionString(file), Select, "signal");
        Settle(file);
        reader.Read(ConnectionString(file), Select, "signal");
    }

    private static void Settle(string file)
    {
        var aMinuteAgo = DateTime.UtcNow.AddMinutes(-1);
        File.SetLastWriteTimeUtc(file, aMinuteAgo);
        File.SetLastWriteTimeUtc(file + "-wal", aMinuteAgo);
    }

    private static string ConnectionString(string file) => new SqliteConnectionStringBuilder { DataSource = file }.ToString();

    private string Database(string name, long version)
    {
        var file = Path.Combine(_folder, name);
        Execute(file, "PRAGMA journal_mode = WAL; CREATE TABLE \"Documents\" (\"Id\" TEXT PRIMARY KEY, \"Content\" TEXT, \"Version\" INTEGER)");
        Execute(file, $"INSERT INTO \"Documents\" VALUES ('signal', '{{}}', {version})");
        return file;
    }

    private static void Execute(string file, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
