using Cms.Data;
using Cms.Hosting;
using Cms.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Cli;

/// <summary>
/// What every verb shares: where to write, and the site's services, built on first use (help and
/// bad arguments never build them) and disposed at the end.
/// </summary>
public sealed class CliContext(WebApplicationBuilder builder, TextWriter output, TextWriter error) : IAsyncDisposable
{
    private WebApplication? _app;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public IServiceProvider Services => (_app ??= builder.Build()).Services;

    /// <summary>Writes "error: ..." to stderr and returns the exit code, so a verb can end with <c>return context.Fail(...)</c>.</summary>
    public int Fail(int exitCode, string message)
    {
        Error.WriteLine($"error: {message}");
        return exitCode;
    }

    /// <summary>
    /// A scope of the set-up site's services, or null (with the reason written to stderr) when there
    /// is no site to work on: not set up, or its database is missing or unreachable. With
    /// <paramref name="migrate"/> the schema is upgraded and the enabled features' pending
    /// migrations run first, as when the web site starts, so a verb that writes works on an
    /// up-to-date site (a read-only verb or a dry run writes nothing at all).
    /// </summary>
    public async Task<IServiceScope?> OpenSiteAsync(bool migrate = false)
    {
        var shell = Services.GetRequiredService<ShellSettingsStore>();
        if (!shell.IsSetUp || shell.Current is not { } settings)
        {
            Fail(CliExit.Environment, $"the site is not set up (data folder {shell.AppDataPath}); run 'setup' first.");
            return null;
        }

        if (settings.DatabaseProvider == SiteShellSettings.Sqlite
            && new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource is { Length: > 0 } file
            && file != ":memory:" && !File.Exists(file))
        {
            Fail(CliExit.Environment, $"the site's database file {file} does not exist.");
            return null;
        }

        var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        string? problem;
        try
        {
            problem = !await db.Database.CanConnectAsync() ? "the site's database cannot be reached."
                : !await DatabaseSchema.TableExistsAsync(db, DatabaseSchema.TableOf<DocumentRecord>(db)) ? "the site's database has no site tables."
                : null;
        }
        catch (System.Data.Common.DbException ex)
        {
            problem = $"the site's database cannot be reached: {ex.Message}";
        }

        if (problem is not null)
        {
            scope.Dispose();
            Fail(CliExit.Environment, problem);
            return null;
        }

        if (migrate)
        {
            await scope.ServiceProvider.GetRequiredService<SchemaCheck>().EnsureUpToDateAsync();
        }

        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
