using System.Security.Cryptography;
using Cms.Content;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.Media.Models;

namespace Modules.Media.Services;

/// <summary>A refusal with the message the user sees, or the file it acted on.</summary>
public sealed record MediaResult(MediaFile? File, string? Error)
{
    public static MediaResult Refused(string error) => new(null, error);
}

/// <summary>
/// Upload, rename, replace and delete. Every check runs before anything is written; then the bytes go
/// to the media folder and the row to the database.
/// </summary>
public sealed class MediaLibrary(CmsDbContext db, MediaFolder folder, ImageCheck images, MediaUsages usages, TimeProvider clock, Microsoft.Extensions.Options.IOptions<MediaOptions> options)
{
    public long MaxFileBytes => options.Value.MaxFileBytes;

    public const int PageSize = 24;

    private DbSet<MediaFile> Files => db.Set<MediaFile>();

    public Task<MediaFile?> FindAsync(long id) => Files.FirstOrDefaultAsync(f => f.Id == id);

    public Task<MediaFile?> FindAsync(string path) => Files.AsNoTracking().FirstOrDefaultAsync(f => f.Path == path);

    public async Task<(IReadOnlyList<MediaFile> Items, bool HasNext)> PageAsync(string? query, int page)
    {
        var files = Files.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var text = query.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1862 // Translated to SQL lower(...) LIKE.
            files = files.Where(f => f.Path.Contains(text) || f.AltText.ToLower().Contains(text));
#pragma warning restore CA1304, CA1862
        }

        var rows = await files.OrderByDescending(f => f.UploadedUtc).ThenByDescending(f => f.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        return (rows.Take(PageSize).ToList(), rows.Count > PageSize);
    }

