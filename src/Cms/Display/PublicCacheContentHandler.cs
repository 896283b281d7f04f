using Cms.Content;
using Cms.Data;

namespace Cms.Display;

/// <summary>Evicts public pages once a change that readers can see has committed.</summary>
public sealed class PublicCacheContentHandler(CmsDbContext db, IPublicCache cache) : IContentHandler
{
    public Task ChangedAsync(ContentChange change)
    {
        if (change.PublicChanged)
        {
            db.AfterCommit(cache.EvictAllAsync);
        }

        return Task.CompletedTask;
    }
}
