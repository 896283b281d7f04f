using System.Text.Json.Nodes;
using Cms.Data;
using Cms.Recipes.Export;
using Microsoft.EntityFrameworkCore;
using Modules.Media.Models;
using Modules.Media.Services;

namespace Modules.Media.Recipes;

/// <summary>Every media file in Orchard's "media" step shape, its bytes in Base64, so an export is a whole backup of the site.</summary>
public sealed class MediaExportStep(CmsDbContext db, MediaFolder folder) : IRecipeExportStep
{
    public async Task<JsonObject?> ExportAsync()
    {
        var files = await db.Set<MediaFile>().AsNoTracking().OrderBy(f => f.Path).ToListAsync();
        if (files.Count == 0)
        {
            return null;
        }

        var entries = new JsonArray();
        foreach (var file in files)
        {
            var path = folder.FileOf(file.Path);
            if (!File.Exists(path))
            {
                continue; // a row whose bytes are gone cannot travel; the library shows it broken
            }

            entries.Add(new JsonObject
            {
                ["TargetPath"] = file.Path,
                ["AltText"] = file.AltText,
                ["Base64"] = Convert.ToBase64String(await File.ReadAllBytesAsync(path)),
            });
        }

        return new JsonObject { ["name"] = "media", ["Files"] = entries };
    }
}
