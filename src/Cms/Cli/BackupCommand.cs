using System.CommandLine;
using Cms.Data.Backup;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Cli;

/// <summary><c>backup [--out FILE]</c>: a consistent copy of the site while it serves and takes writes.</summary>
public static class BackupCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<FileInfo>("--out", "-o") { Description = "The backup file to write (.zip); by default a new backup-{time}.zip in the backups folder (Backups__Folder)." };
        var command = new Command("backup", "Backs the site up while it runs: its database (SQLite's online backup, pg_dump, or the site's own dump), site.json, Data Protection keys and a manifest, in one .zip. Example: backup --out site-backup.zip");
        command.Options.Add(output);
        command.SetAction(async parsed =>
        {
            using var site = await context.OpenSiteAsync();
            if (site is null)
            {
                return CliExit.Environment;
            }

            var backups = site.ServiceProvider.GetRequiredService<ISiteBackup>();
            var file = parsed.GetValue(output)?.FullName;
            if (file is null)
            {
                Directory.CreateDirectory(backups.Folder);
                file = backups.NewFile();
            }

            BackupRecord record;
            try
            {
                record = await backups.CreateAsync(file, "command line");
            }
            catch (BackupException ex)
            {
                return context.Fail(CliExit.Environment, ex.Message);
            }

            if (parsed.GetValue(output) is null)
            {
                backups.Prune();
            }

            if (record.Message.Length > 0)
            {
                await context.Error.WriteLineAsync($"note: {record.Message}");
            }

            await context.Out.WriteLineAsync($"Backed up the site ({record.Provider}, {record.Method}) to {record.File}: {Size(record.SizeBytes)} in {record.DurationMilliseconds / 1000.0:0.0} s.");
            return CliExit.Ok;
        });
        return command;
    }

    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:0.0} KiB",
        _ => $"{bytes} bytes",
    };
}
