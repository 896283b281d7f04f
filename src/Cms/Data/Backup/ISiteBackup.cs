namespace Cms.Data.Backup;

/// <summary>
/// Backs the site up while it serves and takes writes: one .zip a deployer keeps (the database copy
/// or dump, site.json, Data Protection key files, a manifest). Shared by the command line and the
/// admin page, which both record each backup in the site's history.
/// </summary>
public interface ISiteBackup
{
    /// <summary>Writes the backup to <paramref name="file"/> (which must not exist yet); <paramref name="startedBy"/> is kept in the history.</summary>
    /// <exception cref="BackupException">With a message for the deployer; nothing is left at <paramref name="file"/>.</exception>
    Task<BackupRecord> CreateAsync(string file, string startedBy, CancellationToken cancellationToken = default);

    /// <summary>The latest backups, newest first (failed ones too).</summary>
    Task<IReadOnlyList<BackupRecord>> HistoryAsync();

    /// <summary>The folder the admin page's backups go to (Backups__Folder, under the data folder by default).</summary>
    string Folder { get; }

    /// <summary>A new file name in <see cref="Folder"/>: backup-{UTC time}.zip.</summary>
    string NewFile();

    /// <summary>Deletes the oldest backup-*.zip files of <see cref="Folder"/> beyond Backups__Keep; returns how many.</summary>
    int Prune();
}

/// <summary>One backup, as the history keeps it.</summary>
public sealed record BackupRecord
{
    public DateTime CreatedUtc { get; init; }
    public string File { get; init; } = "";
    public long SizeBytes { get; init; }
    public string Provider { get; init; } = "";
    public string Method { get; init; } = "";
    public string StartedBy { get; init; } = "";
    public long DurationMilliseconds { get; init; }
    public bool Succeeded { get; init; }

    /// <summary>Why it failed, or a note (pg_dump was not usable, so the site's own dump was written).</summary>
    public string Message { get; init; } = "";
}

/// <summary>The history document: the latest backups, newest first.</summary>
public sealed class BackupHistoryDocument
{
    public const string DocumentId = "Backups:History";
    public const int Length = 20;

    public List<BackupRecord> Backups { get; set; } = [];
}

/// <summary>A backup or restore that could not be done, for a reason the deployer can act on.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The file given is not a usable backup (rather than the machine or database being wrong).</summary>
    public bool BadInput { get; init; }
}
