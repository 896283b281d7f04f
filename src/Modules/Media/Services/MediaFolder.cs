using Cms.Data;
using Microsoft.Extensions.Options;

namespace Modules.Media.Services;

/// <summary>
/// Where the bytes live: the media folder (Media__Root, relative to App_Data; shared by every node) and
/// this node's folder of resized copies (App_Data/media-cache, made again on demand). Every path is
/// checked to stay inside its folder.
/// </summary>
public sealed class MediaFolder(ShellSettingsStore shell, IOptions<MediaOptions> options)
{
    public string Root { get; } = Path.GetFullPath(options.Value.Root, shell.AppDataPath);

    public string CacheRoot { get; } = Path.Combine(shell.AppDataPath, "media-cache");

    /// <summary>The file of a checked media path (see <see cref="MediaPath.Check"/>).</summary>
    public string FileOf(string path) => Inside(Root, path);

    /// <summary>A resized copy, keyed by the original's hash so a replaced file never serves an old copy.</summary>
    public string VariantOf(string hash, int width, string extension) => Inside(CacheRoot, $"{hash}-{width}{extension}");

    public async Task WriteAsync(string path, byte[] bytes)
    {
        var file = FileOf(path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes);
        File.Move(temp, file, overwrite: true);
    }

    public void Move(string from, string to)
    {
        var target = FileOf(to);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(FileOf(from), target);
    }

    public void Delete(string path)
    {
        var file = FileOf(path);
        if (File.Exists(file))
        {
            File.Delete(file);
        }
    }

    /// <summary>Drops the resized copies of an original that was replaced or deleted.</summary>
    public void DeleteVariants(string hash)
    {
        if (!Directory.Exists(CacheRoot) || hash.Length == 0)
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(CacheRoot, hash + "-*"))
        {
            File.Delete(file);
        }
    }

    private static string Inside(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A media path left its folder.");
        }

        return full;
    }
}
