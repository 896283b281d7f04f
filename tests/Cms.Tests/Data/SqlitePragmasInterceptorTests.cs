using Cms.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Cms.Tests.Data;

/// <summary>
/// Issue 12, point 4: every SQLite connection's page cache has the stated size (native memory each pooled connection
/// keeps), a deployer may change it, and a connection the pool hands out again is not set up twice.
/// </summary>
public sealed class SqlitePragmasInterceptorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sqlite-pragmas-").FullName;

    [Fact]
    public void CacheSize_Is512KiB_UnlessConfigured()
    {
        Assert.Equal(512, SqlitePragmasInterceptor.CacheSizeKiB(Configuration(null)));
        Assert.Equal(2000, SqlitePragmasInterceptor.CacheSizeKiB(Configuration("2000")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("63")]
    public void CacheSize_BelowTheFloor_IsRefused_NamingTheSetting(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SqlitePragmasInterceptor.CacheSizeKiB(Configuration(value)));

        Assert.Contains(SqlitePragmasInterceptor.CacheSizeKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOpenedConnection_GetsTheCacheSize_AndTheBusyTimeout()
    {
        var interceptor = new SqlitePragmasInterceptor(Configuration("768"));
        using var connection = Open(interceptor, "Default Timeout=7");

        Assert.Equal(-768L, Scalar(connection, "PRAGMA cache_size"));
        Assert.Equal(7000L, Scalar(connection, "PRAGMA busy_timeout"));
    }

    [Fact]
    public void APooledConnection_IsSetUpOnce_NotOnEveryOpen()
    {
        var interceptor = new SqlitePragmasInterceptor(Configuration(null));
        using (var first = Open(interceptor, ""))
        {
            // Changed behind the interceptor's back: a second set-up of the same native connection would undo this.
            Exec(first, "PRAGMA cache_size = -100");
        }

        using var again = Open(interceptor, "");

        Assert.Equal(-100L, Scalar(again, "PRAGMA cache_size"));
    }

    private SqliteConnection Open(SqlitePragmasInterceptor interceptor, string extra)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "p.db")};Pooling=True;{extra}");
        connection.Open();
        interceptor.ConnectionOpened(connection, null!);
        return connection;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static IConfiguration Configuration(string? kib)
        => new ConfigurationBuilder()
            .AddInMemoryCollection(kib is null ? [] : [new KeyValuePair<string, string?>(SqlitePragmasInterceptor.CacheSizeKey, kib)])
            .Build();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
