using Cms.Data.Backup;

namespace Modules.Media.Services;

/// <summary>The media files (Media__Root) are part of every backup; resized copies are not (they are made again on demand).</summary>
public sealed class MediaBackupFolder(MediaFolder folder) : IBackupFolder
{
    public string Name => "media";

    public string Path => folder.Root;
}
