using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Settings;
using Modules.Contents.Models;
using Modules.Contents.Services;

namespace Modules.Contents.Handlers;

/// <summary>
/// Gives an item without a path one from its type's pattern (made unique with -2, -3, ...), and keeps
/// AutoroutePartIndex in step with the item's Published and Latest versions.
/// </summary>
public sealed class AutoroutePartHandler(
    AutorouteEntries entries,
    IContentDefinitionManager definitions,
    ISiteService site,
    AutoroutePathGenerator generator) : IContentHandler
{
    public async Task SavingAsync(ContentItem item)
    {
        if (await BasePathAsync(item) is not { } basePath)
        {
            return;
        }

        var path = basePath;
        for (var n = 2; await entries.IsTakenAsync(path, item.ContentItemId); n++)
        {
            path = $"{basePath}-{n}";
        }

        Apply(item, path);
    }

    /// <summary>
    /// An imported batch: every generated path is made unique against the stored index (one query for all
    /// of the batch's paths, one more for the "-N" paths of those already taken) and against the paths of
    /// the batch's other items. The batches before this one are in the index already.
    /// </summary>
    public async Task ImportingAsync(IReadOnlyList<ContentItem> items)
    {
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.As<AutoroutePart>()?.Path is { Length: > 0 } path)
            {
                claimed.TryAdd(path, item.ContentItemId);
            }
        }

        var wanted = new List<(ContentItem Item, string Base)>();
        foreach (var item in items)
        {
            if (await BasePathAsync(item) is { } basePath)
            {
                wanted.Add((item, basePath));
            }
        }

        if (wanted.Count == 0)
        {
            return;
        }

        var stored = await entries.HoldersAsync(wanted.Select(w => w.Base).ToHashSet(StringComparer.Ordinal));
        var storedSuffixed = await entries.SuffixedHoldersAsync(wanted.Select(w => w.Base).Where(b => stored.Contains(b)).ToHashSet(StringComparer.Ordinal));
        foreach (var (item, basePath) in wanted)
        {
            bool Taken(string p) => (claimed.TryGetValue(p, out var holder) && holder != item.ContentItemId)
                || stored[p].Concat(storedSuffixed[p]).Any(id => id != item.ContentItemId);

            var path = basePath;
            for (var n = 2; Taken(path); n++)
            {
                path = $"{basePath}-{n}";
            }

            claimed[path] = item.ContentItemId;
            Apply(item, path);
        }
    }

    public Task ChangedAsync(ContentChange change) => entries.UpdateIndexAsync(change);

    public Task ImportedAsync(IReadOnlyList<ContentChange> changes) => entries.UpdateIndexAsync(changes);

    /// <summary>The path the type's pattern gives an item that has none; null when it has one or its type has no AutoroutePart.</summary>
    private async Task<string?> BasePathAsync(ContentItem item)
    {
        if (item.As<AutoroutePart>() is { Path.Length: > 0 })
        {
            return null;
        }

        var type = await definitions.GetTypeAsync(item.ContentType);
        var definition = type?.ContentTypePartDefinitionRecords.FirstOrDefault(p => p.PartName == nameof(AutoroutePart));
        if (definition is null)
        {
            return null;
        }

        var pattern = definition.GetSettings(nameof(AutoroutePartSettings))?["Pattern"]?.GetValue<string>();
        return await generator.GenerateAsync(pattern, item, (await site.GetAsync()).TimeZone());
    }

    private static void Apply(ContentItem item, string path)
    {
        var part = item.As<AutoroutePart>() ?? new AutoroutePart();
        part.Path = path;
        item.Apply(part);
    }
}
