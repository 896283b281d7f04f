using Cms.Data;
using Cms.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Modules.Comments.Models;
using Npgsql;

namespace Site.Tests.Reliability;

/// <summary>
/// The database of a site that runs in another process (or not at all), read through the site's own model:
/// a host built on the same data folder, never started.
/// </summary>
public sealed class SiteStore : IAsyncDisposable
{
    private readonly WebApplication _host;

    public SiteStore(string appData)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = appData });
        builder.Configuration["Cms:AppData"] = appData;
        builder.Logging.ClearProviders();
        builder.AddCms();
        _host = builder.Build();
    }

    public SiteShellSettings Shell => _host.Services.GetRequiredService<ShellSettingsStore>().Current
        ?? throw new InvalidOperationException("The site is not set up.");

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = _host.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>How many times each comment of a load run is stored, by its token.</summary>
    public Task<Dictionary<string, int>> CommentTokensAsync(string runId) => InScopeAsync(async sp =>
    {
        var texts = await sp.GetRequiredService<CmsDbContext>().Set<Comment>().AsNoTracking()
            .Where(c => c.Markdown.Contains(runId)).Select(c => c.Markdown).ToListAsync();
        return texts.Select(t => t.Split(' ')[1].TrimEnd(':')).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    });

    /// <summary>SQLite's own check of every page, index and constraint: "ok" when the file is sound.</summary>
    public async Task<string> IntegrityCheckAsync()
    {
        await using var connection = new SqliteConnection(Shell.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join("\n", lines);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }
}
