using System.IO.Compression;
using System.Text.Json;

namespace Cms.Data.Backup;

/// <summary>A backup opened for restore: its manifest read and checked, its entries at hand.</summary>
public sealed class BackupArchive : IDisposable
{
    private BackupArchive(ZipArchive zip, BackupManifest manifest, SiteShellSettings settings)
    {
        Zip = zip;
        Manifest = manifest;
        Settings = settings;
    }

    public ZipArchive Zip { get; }

    public BackupManifest Manifest { get; }

    /// <summary>site.json as backed up (a PostgreSQL password left out).</summary>
    public SiteShellSettings Settings { get; }

    public static BackupArchive Open(string file)
    {
        if (!File.Exists(file))
        {
            throw new BackupException($"{file} does not exist.") { BadInput = true };
        }

        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(file);
        }
        catch (InvalidDataException)
        {
            throw new BackupException($"{file} is not a backup of this site (not a .zip file).") { BadInput = true };
        }

        try
        {
            var manifest = Read<BackupManifest>(zip, BackupManifest.EntryName);
            if (manifest.Format != BackupManifest.Kind)
            {
                throw new BackupException($"{file} is not a backup of this site (its manifest.json is not one).") { BadInput = true };
            }

            if (manifest.FormatVersion > BackupManifest.CurrentFormat)
            {
                throw new BackupException($"{file} was made by a newer build (backup format {manifest.FormatVersion}); restore it with that build or a later one.");
            }

            var settings = Read<SiteShellSettings>(zip, BackupEntries.ShellSettings);
            var database = manifest.Method switch
            {
                BackupMethods.SqliteOnline => BackupEntries.SqliteDatabase,
                BackupMethods.PgDump => BackupEntries.PgDumpArchive,
                BackupMethods.SiteDump => null,
                _ => throw new BackupException($"{file} holds its database in a way this build does not know ('{manifest.Method}')."),
            };
            if (database is not null && zip.GetEntry(database) is null || database is null && !Transfer.SiteDump.IsIn(zip))
            {
                throw new BackupException($"{file} is incomplete: its database ({database ?? Transfer.SiteDump.Folder}) is missing.") { BadInput = true };
            }

            return new BackupArchive(zip, manifest, settings);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>Writes an entry to a file (which must not exist).</summary>
    public async Task ExtractAsync(string entryName, string file, CancellationToken cancellationToken)
    {
        var entry = Zip.GetEntry(entryName) ?? throw new BackupException($"the backup has no {entryName}.") { BadInput = true };
        await entry.ExtractToFileAsync(file, overwrite: false, cancellationToken);
    }

    public void Dispose() => Zip.Dispose();

    private static T Read<T>(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new BackupException($"the file is not a backup of this site (it has no {name}).") { BadInput = true };
        try
        {
            using var stream = entry.Open();
            return JsonSerializer.Deserialize<T>(stream) ?? throw new BackupException($"the backup's {name} is empty.") { BadInput = true };
        }
        catch (JsonException)
        {
            throw new BackupException($"the backup's {name} is not valid JSON.") { BadInput = true };
        }
    }
}
