using Cms.Data;
using Cms.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cms.Hosting;

/// <summary>What keeps the site honest under load, outages and stops: health, telemetry, database availability, graceful stop.</summary>
public static class OperationsRegistration
{
    public static WebApplicationBuilder AddCmsOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<DatabaseAvailability>();
        services.AddSingleton<IInterceptor, DatabaseAvailabilityInterceptor>();
        services.AddSingleton<IInterceptor, SqlitePragmasInterceptor>();
        services.AddCmsHealthChecks();

        // On SIGTERM (or Ctrl+C) Kestrel stops taking connections and lets requests in flight finish, up to this.
        services.AddOptions<HostOptions>().Configure<IOptions<CmsOptions>>((host, cms) => host.ShutdownTimeout = cms.Value.ShutdownTimeout);
        builder.AddCmsTelemetry();
        return builder;
    }

    /// <summary>
    /// Outermost: the outage net, then the exception handler, which renders the theme's page with 503 when
    /// the database is away (logged once by <see cref="DatabaseAvailability"/>, not once per request) and 500 otherwise.
    /// </summary>
    public static WebApplication UseCmsErrorHandling(this WebApplication app)
    {
        app.UseMiddleware<DatabaseOutageMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error/500",
                StatusCodeSelector = ex => DatabaseAvailability.IsUnavailable(ex) ? 503 : 500,
                SuppressDiagnosticsCallback = context => DatabaseAvailability.IsUnavailable(context.Exception),
            });
        }

        return app;
    }

    /// <summary>A database file brought from elsewhere (a copy, an older build) is put in WAL mode: readers never wait for the writer.</summary>
    public static async Task EnsureWriteAheadLogAsync(CmsDbContext db)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            if (!string.Equals(await command.ExecuteScalarAsync() as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                command.CommandText = "PRAGMA journal_mode=WAL";
                await command.ExecuteScalarAsync();
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
