using Cms.Data;
using Cms.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cms.Tests.Hosting;

/// <summary>
/// Issue 12, point 4: the idle trim gives back what a load left behind, including the SQLite connections the pool
/// would otherwise keep open (each with its page cache) for minutes after a burst.
/// </summary>
// In the collection of the tests that count SQLite reads: its trim calls SqlitePools.ClearAll, which they must not see mid-test.
[Collection(nameof(SqlitePools))]
public sealed class IdleMemoryTrimTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("idle-trim-").FullName;

    [Fact]
    public void Trim_ClosesThePooledSqliteConnections_AndTheNextOpenStillWorks()
    {
        var file = Path.Combine(_folder, "pooled.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
        for (var i = 0; i < 3; i++)
        {
            // Three at once: what a burst of three concurrent requests leaves in the pool.
            using var a = Open(connectionString);
            using var b = Open(connectionString);
            using var c = Open(connectionString);
        }

        Assert.Equal(3, OpenHandlesTo(file));

        IdleMemoryTrim.Trim(NullLogger.Instance);

        Assert.Equal(0, OpenHandlesTo(file));
        using var again = Open(connectionString);
        Assert.Equal(1, OpenHandlesTo(file));
    }

    [Fact]
    public void NativeHeapTrim_RunsOnLinux()
    {
        // The answer says whether pages went back, which depends on the process; that it runs without a missing entry point
        // is what this checks (glibc's malloc_trim is there on the machines the site runs on).
        var exception = Record.Exception(() => NativeHeap.Trim());

        Assert.Null(exception);
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    // The file descriptors this process holds on the database file: one per open native connection (Linux's /proc).
    private static int OpenHandlesTo(string file)
        => new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Count(fd => fd.LinkTarget == file);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
