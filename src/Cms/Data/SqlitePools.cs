using Microsoft.Data.Sqlite;

namespace Cms.Data;

/// <summary>
/// Closes every idle SQLite connection the process holds: Microsoft.Data.Sqlite's pool and the connections
/// <see cref="SqliteSignalReader"/> keeps its statement prepared on. A restore or a move that replaces the database
/// file, and the idle trim, call this instead of <see cref="SqliteConnection.ClearAllPools"/> alone, so that no
/// connection opened on the old file is read again.
/// </summary>
public static class SqlitePools
{
    private static int s_generation;

    /// <summary>Moves on at every <see cref="ClearAll"/>: a connection opened under an older one is closed, not reused.</summary>
    public static int Generation => Volatile.Read(ref s_generation);

    /// <summary>Raised by <see cref="ClearAll"/>, for holders of connections of their own.</summary>
    public static event Action? Cleared;

    public static void ClearAll()
    {
        Interlocked.Increment(ref s_generation);
        SqliteConnection.ClearAllPools();
        Cleared?.Invoke();
    }
}
