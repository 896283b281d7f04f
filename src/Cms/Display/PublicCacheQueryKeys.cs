using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Cms.Display;

/// <summary>
/// The query keys that change what a cached public page shows ("page", and those modules add, such as
/// the comment thread's "commentPage"). Cached pages vary by these alone: "/?x=1" and "/?x=2" are the
/// same page, served from one cache entry, so random query strings cannot make the site render and
/// store a page per request.
/// </summary>
public sealed class PublicCacheOptions
{
    public ISet<string> QueryKeys { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "page" };
}

public static class PublicCacheQueryKeyExtensions
{
    /// <summary>Query keys the host's configuration adds to those pages declare, separated by ';'.</summary>
    public const string ConfigurationKey = "Cms:PublicCache:QueryKeys";

    /// <summary>Declares a query key that a cached public page reads.</summary>
    public static IServiceCollection AddPublicCacheQueryKey(this IServiceCollection services, string key)
        => services.Configure<PublicCacheOptions>(options => options.QueryKeys.Add(key));

    /// <summary>
    /// The keys of <see cref="ConfigurationKey"/> (Cms__PublicCache__QueryKeys): the operator's choice, e.g. the
    /// bench's "nocache", whose every value is a page of its own, to measure what a cache miss costs.
    /// </summary>
    public static IServiceCollection AddConfiguredPublicCacheQueryKeys(this IServiceCollection services)
    {
        services.AddOptions<PublicCacheOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            foreach (var key in (configuration[ConfigurationKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                options.QueryKeys.Add(key);
            }
        });
        return services;
    }
}

/// <summary>Part of the public output-cache policy: varies the cache key by the declared query keys only.</summary>
public sealed class PublicQueryKeysPolicy(IOptions<PublicCacheOptions> options) : IOutputCachePolicy
{
    private readonly StringValues _keys = new(options.Value.QueryKeys.Order(StringComparer.OrdinalIgnoreCase).ToArray());

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.CacheVaryByRules.QueryKeys = _keys;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
