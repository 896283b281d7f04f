using Cms.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Data;

/// <summary>
/// The site's <see cref="DbContextOptions{CmsDbContext}"/>, built once per database the site uses rather than once per
/// request. EF Core's own registration builds options for every context: a profile of the cache-miss post showed that
/// (its warning tables, the provider's extensions and EF's lookup of its internal services by them) among the costs of
/// every page. The options follow <see cref="ShellSettingsStore.Current"/>: settings put in use again (setup, a move
/// between databases) are new settings, and build new options.
/// </summary>
public sealed class CmsDbContextOptionsCache(IServiceProvider services, ShellSettingsStore shell)
{
    private Built? _built;

    public DbContextOptions<CmsDbContext> Options
    {
        get
        {
            var current = shell.Current ?? throw new InvalidOperationException("The site is not set up yet: it has no database.");
            var built = _built;
            if (built is null || !ReferenceEquals(built.Shell, current))
            {
                built = new Built(current, Build(current));
                _built = built;
            }

            return built.Options;
        }
    }

    private DbContextOptions<CmsDbContext> Build(SiteShellSettings current)
    {
        var options = new DbContextOptionsBuilder<CmsDbContext>();
        options.UseApplicationServiceProvider(services);
        if (current.DatabaseProvider == SiteShellSettings.Postgres)
        {
            // Reads retry through a brief outage; writes never do (see ReadRetryingExecutionStrategy).
            var availability = services.GetRequiredService<DatabaseAvailability>();
            options.UseNpgsql(current.ConnectionString, npgsql => npgsql.ExecutionStrategy(d => new ReadRetryingExecutionStrategy(d, availability)));
        }
        else
        {
            options.UseSqlite(current.ConnectionString);
        }

        options.ReplaceService<IModelCacheKeyFactory, TablePrefixModelCacheKeyFactory>();
        if (services.GetService<CompiledSiteModels>()?.For(current) is { } compiled)
        {
            options.UseModel(compiled);
        }

        // Interceptors registered by the host (metrics, tests counting queries) see every command.
        options.AddInterceptors(services.GetServices<IInterceptor>());
        return options.Options;
    }

    private sealed record Built(SiteShellSettings Shell, DbContextOptions<CmsDbContext> Options);
}
