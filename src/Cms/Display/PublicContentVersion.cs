using Cms.Data;

namespace Cms.Display;

/// <summary>
/// The public-pages signal's version as this request first read it (<see cref="PublicCache.VersionAsync"/>): one key
/// lookup a request however many kept values (<see cref="PublicContentCache{TValue}"/>) the page asks for.
/// </summary>
public sealed class PublicContentVersion(CmsDbContext db)
{
    private long? _version;

    public async Task<long> GetAsync() => _version ??= await PublicCache.VersionAsync(db);
}
