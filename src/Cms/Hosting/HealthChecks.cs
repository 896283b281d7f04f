using Cms.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cms.Hosting;

/// <summary>
/// <c>/health/live</c>: the process answers (no check runs, so a database outage never gets a live node
/// restarted). <c>/health/ready</c>: set up, schema up to date, database answering; 503 otherwise, so a load
/// balancer sends readers elsewhere. Both answer only Healthy or Unhealthy, never why (that goes to the log),
/// and are never cached.
/// </summary>
public static class HealthChecks
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddCmsHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<SchemaState>();
        services.AddHealthChecks()
            .AddCheck<SetupHealthCheck>("setup", tags: [ReadyTag])
            .AddCheck<SchemaHealthCheck>("schema", tags: [ReadyTag])
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    /// <summary>Early in the pipeline: before the setup gate (a site waiting for setup is live, not ready) and the database.</summary>
    public static WebApplication UseCmsHealthChecks(this WebApplication app)
    {
        // Made now, before an unattended setup runs at start, so it hears that setup has created the schema.
        app.Services.GetRequiredService<SchemaState>();
        app.UseHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.UseHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}

/// <summary>
/// Whether this process has brought the schema up to this build's: at start (tables, columns, the features'
/// data migrations) or by setup, which creates it. A site that cannot reach its database at start stops
/// there, so a running site that is set up has an up-to-date schema unless that step failed.
/// </summary>
public sealed class SchemaState
{
    private volatile bool _upToDate;

    public SchemaState(ShellSettingsStore shell) => shell.SetUpCompleted += MarkUpToDate;

    public bool UpToDate => _upToDate;

    public void MarkUpToDate() => _upToDate = true;
}

public sealed class SetupHealthCheck(ShellSettingsStore shell) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Task.FromResult(shell.IsSetUp ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The site is not set up."));
}

public sealed class SchemaHealthCheck(ShellSettingsStore shell, SchemaState schema) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Task.FromResult(!shell.IsSetUp || schema.UpToDate
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database schema has not been brought up to this build's."));
}

/// <summary>One round trip on a connection of the site's own pool, without the retrying strategy: a probe must not wait.</summary>
public sealed class DatabaseHealthCheck(ShellSettingsStore shell, IServiceScopeFactory scopes, DatabaseAvailability availability) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!shell.IsSetUp)
        {
            return HealthCheckResult.Unhealthy("The site has no database until it is set up.");
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var connection = db.Database.GetDbConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            availability.ReportSuccess();
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException or System.Net.Sockets.SocketException)
        {
            availability.ReportFailure(ex);
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
