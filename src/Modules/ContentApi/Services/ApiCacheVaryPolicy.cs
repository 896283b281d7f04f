using Microsoft.AspNetCore.OutputCaching;

namespace Modules.ContentApi.Services;

/// <summary>
/// A cached API answer is kept per allowed origin (and once for every other), since it carries that origin's CORS
/// header; and per version asked for, where any value but the two the API reads shares one key (its 400 is never cached).
/// </summary>
public sealed class ApiCacheVaryPolicy(ApiCors cors) : IOutputCachePolicy
{
    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.CacheVaryByRules.VaryByValues["origin"] = cors.AllowedOrigin(context.HttpContext) ?? "";
        var version = context.HttpContext.Request.Query["version"].ToString();
        context.CacheVaryByRules.VaryByValues["version"] = version is "" or "published" or "latest" ? version : "?";
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
