namespace Modules.Media.Services;

/// <summary>Media:* configuration.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Folder of the files (Media__Root); relative to App_Data; default App_Data/media. Several nodes must share it.</summary>
    public string Root { get; set; } = "media";

    /// <summary>Largest upload in bytes (Media__MaxFileBytes), default 10 MB.</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest image in pixels (width × height), default 40 megapixels: a small file may decode to gigabytes.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>How long browsers and proxies may keep a file before asking again with its ETag (default 7 days).</summary>
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromDays(7);
}
