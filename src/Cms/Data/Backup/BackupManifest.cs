using System.Text.Json;

namespace Cms.Data.Backup;

/// <summary>
/// manifest.json at the root of a backup: what it holds and how to restore it. Restore reads it
/// first and checks the restored tables against <see cref="Rows"/>.
/// </summary>
public sealed record BackupManifest
{
    public const string EntryName = "manifest.json";
    public const string Kind = "news-commentary-site-backup";
    /// <summary>2 added <see cref="Folders"/>; a format 1 backup (no folders) restores as it always did.</summary>
    public const int CurrentFormat = 2;

    public string Format { get; init; } = Kind;
    public int FormatVersion { get; init; } = CurrentFormat;

    /// <summary>The build that made it (the Cms assembly's informational version).</summary>
    public string SiteVersion { get; init; } = "";

    public DateTime CreatedUtc { get; init; }
    public string SiteName { get; init; } = "";
    public string Provider { get; init; } = "";
    public string TablePrefix { get; init; } = "";

    /// <summary>How the database was copied: <see cref="BackupMethods"/>.</summary>
    public string Method { get; init; } = "";

    /// <summary>Rows per table (by entity name) at the backup's moment.</summary>
    public Dictionary<string, long> Rows { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The modules' folders of files the backup carries under folders/{name}/ (see <see cref="IBackupFolder"/>).</summary>
    public List<BackupFolderRecord> Folders { get; init; } = [];

    /// <summary>What of the site's secrets the backup holds, and what it leaves out, in words.</summary>
    public string Secrets { get; init; } = "";

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>One module folder in a backup: its name, where it was, and how much it held.</summary>
/// <param name="InAppData">The folder relative to the data folder when it was inside it ("media"), else null.</param>
public sealed record BackupFolderRecord(string Name, string? InAppData, int Files, long Bytes);

/// <summary>The ways a backup copies the database, as the manifest names them.</summary>
public static class BackupMethods
{
    /// <summary>SQLite's online backup API: database/site.db.</summary>
    public const string SqliteOnline = "sqlite-online-backup";

    /// <summary>pg_dump's custom format: database/site.pgdump.</summary>
    public const string PgDump = "pg_dump";

    /// <summary>The site's own provider-neutral dump: database/dump/*.jsonl.</summary>
    public const string SiteDump = "site-dump";
}

/// <summary>Entry names inside a backup.</summary>
public static class BackupEntries
{
    public const string ShellSettings = "site.json";
    public const string SqliteDatabase = "database/site.db";
    public const string PgDumpArchive = "database/site.pgdump";
    public const string KeysFolder = "DataProtection-Keys/";
    public const string Folders = "folders/";
}
