using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Data;

/// <summary>
/// The <see cref="CmsDbContext"/> options, built once for the site's current database instead of once per request.
/// EF Core's <c>AddDbContext</c> builds them in every scope that makes a context (provider, warnings, interceptors):
/// on a cache miss, whose services take the context but run no EF Core query, that was a fifteenth of the page's
/// allocations (bench/README.md, "Fifth pass"). What they are built from is the shell settings (a new object when
/// setup or a database move changes them: built again then) and singletons (interceptors, availability).
/// </summary>
public sealed class KeptDbContextOptions(IServiceProvider root, ShellSettingsStore shell)
{
    // One reference, written whole: requests read it on several threads at once.
    private volatile Kept? _kept;

    public DbContextOptions<CmsDbContext> Current
    {
        get
        {
            var settings = shell.Current;
            if (_kept is { } kept && ReferenceEquals(kept.Shell, settings))
            {
                return kept.Options;
            }

            var options = Build();
            _kept = new Kept(settings, options);
            return options;
        }
    }

    /// <summary>As EF Core's <c>AddDbContext</c> builds them: the application's services, then every configuration registered.</summary>
    private DbContextOptions<CmsDbContext> Build()
    {
        var builder = new DbContextOptionsBuilder<CmsDbContext>(new DbContextOptions<CmsDbContext>());
        builder.UseApplicationServiceProvider(root);
        foreach (var configuration in root.GetServices<IDbContextOptionsConfiguration<CmsDbContext>>())
        {
            configuration.Configure(root, builder);
        }

        return builder.Options;
    }

    private sealed record Kept(SiteShellSettings? Shell, DbContextOptions<CmsDbContext> Options);
}