    /// <param name="folderName">Where under the media folder; empty: this month's folder ("2026/11").</param>
    public async Task<MediaResult> UploadAsync(byte[] bytes, string fileName, string? contentType, string? altText, string? folderName, string owner)
    {
        if (CheckAlt(altText) is { } altError)
        {
            return MediaResult.Refused(altError);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var target = string.IsNullOrWhiteSpace(folderName) ? now.ToString("yyyy/MM", System.Globalization.CultureInfo.InvariantCulture) : folderName.Trim();
        if (target.Split('/', '\\').Contains(".."))
        {
            return MediaResult.Refused($"“{folderName}” is refused: a media path may not contain “..”.");
        }

        var (path, pathError) = MediaPath.Check($"{target}/{MediaPath.Slug(fileName)}");
        if (path is null)
        {
            return MediaResult.Refused(pathError!);
        }

        var (image, error) = images.Check(bytes, path, contentType);
        if (image is null)
        {
            return MediaResult.Refused(error!);
        }

        path = await FreePathAsync(path);
        var file = new MediaFile
        {
            Path = path, AltText = altText!.Trim(), Owner = owner, UploadedUtc = now,
        };
        Fill(file, image);
        await folder.WriteAsync(path, image.Bytes);
        Files.Add(file);
        await db.SaveChangesAsync();
        return new(file, null);
    }

    /// <summary>Stores an image a recipe carries at exactly its target path, over any file there.</summary>
    public async Task ImportAsync(string path, CheckedImage image, string altText)
    {
        var file = await Files.FirstOrDefaultAsync(f => f.Path == path);
        if (file is null)
        {
            file = new MediaFile { Path = path, UploadedUtc = clock.GetUtcNow().UtcDateTime };
            Files.Add(file);
        }
        else
        {
            folder.DeleteVariants(file.Hash);
        }

        file.AltText = altText.Length > 0 ? altText : file.AltText;
        Fill(file, image);
        await folder.WriteAsync(path, image.Bytes);
        await db.SaveChangesAsync();
    }

    public async Task<MediaResult> RenameAsync(MediaFile file, string? newPath, string? altText)
    {
        if (CheckAlt(altText) is { } altError)
        {
            return MediaResult.Refused(altError);
        }

        var (path, pathError) = MediaPath.Check(newPath);
        if (path is null)
        {
            return MediaResult.Refused(pathError!);
        }

        if (path != file.Path)
        {
            if (Path.GetExtension(path) != Path.GetExtension(file.Path))
            {
                return MediaResult.Refused($"The new name must keep the extension “{Path.GetExtension(file.Path)}”: the bytes are that type.");
            }

            if (await Files.AnyAsync(f => f.Path == path))
            {
                return MediaResult.Refused($"“{path}” is taken by another file.");
            }

            if (await usages.PublishedUsersOfAsync(file.Path) is { Count: > 0 } users)
            {
                return MediaResult.Refused($"“{file.Path}” cannot be renamed: published posts show it ({Names(users)}). Change them first, or upload a copy under the new name.");
            }

            folder.Move(file.Path, path);
            file.Path = path;
        }

        file.AltText = altText!.Trim();
        await db.SaveChangesAsync();
        return new(file, null);
    }

    public async Task<MediaResult> ReplaceAsync(MediaFile file, byte[] bytes, string fileName, string? contentType)
    {
        // The file keeps its path, so posts that show it show the new picture; its type must stay the path's.
        var (image, error) = images.Check(bytes, file.Path, contentType);
        if (image is null)
        {
            return MediaResult.Refused(error!.Replace($"“{Path.GetFileName(file.Path)}”", $"“{Path.GetFileName(fileName)}”", StringComparison.Ordinal));
        }

        var oldHash = file.Hash;
        Fill(file, image);
        await folder.WriteAsync(file.Path, image.Bytes);
        await db.SaveChangesAsync();
        folder.DeleteVariants(oldHash);
        return new(file, null);
    }

    public async Task<MediaResult> DeleteAsync(MediaFile file)
    {
        if (await usages.PublishedUsersOfAsync(file.Path) is { Count: > 0 } users)
        {
            return MediaResult.Refused($"“{file.Path}” is not deleted: published posts show it ({Names(users)}). Take it out of them first.");
        }

        Files.Remove(file);
        await db.SaveChangesAsync();
        folder.Delete(file.Path);
        folder.DeleteVariants(file.Hash);
        return new(file, null);
    }

    public static string? CheckAlt(string? altText)
    {
        if (string.IsNullOrWhiteSpace(altText))
        {
            return "Alt text is required: describe the picture for readers who cannot see it.";
        }

        if (altText.Trim().Length > MediaFile.MaxAlt)
        {
            return $"Alt text is {altText.Trim().Length} characters long; at most {MediaFile.MaxAlt}.";
        }

        return XmlChars.Problem(altText, "Alt text");
    }

    private static void Fill(MediaFile file, CheckedImage image)
    {
        file.ContentType = image.ContentType;
        file.Length = image.Bytes.Length;
        file.Width = image.Width;
        file.Height = image.Height;
        file.Hash = Convert.ToHexStringLower(SHA256.HashData(image.Bytes))[..32];
    }

    /// <summary>"a.jpg", else "a-2.jpg", "a-3.jpg"...: an upload never overwrites another file.</summary>
    private async Task<string> FreePathAsync(string path)
    {
        var stem = path[..^Path.GetExtension(path).Length];
        var extension = Path.GetExtension(path);
        var taken = await Files.Where(f => f.Path.StartsWith(stem)).Select(f => f.Path).ToListAsync();
        var candidate = path;
        for (var n = 2; taken.Contains(candidate) || File.Exists(folder.FileOf(candidate)); n++)
        {
            candidate = $"{stem}-{n}{extension}";
        }

        return candidate;
    }

    private static string Names(IReadOnlyList<string> titles)
        => string.Join(", ", titles.Take(5).Select(t => $"“{t}”")) + (titles.Count > 5 ? $" and {titles.Count - 5} more" : "");
}
