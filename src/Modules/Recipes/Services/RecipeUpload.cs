using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace Modules.Recipes.Services;

/// <summary>
/// The recipe text of an import, as Orchard's deployment import takes it: pasted JSON, an uploaded
/// .json file, or a .zip holding Recipe.json at its root (other files in the .zip are not used here).
/// </summary>
public static class RecipeUpload
{
    /// <summary>The largest upload, and the largest Recipe.json inside a .zip (so a small .zip cannot unpack to gigabytes).</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    public static async Task<(string? Text, string? Error)> ReadAsync(IFormFile? file, string? pasted)
    {
        if (file is null || file.Length == 0)
        {
            return string.IsNullOrWhiteSpace(pasted)
                ? (null, "Paste a recipe's JSON, or choose a .json or .zip file.")
                : (pasted, null);
        }

        if (file.Length > MaxBytes)
        {
            return (null, $"The file is larger than {MaxBytes / 1024 / 1024} MB.");
        }

        var extension = Path.GetExtension(file.FileName).ToUpperInvariant();
        await using var stream = file.OpenReadStream();
        return extension switch
        {
            ".JSON" => (await ReadAllAsync(stream), null),
            ".ZIP" => await ReadZipAsync(stream),
            _ => (null, "Choose a .json file or a .zip holding Recipe.json."),
        };
    }

    private static async Task<(string? Text, string? Error)> ReadZipAsync(Stream stream)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            return (null, "The .zip file could not be read.");
        }

        using (archive)
        {
            var entry = archive.Entries.FirstOrDefault(e => string.Equals(e.FullName, "Recipe.json", StringComparison.OrdinalIgnoreCase));
            if (entry is null)
            {
                return (null, "The .zip file has no Recipe.json at its root.");
            }

            if (entry.Length > MaxBytes)
            {
                return (null, $"Recipe.json is larger than {MaxBytes / 1024 / 1024} MB.");
            }

            try
            {
                await using var content = entry.Open();
                return (await ReadAllAsync(content), null);
            }
            catch (InvalidDataException)
            {
                return (null, "Recipe.json in the .zip file could not be unpacked.");
            }
        }
    }

    private static async Task<string> ReadAllAsync(Stream stream)
    {
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
