using Cms.Content;
using Modules.Media.Services;

namespace Modules.Media.Handlers;

/// <summary>Keeps the usage table in step with each item's published version, in the change's transaction.</summary>
public sealed class MediaUsageHandler(MediaUsages usages) : IContentHandler
{
    public async Task ChangedAsync(ContentChange change)
        => await usages.SetAsync(change.ContentItemId, PathsOf(change));

    /// <summary>An imported batch: one read for the batch, no save (the importer saves the batch).</summary>
    public Task ImportedAsync(IReadOnlyList<ContentChange> changes)
        => usages.SetAsync(changes.Select(c => (c.ContentItemId, PathsOf(c))).ToList());

    private static IReadOnlySet<string> PathsOf(ContentChange change)
        => change.Published is { } published ? MediaUsages.PathsIn(published) : new HashSet<string>();
}
