using Cms.Display;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Site.Tests.Infrastructure;

namespace Site.Tests.Operations;

/// <summary>
/// A site with a 1 MiB output cache that varies by "nocache" (as the bench's sites do), whose output cache middleware's
/// log is kept: what it did with each request (looked up and missed, stored, not stored) is read from it.
/// </summary>
public sealed class OutputCacheLoggedSite : SiteFactory
{
    public const string OutputCacheCategory = "Microsoft.AspNetCore.OutputCaching.OutputCacheMiddleware";

    public OutputCacheLoggedSite()
    {
        Settings[PublicCacheLimits.SizeLimitKey] = "1";
        Settings[PublicCacheQueryKeyExtensions.ConfigurationKey] = "nocache";
    }

    public LogCapture Logs { get; } = new();

    /// <summary>What the output cache did with each page it rendered since the last clear, in order.</summary>
    public string[] CacheOutcomes() => Events("ResponseCached", "ResponseNotCached");

    /// <summary>The output cache's events of these names since the last clear, in order.</summary>
    public string[] Events(params string[] names) => [.. Logs.Entries
        .Where(e => e.Category == OutputCacheCategory && names.Contains(e.EventId.Name))
        .Select(e => e.EventId.Name!)];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            logging.AddFilter<LogCapture>(OutputCacheCategory, LogLevel.Information);
        });
    }
}
