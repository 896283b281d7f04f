using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cms.Hosting;

/// <summary>Tells <see cref="DatabaseAvailability"/> how each command and connection attempt went.</summary>
public sealed class DatabaseAvailabilityInterceptor(DatabaseAvailability availability) : DbCommandInterceptor, IDbConnectionInterceptor
{
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        availability.ReportSuccess();
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        availability.ReportSuccess();
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        availability.ReportSuccess();
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        availability.ReportSuccess();
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        availability.ReportSuccess();
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        availability.ReportSuccess();
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => availability.ReportFailure(eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        availability.ReportFailure(eventData.Exception);
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => availability.ReportFailure(eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        availability.ReportFailure(eventData.Exception);
        return Task.CompletedTask;
    }
}
