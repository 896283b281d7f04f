namespace Modules.Media.Models;

/// <summary>
/// One stored image: its path under the media folder (the bytes live there), what it is, and its alt
/// text. Pages list and search this table; the file system is read only to serve the bytes.
/// </summary>
public sealed class MediaFile
{
    public const int MaxPath = 255;
    public const int MaxAlt = 500;

    public long Id { get; set; }

    /// <summary>"2026/11/harbour.jpg": lower-case, '/'-separated, no "..".</summary>
    public string Path { get; set; } = "";

    public string AltText { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>SHA-256 of the stored bytes (hex, first 32): the ETag, and the key of the resized copies.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The uploading user's id (ManageOwnMedia lets them change only their own).</summary>
    public string Owner { get; set; } = "";

    public DateTime UploadedUtc { get; set; }
}

/// <summary>A published item whose text refers to a media file, so the file is not deleted from under it.</summary>
public sealed class MediaUsage
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string Path { get; set; } = "";
}
