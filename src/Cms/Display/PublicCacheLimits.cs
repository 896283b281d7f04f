using Microsoft.Extensions.Configuration;

namespace Cms.Display;

/// <summary>
/// How much memory the in-process output cache may hold. ASP.NET Core's defaults (100 MB in all, 64 MB a page)
/// let cache misses alone take a site past its memory target; a page of this site is 20 to 40 KB, so 8 MiB keeps the
/// 200 to 400 pages most asked for (the home page, the latest posts, their tags), and a crawler's one-off pages
/// push out only each other. 32 MiB cost about 25 MiB more under the bench's miss loads (bench/README.md).
/// With Redis the entries live in Redis and these bound nothing here.
/// </summary>
public static class PublicCacheLimits
{
    /// <summary>Cms__PublicCache__SizeLimitMiB: the cache's size in MiB.</summary>
    public const string SizeLimitKey = "Cms:PublicCache:SizeLimitMiB";

    public const int DefaultSizeLimitMiB = 8;

    /// <summary>A page larger than this is served but never stored.</summary>
    public const long MaximumBodyBytes = 1024 * 1024;

    public static long SizeLimitBytes(IConfiguration configuration)
    {
        var mib = configuration.GetValue(SizeLimitKey, DefaultSizeLimitMiB);
        if (mib < 1)
        {
            throw new InvalidOperationException($"{SizeLimitKey} must be at least 1 (MiB); it is {mib}.");
        }

        return mib * 1024L * 1024L;
    }
}
