using Modules.Contents.Services;

namespace Modules.Comments.Services;

/// <summary>Posts' public addresses by item id (from the Contents module's entries), with the home page for an item that has none.</summary>
public sealed class PostPaths(IAutorouteEntries entries)
{
    public async Task<string> PathOfAsync(string contentItemId)
        => (await PathsOfAsync([contentItemId])).GetValueOrDefault(contentItemId, "/");

    public Task<IReadOnlyDictionary<string, string>> PathsOfAsync(IReadOnlyCollection<string> contentItemIds)
        => entries.PathsOfAsync(contentItemIds);
}
