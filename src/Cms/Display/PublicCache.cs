using Microsoft.AspNetCore.OutputCaching;

namespace Cms.Display;

public sealed class PublicCache(IOutputCacheStore store) : IPublicCache
{
    public async Task EvictAllAsync() => await store.EvictByTagAsync(IPublicCache.Tag, CancellationToken.None);
}
