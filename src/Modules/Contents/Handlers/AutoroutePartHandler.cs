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
        var part = item.As<AutoroutePart>();
        if (part is not null && !string.IsNullOrEmpty(part.Path))
        {
            return;
        }

        var type = await definitions.GetTypeAsync(item.ContentType);
        var definition = type?.ContentTypePartDefinitionRecords.FirstOrDefault(p => p.PartName == nameof(AutoroutePart));
        if (definition is null)
        {
            return;
        }

        part ??= new AutoroutePart();
        var settingsJson = definition.GetSettings(nameof(AutoroutePartSettings));
        var pattern = settingsJson?["Pattern"]?.GetValue<string>();
        var basePath = await generator.GenerateAsync(pattern, item, (await site.GetAsync()).TimeZone());
        var path = basePath;
        for (var n = 2; await entries.IsTakenAsync(path, item.ContentItemId); n++)
        {
            path = $"{basePath}-{n}";
        }

        part.Path = path;
        item.Apply(part);
    }

    public Task ChangedAsync(ContentChange change) => entries.UpdateIndexAsync(change);
}
