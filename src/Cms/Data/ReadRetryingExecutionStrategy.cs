using Cms.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Cms.Data;

/// <summary>
/// Npgsql's retrying execution strategy, kept to where a retry cannot write twice: a command that fails
/// for a transient reason (a connection broken by a server restart, a failover) is tried again only
/// when no transaction of the caller's is open and the context holds no unsaved change, that is when
/// the failed operation was a read. Writes (SaveChanges, the explicit transactions of recipes, content
/// and users) fail at once and roll back, so a comment is never stored twice because its commit's answer
/// was lost; the request answers 503 and the user sends it again. Once the database has been away for
/// <see cref="FailFastAfter"/>, reads stop retrying too, so requests answer 503 at once instead of queueing.
/// Raw SQL written outside a transaction must therefore be safe to run twice (the cache signal bumps are).
/// </summary>
public sealed class ReadRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies, DatabaseAvailability availability)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, MaxDelay, errorCodesToAdd: null)
{
    /// <summary>Three retries, 0 s, ~1 s and 1 s apart: a read waits about 2 s at most for the database to come back.</summary>
    public const int MaxRetries = 3;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan FailFastAfter = TimeSpan.FromSeconds(5);

    private DbContext Context => Dependencies.CurrentContext.Context;

    /// <summary>
    /// Inside the caller's transaction an operation runs once (<see cref="ShouldRetryOn"/> says no), where a
    /// retrying strategy would refuse the transaction: the work is repeatable only whole, by the user.
    /// (RetriesOnFailure stays as it is: EF reads it once per context to compile queries, so it must not vary.)
    /// </summary>
    protected override void OnFirstExecution()
    {
        if (Context.Database.CurrentTransaction is not null)
        {
            ExceptionsEncountered.Clear();
            return;
        }

        base.OnFirstExecution();
    }

    protected override bool ShouldRetryOn(Exception? exception)
        => Context.Database.CurrentTransaction is null
            && availability.DownFor < FailFastAfter
            && base.ShouldRetryOn(exception)
            && !Context.ChangeTracker.HasChanges();
}
