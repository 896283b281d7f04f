using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Processing;

namespace Modules.Media.Services;

/// <summary>An image that passed every check, re-encoded without its metadata.</summary>
public sealed record CheckedImage(byte[] Bytes, string ContentType, string Extension, int Width, int Height);

/// <summary>
/// Decides whether bytes are an image the site accepts, in this order: size, not SVG/HTML, a format
/// read from the bytes (never the name) that is the one claimed, dimensions read from the header
/// before anything is decoded (a decompression bomb is refused before it costs memory), then a full
/// decode and re-encode that drops EXIF (location), XMP and IPTC and turns the picture upright.
/// </summary>
public sealed class ImageCheck(Microsoft.Extensions.Options.IOptions<MediaOptions> options)
{
    private static readonly Dictionary<string, (string ContentType, string[] Extensions)> s_formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["JPEG"] = ("image/jpeg", [".jpg", ".jpeg"]),
        ["PNG"] = ("image/png", [".png"]),
        ["WEBP"] = ("image/webp", [".webp"]),
        ["GIF"] = ("image/gif", [".gif"]),
    };

    /// <param name="fileName">The name it will be stored under (its extension is the claimed type).</param>
    /// <param name="claimedContentType">What the browser said, if anything.</param>
    public (CheckedImage? Image, string? Error) Check(byte[] bytes, string fileName, string? claimedContentType = null)
    {
        var limits = options.Value;
        var name = Path.GetFileName(fileName);
        if (bytes.Length == 0)
        {
            return (null, $"“{name}” is empty.");
        }

        if (bytes.Length > limits.MaxFileBytes)
        {
            return (null, $"“{name}” is {Megabytes(bytes.Length)}; the limit is {Megabytes(limits.MaxFileBytes)}.");
        }

        if (LooksLikeMarkup(bytes))
        {
            return (null, $"“{name}” is SVG or HTML text, not a picture: SVG is refused because it can carry scripts.");
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        var format = Image.DetectFormat(bytes);
        if (format is null || !s_formats.TryGetValue(format.Name, out var accepted))
        {
            return (null, $"“{name}” is not a JPEG, PNG, WebP or GIF image{(format is null ? "" : $" (its bytes are {format.Name})")}.");
        }

        if (!accepted.Extensions.Contains(extension))
        {
            return (null, $"“{name}” claims to be {Claimed(extension)} but its bytes are a {format.Name} image.");
        }

        if (!string.IsNullOrEmpty(claimedContentType) && claimedContentType != "application/octet-stream"
            && !string.Equals(claimedContentType, accepted.ContentType, StringComparison.OrdinalIgnoreCase)
            && !(accepted.ContentType == "image/jpeg" && claimedContentType.Equals("image/pjpeg", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, $"“{name}” was sent as {claimedContentType} but its bytes are a {format.Name} image.");
        }

        try
        {
            // The header only: width and height, no pixels decoded.
            var info = Image.Identify(bytes);
            if (info is null || info.Width <= 0 || info.Height <= 0)
            {
                return (null, $"“{name}” could not be read as a {format.Name} image.");
            }

            var pixels = (long)info.Width * info.Height;
            if (pixels > limits.MaxPixels)
            {
                return (null, $"“{name}” is {info.Width} × {info.Height} pixels ({pixels / 1_000_000.0:0.#} megapixels); the limit is {limits.MaxPixels / 1_000_000.0:0.#} megapixels.");
            }

            using var image = Image.Load(bytes);
            image.Mutate(x => x.AutoOrient());
            StripMetadata(image);
            using var output = new MemoryStream();
            image.Save(output, Encoder(format));
            return (new CheckedImage(output.ToArray(), accepted.ContentType, extension, image.Width, image.Height), null);
        }
        catch (Exception ex) when (ex is ImageFormatException or SixLabors.ImageSharp.Memory.InvalidMemoryOperationException or NotSupportedException)
        {
            return (null, $"“{name}” could not be read as a {format.Name} image: the file is damaged.");
        }
    }

    public static IImageEncoder Encoder(IImageFormat format) => format.Name.ToUpperInvariant() switch
    {
        "JPEG" => new SixLabors.ImageSharp.Formats.Jpeg.JpegEncoder { Quality = 88 },
        "PNG" => new SixLabors.ImageSharp.Formats.Png.PngEncoder(),
        "WEBP" => new SixLabors.ImageSharp.Formats.Webp.WebpEncoder { Quality = 85 },
        _ => new SixLabors.ImageSharp.Formats.Gif.GifEncoder(),
    };

    /// <summary>EXIF holds the camera's GPS position; XMP and IPTC can repeat it. None is needed to show the picture.</summary>
    private static void StripMetadata(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IptcProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IptcProfile = null;
        }
    }

    private static bool LooksLikeMarkup(byte[] bytes)
    {
        var start = 0;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            start = 3;
        }

        while (start < bytes.Length && start < 512 && bytes[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        return start < bytes.Length && bytes[start] == (byte)'<';
    }

    private static string Claimed(string extension) => MediaPath.Extensions.TryGetValue(extension, out var type) ? type : $"a “{extension}” file";

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";
}
