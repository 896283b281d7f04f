using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using SQLitePCL;

namespace Site.Tests.Integration;

/// <summary>
/// Measures the database work of the requests a test makes, in a unit that grows with the rows a query
/// reads and not with the machine's speed. SQLite: the virtual machine instructions its statements run
/// (a progress handler called on every instruction of the site's connections; a scan of 1,000 rows runs
/// thousands). PostgreSQL: each query the request ran is run again under EXPLAIN ANALYZE, and the rows
/// every plan node produced or filtered out are added up. Work outside a request (the cluster poller) is
/// not counted.
/// </summary>
public sealed class RowsReadMeter : DbConnectionInterceptor, IDbCommandInterceptor
{
    private static readonly HttpContextAccessor s_requests = new();
    private readonly Lock _lock = new();
    private readonly List<NpgsqlCommand> _postgresQueries = [];
    private long _sqliteSteps;

    public void Reset()
    {
        Interlocked.Exchange(ref _sqliteSteps, 0);
        lock (_lock)
        {
            _postgresQueries.Clear();
        }
    }

    /// <summary>The work counted since <see cref="Reset"/>.</summary>
    public async Task<long> ReadAsync()
    {
        List<NpgsqlCommand> queries;
        lock (_lock)
        {
            queries = [.. _postgresQueries];
        }

        var rows = 0L;
        foreach (var query in queries)
        {
            rows += await ExplainRowsAsync(query);
        }

        return Interlocked.Read(ref _sqliteSteps) + rows;
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Hook(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Hook(connection);
        return Task.CompletedTask;
    }

    private void Hook(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            raw.sqlite3_progress_handler(sqlite.Handle, 1, _ =>
            {
                if (s_requests.HttpContext is not null)
                {
                    Interlocked.Increment(ref _sqliteSteps);
                }

                return 0;
            }, null);
        }
    }

    DbDataReader IDbCommandInterceptor.ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Keep(command);
        return result;
    }

    ValueTask<DbDataReader> IDbCommandInterceptor.ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken)
    {
        Keep(command);
        return ValueTask.FromResult(result);
    }

    private void Keep(DbCommand command)
    {
        if (command is NpgsqlCommand postgres && s_requests.HttpContext is not null)
        {
            var copy = new NpgsqlCommand(postgres.CommandText);
            foreach (NpgsqlParameter parameter in postgres.Parameters)
            {
                copy.Parameters.Add(parameter.Clone());
            }

            copy.Connection = new NpgsqlConnection(postgres.Connection!.ConnectionString);
            lock (_lock)
            {
                _postgresQueries.Add(copy);
            }
        }
    }

    private static async Task<long> ExplainRowsAsync(NpgsqlCommand query)
    {
        await using var connection = query.Connection!;
        await connection.OpenAsync();
        query.CommandText = "EXPLAIN (ANALYZE, FORMAT JSON) " + query.CommandText;
        var json = (string)(await query.ExecuteScalarAsync())!;
        using var plan = JsonDocument.Parse(json);
        return plan.RootElement.EnumerateArray().Sum(p => NodeRows(p.GetProperty("Plan")));
    }

    /// <summary>The rows a plan node produced and those its filters threw away, over all its loops, and its children's.</summary>
    private static long NodeRows(JsonElement node)
    {
        double Number(string name) => node.TryGetProperty(name, out var value) ? value.GetDouble() : 0;
        var loops = Math.Max(1, Number("Actual Loops"));
        var rows = (long)((Number("Actual Rows") + Number("Rows Removed by Filter") + Number("Rows Removed by Index Recheck")) * loops);
        if (node.TryGetProperty("Plans", out var children))
        {
            rows += children.EnumerateArray().Sum(NodeRows);
        }

        return rows;
    }
}
