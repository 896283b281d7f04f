using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cms.Telemetry;

/// <summary>
/// Adds each command's duration to the request it runs for (<see cref="RequestDatabaseTime"/>), and,
/// when a tracer listens, writes the command as a span of that request. Nothing is done when nobody listens.
/// </summary>
public sealed class DatabaseTimeInterceptor : DbCommandInterceptor
{
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(command, eventData.StartTime, eventData.Duration, failed: false);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.StartTime, eventData.Duration, failed: false);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Record(command, eventData.StartTime, eventData.Duration, failed: false);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.StartTime, eventData.Duration, failed: false);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Record(command, eventData.StartTime, eventData.Duration, failed: false);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.StartTime, eventData.Duration, failed: false);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
        => Record(command, eventData.StartTime, eventData.Duration, failed: true);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.StartTime, eventData.Duration, failed: true);
        return Task.CompletedTask;
    }

    private static void Record(DbCommand command, DateTimeOffset start, TimeSpan duration, bool failed)
    {
        RequestDatabaseTime.Add(duration);
        if (!CmsMetrics.Database.HasListeners())
        {
            return;
        }

        // The span is written once the command is done, with its real start, so it needs no state between calls.
        using var activity = CmsMetrics.Database.StartActivity("db.command", ActivityKind.Client, parentContext: default, startTime: start);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("db.system.name", command.GetType().Namespace?.StartsWith("Npgsql", StringComparison.Ordinal) == true ? "postgresql" : "sqlite");
        activity.SetTag("db.query.text", command.CommandText);
        if (failed)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }

        activity.SetEndTime(start.UtcDateTime + duration);
    }
}
