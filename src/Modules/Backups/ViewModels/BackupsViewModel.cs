using Cms.Data.Backup;

namespace Modules.Backups.ViewModels;

public sealed class BackupsViewModel
{
    /// <summary>Newest first; failed backups too.</summary>
    public IReadOnlyList<BackupRecord> History { get; init; } = [];

    /// <summary>Where "Back up now" writes.</summary>
    public string Folder { get; init; } = "";

    public int Keep { get; init; }

    public BackupRecord? Last => History.FirstOrDefault(b => b.Succeeded);

    /// <summary>Whether the file of a backup is still where it was written.</summary>
    public static bool IsThere(BackupRecord record) => File.Exists(record.File);

    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:0.0} KiB",
        _ => $"{bytes} bytes",
    };
}
