using System.Globalization;

namespace Modules.Media.Services;

/// <summary>
/// Where the Media module serves files (<c>/media/{path}</c>) and the fixed widths it makes resized
/// copies at (<c>/media/{path}?width=640</c>). Fixed, so nobody can make the server render and store
/// a copy per number they type; the Markdown renderer writes a <c>srcset</c> from them.
/// </summary>
public static class MediaUrls
{
    public const string Prefix = "/media/";

    public static IReadOnlyList<int> Widths { get; } = [320, 640, 960, 1280, 1920];

    /// <summary>What a page reserves for an image in a post's column: the full width of a phone, at most the column.</summary>
    public const string Sizes = "(max-width: 48rem) 100vw, 46rem";

    public static bool IsMedia(string? url) => url is not null && url.StartsWith(Prefix, StringComparison.Ordinal) && !url.Contains('?', StringComparison.Ordinal);

    public static string Of(string path) => Prefix + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>"url?width=320 320w, ..." for a media URL.</summary>
    public static string SrcSet(string url)
        => string.Join(", ", Widths.Select(w => $"{url}?width={w.ToString(CultureInfo.InvariantCulture)} {w.ToString(CultureInfo.InvariantCulture)}w"));
}
