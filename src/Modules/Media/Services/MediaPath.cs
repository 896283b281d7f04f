using System.Text;
using System.Text.RegularExpressions;

namespace Modules.Media.Services;

/// <summary>
/// The rules for a media path: lower-case segments of letters, digits, '-', '_' and '.', separated
/// by '/', never "." or "..", ending in an image extension. Anything else is refused with the reason,
/// so no path can leave the media folder.
/// </summary>
public static partial class MediaPath
{
    public static readonly IReadOnlyDictionary<string, string> Extensions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png", [".webp"] = "image/webp", [".gif"] = "image/gif",
    };

    /// <summary>The path, normalised; or null and the reason it is refused.</summary>
    public static (string? Path, string? Error) Check(string? path)
    {
        var text = (path ?? "").Trim().Replace('\\', '/').Trim('/');
        if (text.Length == 0)
        {
            return (null, "The file name is empty.");
        }

        if (text.Split('/').Any(s => s is ".." or "." || s.Length == 0))
        {
            return (null, $"“{path}” is refused: a media path may not contain “..”, “.” or empty folders.");
        }

        if (text.Length > Models.MediaFile.MaxPath)
        {
            return (null, $"The path is {text.Length} characters long; at most {Models.MediaFile.MaxPath}.");
        }

        var extension = System.IO.Path.GetExtension(text).ToLowerInvariant();
        if (extension == ".svg" || extension == ".svgz")
        {
            return (null, "SVG images are refused: they can carry scripts. Upload a PNG or WebP instead.");
        }

        if (!Extensions.ContainsKey(extension))
        {
            return (null, $"“{System.IO.Path.GetFileName(text)}” is not a JPEG, PNG, WebP or GIF file name.");
        }

        var lower = text.ToLowerInvariant();
        if (!Allowed().IsMatch(lower))
        {
            return (null, $"“{path}” may hold only letters a–z, digits, “-”, “_”, “.” and “/”.");
        }

        return (lower, null);
    }

    /// <summary>A safe file name made from what a browser sent ("Harbour at Dawn.JPG" → "harbour-at-dawn.jpg").</summary>
    public static string Slug(string fileName)
    {
        var name = System.IO.Path.GetFileName(fileName.Replace('\\', '/'));
        var extension = System.IO.Path.GetExtension(name).ToLowerInvariant();
        var stem = System.IO.Path.GetFileNameWithoutExtension(name).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder();
        foreach (var c in stem.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '_')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-' && (char.IsWhiteSpace(c) || c is '-' or '.'))
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > 80)
        {
            slug = slug[..80].Trim('-');
        }

        return (slug.Length == 0 ? "image" : slug) + extension;
    }

    [GeneratedRegex("^[a-z0-9_\\-./]+$")]
    private static partial Regex Allowed();
}
