using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Display;

/// <summary>
/// Asks the in-process output cache, before a page is rendered, whether it will keep the page
/// (<see cref="BoundedOutputCacheStore.AdmitsNewPage"/>); when it will not, the page is not buffered for it. The output
/// cache otherwise copies every page it may store into a buffer of its own as it is written, then serialises it into
/// another, only for a full store to turn it away: on a cache miss that was half the bytes the request allocated and
/// a tenth of its CPU (issue 12 point 1; bench/README.md).
/// </summary>
/// <remarks>
/// Runs just inside the output cache: its context is then known to have missed and to be about to buffer. The
/// address is the request's method, path (as the output cache, regardless of case) and the values of the query keys
/// and vary-by values the page's policy varies by: "/?utm=1" and "/?utm=2" are one address, as they are one cache
/// entry. With Redis the store keeps what it is given and nothing is asked.
/// </remarks>
public static class OutputCacheAdmission
{
    public static IApplicationBuilder UseOutputCacheAdmission(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetService<BoundedOutputCacheStore>() is not { } store)
        {
            return app;
        }

        return app.Use(next => context =>
        {
            if (context.Features.Get<IOutputCacheFeature>()?.Context is { AllowCacheStorage: true } cache
                && !store.AdmitsNewPage(AddressHash(cache)))
            {
                cache.AllowCacheStorage = false;
            }

            return next(context);
        });
    }

    /// <summary>The hash of what tells this page's cache entry from another's, headers aside.</summary>
    private static int AddressHash(OutputCacheContext cache)
    {
        var request = cache.HttpContext.Request;
        var hash = new HashCode();
        hash.Add(request.Method, StringComparer.Ordinal);
        hash.Add(request.PathBase.Value ?? "", StringComparer.OrdinalIgnoreCase);
        hash.Add(request.Path.Value ?? "", StringComparer.OrdinalIgnoreCase);
        var rules = cache.CacheVaryByRules;
        hash.Add(rules.CacheKeyPrefix, StringComparer.Ordinal);
        foreach (var key in rules.QueryKeys)
        {
            if (key == "*")
            {
                hash.Add(request.QueryString.Value, StringComparer.Ordinal);
                break;
            }

            hash.Add(key, StringComparer.OrdinalIgnoreCase);
            foreach (var value in request.Query[key!])
            {
                hash.Add(value, StringComparer.Ordinal);
            }
        }

        foreach (var (name, value) in rules.VaryByValues)
        {
            hash.Add(name, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
