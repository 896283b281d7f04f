using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using Cms.Modules;
using Cms.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cms.Data.Backup;

/// <inheritdoc cref="ISiteBackup"/>
public sealed class SiteBackup(
    IServiceProvider services,
    ShellSettingsStore shell,
    IDocumentStore documents,
    ISiteService site,
    IOptions<BackupOptions> options,
    TimeProvider clock,
    ILogger<SiteBackup> logger) : ISiteBackup
{
    /// <summary>One backup at a time per process: a second click waits rather than doubling the load.</summary>
    private static readonly SemaphoreSlim s_oneAtATime = new(1, 1);

    public string Folder => Path.GetFullPath(options.Value.Folder, shell.AppDataPath);

    public string NewFile()
    {
        var name = $"backup-{clock.GetUtcNow():yyyyMMdd-HHmmss}Z";
        var file = Path.Combine(Folder, name + ".zip");
        for (var n = 2; File.Exists(file) || File.Exists(file + ".partial"); n++)
        {
            file = Path.Combine(Folder, $"{name}-{n}.zip");
        }

        return file;
    }

    public async Task<BackupRecord> CreateAsync(string file, string startedBy, CancellationToken cancellationToken = default)
    {
        if (!shell.IsSetUp || shell.Current is not { } settings)
        {
            throw new BackupException($"the site is not set up (data folder {shell.AppDataPath}); there is nothing to back up.");
        }

        file = Path.GetFullPath(file);
        var folder = Path.GetDirectoryName(file)!;
        if (!Directory.Exists(folder))
        {
            throw new BackupException($"the folder {folder} does not exist.");
        }

        if (File.Exists(file))
        {
            throw new BackupException($"{file} already exists; a backup never overwrites a file. Name a new one.");
        }

        await s_oneAtATime.WaitAsync(cancellationToken);
        var started = clock.GetUtcNow().UtcDateTime;
        var timer = Stopwatch.StartNew();
        var partial = file + ".partial";
        try
        {
            var copy = await WriteAsync(settings, partial, folder, started, cancellationToken);
            File.Move(partial, file);
            var record = new BackupRecord
            {
                CreatedUtc = started, File = file, SizeBytes = new FileInfo(file).Length, Provider = settings.DatabaseProvider,
                Method = copy.Method, StartedBy = startedBy, DurationMilliseconds = timer.ElapsedMilliseconds, Succeeded = true, Message = copy.Note,
            };
            await RecordAsync(record);
            return record;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Data.Common.DbException or InvalidOperationException or BackupException)
        {
            File.Delete(partial);
            var message = ex is BackupException ? ex.Message : $"the backup failed: {ex.GetBaseException().Message}";
            await RecordAsync(new BackupRecord
            {
                CreatedUtc = started, File = file, Provider = settings.DatabaseProvider, StartedBy = startedBy,
                DurationMilliseconds = timer.ElapsedMilliseconds, Succeeded = false, Message = message,
            });
            throw new BackupException(message, ex);
        }
        finally
        {
            s_oneAtATime.Release();
        }
    }

    public async Task<IReadOnlyList<BackupRecord>> HistoryAsync()
        => (await documents.GetAsync<BackupHistoryDocument>(BackupHistoryDocument.DocumentId)).Backups;

    public int Prune()
    {
        var keep = options.Value.Keep;
        if (keep <= 0 || !Directory.Exists(Folder))
        {
            return 0;
        }

        var old = new DirectoryInfo(Folder).GetFiles("backup-*.zip").OrderByDescending(f => f.Name, StringComparer.Ordinal).Skip(keep).ToList();
        old.ForEach(f => f.Delete());
        return old.Count;
    }

    private async Task<DatabaseCopy.Result> WriteAsync(SiteShellSettings settings, string partial, string folder, DateTime started, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.ReadWrite);
        await using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        var copy = await new DatabaseCopy(services, options.Value).WriteAsync(settings, zip, folder, cancellationToken);
        var (shellSettings, secrets) = WithoutPassword(settings);
        await WriteJsonAsync(zip, BackupEntries.ShellSettings, shellSettings, cancellationToken);
        var keys = Path.Combine(shell.AppDataPath, "DataProtection-Keys");
        if (Directory.Exists(keys))
        {
            foreach (var key in Directory.GetFiles(keys, "*.xml"))
            {
                await zip.CreateEntryFromFileAsync(key, BackupEntries.KeysFolder + Path.GetFileName(key), CompressionLevel.Optimal, cancellationToken);
            }
        }

        // After the database copy: a file uploaded meanwhile is carried unused; one deleted meanwhile is skipped.
        var folders = await BackupFolders.WriteAsync(zip, await EnabledFoldersAsync(), shell.AppDataPath, cancellationToken);
        await WriteJsonAsync(zip, BackupManifest.EntryName, new BackupManifest
        {
            SiteVersion = typeof(SiteBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "",
            CreatedUtc = started,
            SiteName = (await site.GetAsync()).SiteName,
            Provider = settings.DatabaseProvider,
            TablePrefix = settings.TablePrefix,
            Method = copy.Method,
            Rows = copy.Rows,
            Folders = folders,
            Secrets = "The database is whole: password hashes, the Data Protection key ring (unencrypted) and what it protects " +
                      "(the e-mail settings' SMTP password). " + secrets,
        }, cancellationToken);
        return copy;
    }

    /// <summary>The folders of files the enabled features contribute (the Media module's uploads).</summary>
    private async Task<List<IBackupFolder>> EnabledFoldersAsync()
    {
        var enabled = await services.GetRequiredService<IFeatureManager>().GetEnabledAsync();
        return services.GetServices<FeatureBound<IBackupFolder>>().Where(f => enabled.Contains(f.FeatureId)).Select(f => f.Service).ToList();
    }

    /// <summary>site.json as the backup keeps it: a PostgreSQL password is left out (restore asks for the connection string).</summary>
    private static (SiteShellSettings Settings, string Note) WithoutPassword(SiteShellSettings settings)
    {
        if (settings.DatabaseProvider != SiteShellSettings.Postgres)
        {
            return (settings, "site.json names the SQLite file; restore puts the database in the new data folder.");
        }

        var connection = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        var had = !string.IsNullOrEmpty(connection.Password);
        connection.Password = null;
        return (settings with { ConnectionString = connection.ToString() },
            had ? "The PostgreSQL password is left out of site.json." : "site.json's PostgreSQL connection string had no password.");
    }

    private static async Task WriteJsonAsync<T>(ZipArchive zip, string name, T value, CancellationToken cancellationToken)
    {
        await using var entry = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(cancellationToken);
        await JsonSerializer.SerializeAsync(entry, value, BackupManifest.Json, cancellationToken);
    }

    /// <summary>Keeps the newest backups in the history; a history that cannot be written must not fail the backup.</summary>
    private async Task RecordAsync(BackupRecord record)
    {
        try
        {
            await documents.UpdateAsync<BackupHistoryDocument>(BackupHistoryDocument.DocumentId, history =>
            {
                history.Backups.Insert(0, record);
                history.Backups.RemoveRange(Math.Min(history.Backups.Count, BackupHistoryDocument.Length), Math.Max(0, history.Backups.Count - BackupHistoryDocument.Length));
            });
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException)
        {
            logger.LogWarning("The backup to {File} was not recorded in the site's history: {Reason}", record.File, ex.GetBaseException().Message);
        }
    }
}
