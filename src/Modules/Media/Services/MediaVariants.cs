using Modules.Media.Models;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace Modules.Media.Services;

/// <summary>
/// Resized copies at the fixed widths (<see cref="MediaUrls.Widths"/>), made the first time one is
/// asked for and kept in this node's cache folder. At most two are made at once, so a burst of new
/// pictures cannot take every core.
/// </summary>
public sealed class MediaVariants(MediaFolder folder)
{
    private static readonly SemaphoreSlim s_making = new(2, 2);

    /// <summary>The file to serve for the width: the original when it is no wider.</summary>
    public async Task<string> FileForAsync(MediaFile file, int width, CancellationToken cancellationToken)
    {
        var original = folder.FileOf(file.Path);
        if (width >= file.Width)
        {
            return original;
        }

        var variant = folder.VariantOf(file.Hash, width, Path.GetExtension(file.Path));
        if (File.Exists(variant))
        {
            return variant;
        }

        await s_making.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(variant))
            {
                Directory.CreateDirectory(folder.CacheRoot);
                var bytes = await File.ReadAllBytesAsync(original, cancellationToken);
                var format = Image.DetectFormat(bytes);
                using var image = Image.Load(bytes);
                image.Mutate(x => x.Resize(width, 0));
                var temp = variant + "." + Guid.NewGuid().ToString("N") + ".tmp";
                await using (var output = File.Create(temp))
                {
                    await image.SaveAsync(output, ImageCheck.Encoder(format), cancellationToken);
                }

                File.Move(temp, variant, overwrite: true);
            }
        }
        finally
        {
            s_making.Release();
        }

        return variant;
    }
}
