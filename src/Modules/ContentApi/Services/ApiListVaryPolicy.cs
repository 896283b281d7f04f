using Cms.Modules;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Modules.ContentApi.Services;

/// <summary>
/// A cached page of the list is kept per value of the parameters the list reads (type, q, page, pageSize, and each
/// module filter's, such as tag), in a fixed order; any other query key is served the same page, so junk keys cannot
/// fill the cache. The origin and version are varied by <see cref="ApiCacheVaryPolicy"/> beside it.
/// </summary>
public sealed class ApiListVaryPolicy : IOutputCachePolicy
{
    private static readonly string[] s_keys = ["page", "pageSize", "q", "type"];

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var filters = context.HttpContext.RequestServices.GetServices<FeatureBound<IContentListFilter>>().Select(f => f.Service.Parameter);
        context.CacheVaryByRules.QueryKeys = new StringValues(s_keys.Concat(filters).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray());
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
