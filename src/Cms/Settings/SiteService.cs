using Cms.Data;
using Cms.Display;

namespace Cms.Settings;

public sealed class SiteService(IDocumentStore documents, LazyDbContext db, IPublicCache publicCache) : ISiteService
{
    public Task<SiteSettings> GetAsync() => documents.GetAsync<SiteSettings>(SiteSettings.DocumentId);

    public async Task UpdateAsync(Action<SiteSettings> change)
    {
        db.Context.AfterCommit(publicCache.EvictAllAsync);
        await documents.UpdateAsync(SiteSettings.DocumentId, change);
    }
}
