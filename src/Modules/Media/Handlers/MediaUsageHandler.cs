using Cms.Content;
using Modules.Media.Services;

namespace Modules.Media.Handlers;

/// <summary>Keeps the usage table in step with each item's published version, in the change's transaction.</summary>
public sealed class MediaUsageHandler(MediaUsages usages) : IContentHandler
{
    public async Task ChangedAsync(ContentChange change)
        => await usages.SetAsync(change.ContentItemId, change.Published is { } published ? MediaUsages.PathsIn(published) : new HashSet<string>());
}
