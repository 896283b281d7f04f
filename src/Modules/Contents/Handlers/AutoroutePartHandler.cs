using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Data;
using Cms.Settings;
using Microsoft.EntityFrameworkCore;
using Modules.Contents.Indexes;
using Modules.Contents.Models;
using Modules.Contents.Services;

namespace Modules.Contents.Handlers;

/// <summary>
/// Gives an item without a path one from its type's pattern (made unique with -2, -3, ...), and keeps
/// AutoroutePartIndex in step with the item's Published and Latest versions.
/// </summary>
public sealed class AutoroutePartHandler(
    CmsDbContext db,
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
        for (var n = 2; await IsTakenAsync(path, item.ContentItemId); n++)
        {
            path = $"{basePath}-{n}";
        }

        part.Path = path;
        item.Apply(part);
    }

    public async Task ChangedAsync(ContentChange change)
    {
        var existing = await db.Set<AutoroutePartIndex>().Where(i => i.ContentItemId == change.ContentItemId).ToListAsync();
        db.Set<AutoroutePartIndex>().RemoveRange(existing);
        var rows = await db.ContentItems.AsNoTracking()
            .Where(r => r.ContentItemId == change.ContentItemId && (r.Latest || r.Published))
            .ToListAsync();
        foreach (var row in rows)
        {
            var path = ContentItem.FromJson(row.Data).As<AutoroutePart>()?.Path;
            if (!string.IsNullOrEmpty(path))
            {
                db.Set<AutoroutePartIndex>().Add(new AutoroutePartIndex
                {
                    ContentItemId = row.ContentItemId,
                    ContentItemVersionId = row.ContentItemVersionId,
                    Path = path,
                    Published = row.Published,
                    Latest = row.Latest,
                });
            }
        }

        await db.SaveChangesAsync();
    }

    private Task<bool> IsTakenAsync(string path, string contentItemId)
        => db.Set<AutoroutePartIndex>().AnyAsync(i => i.Path == path && i.ContentItemId != contentItemId);
}
