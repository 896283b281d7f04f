namespace Cms.Data.Backup;

/// <summary>Backups, bound from the "Backups" configuration section (Backups__Folder, ...).</summary>
public sealed class BackupOptions
{
    public const string Section = "Backups";

    /// <summary>Where backups started from the admin page go; a relative path is read against the data folder.</summary>
    public string Folder { get; set; } = "backups";

    /// <summary>How many of the admin page's backups (backup-*.zip in <see cref="Folder"/>) are kept; 0 keeps all.</summary>
    public int Keep { get; set; } = 10;

    /// <summary>
    /// pg_dump for PostgreSQL sites: a path, or empty to look on PATH and in /usr/lib/postgresql/*/bin,
    /// or "none" to always write the site's own dump.
    /// </summary>
    public string PgDump { get; set; } = "";

    /// <summary>pg_restore, found the same way, to restore a backup made by pg_dump.</summary>
    public string PgRestore { get; set; } = "";
}
