using Microsoft.Data.Sqlite;

namespace Cms.Data;

/// <summary>
/// What the file system says of a SQLite database's two files (the database and its write-ahead log): each one's last
/// write (a missing file's reads as 1601). A commit by any connection of any process writes one of them, so the kernel
/// moves its last write, and an unchanged stamp means nothing was committed since, unless the commit fell in the same
/// tick of the kernel's coarse file clock as the stamp's last write. <see cref="SqliteSignalReader"/> only trusts a
/// stamp whose last write was well before it looked (<see cref="SqliteSignalReader.SettledAfter"/>), which rules that
/// case out; lengths would add nothing to that rule, and asking a <see cref="FileInfo"/> for one also works out the
/// file's attributes (more system calls).
/// </summary>
public readonly record struct SqliteFileStamp(DateTime DatabaseWritten, DateTime LogWritten)
{
    /// <summary>The later of the two files' last writes.</summary>
    public DateTime LastWritten => DatabaseWritten > LogWritten ? DatabaseWritten : LogWritten;

    /// <summary>Two <c>lstat</c> calls: the database file and its log.</summary>
    public static SqliteFileStamp Of(SqliteFiles files)
        => new(File.GetLastWriteTimeUtc(files.Database), File.GetLastWriteTimeUtc(files.Log));

    /// <summary>The files a connection string opens, or null for a database in memory.</summary>
    public static SqliteFiles? FilesOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source) || source == ":memory:"
            || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var database = Path.GetFullPath(source);
        return new SqliteFiles(database, database + "-wal");
    }
}

/// <summary>A SQLite database's file and its write-ahead log beside it (<c>-wal</c>), full paths.</summary>
public sealed record SqliteFiles(string Database, string Log);
